/**
 * The model: the types every layer shares (articles, originals, reports, the store's
 * interfaces). Types only, so any layer may import it and it imports nothing.
 */
export type * from './article';
export type * from './lexicon';
export type * from './original';
export type * from './report';
export type * from './problem';
export type * from './store';
