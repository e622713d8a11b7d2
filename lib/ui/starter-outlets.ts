/**
 * The first-run page's short list of outlets to follow: public service broadcasters and major
 * newsrooms in the four languages of the interface, each with the feed address it publishes
 * and the page where it documents its feeds. Nothing here is fetched until the reader ticks
 * an outlet and follows it. These addresses were taken from the outlets' own feed pages as
 * listed; they could not be re-checked from the machine this was built on (it has no network),
 * so a feed an outlet has since moved shows its problem in the options page.
 */
export interface StarterOutlet {
  name: string;
  /** BCP 47 code of the outlet's language. */
  language: 'en' | 'es' | 'fr' | 'de';
  feed: string;
  /** Hosts of the outlet's article pages, where they are not the feed's own. */
  articleHosts?: string[];
  /** Where the outlet documents the feed. */
  documented: string;
}

export const STARTER_OUTLETS: StarterOutlet[] = [
  {
    name: 'BBC News — World',
    language: 'en',
    feed: 'https://feeds.bbci.co.uk/news/world/rss.xml',
    articleHosts: ['www.bbc.com', 'www.bbc.co.uk'],
    documented: 'https://www.bbc.co.uk/news/10628494',
  },
  {
    name: 'The Guardian — World news',
    language: 'en',
    feed: 'https://www.theguardian.com/world/rss',
    documented: 'https://www.theguardian.com/help/feeds',
  },
  {
    name: 'NPR — World',
    language: 'en',
    feed: 'https://feeds.npr.org/1004/rss.xml',
    articleHosts: ['www.npr.org'],
    documented: 'https://www.npr.org/rss/',
  },
  {
    name: 'El País — Portada',
    language: 'es',
    feed: 'https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/portada',
    articleHosts: ['elpais.com'],
    documented: 'https://elpais.com/info/rss/',
  },
  {
    name: 'BBC News Mundo',
    language: 'es',
    feed: 'https://feeds.bbci.co.uk/mundo/rss.xml',
    articleHosts: ['www.bbc.com'],
    documented: 'https://www.bbc.com/mundo/institucional/2011/03/000000_rss',
  },
  {
    name: 'Le Monde — À la une',
    language: 'fr',
    feed: 'https://www.lemonde.fr/rss/une.xml',
    documented: 'https://www.lemonde.fr/actualite-medias/article/2019/08/12/les-flux-rss-du-monde-fr_5498778_3236.html',
  },
  {
    name: 'France 24 (français)',
    language: 'fr',
    feed: 'https://www.france24.com/fr/rss',
    documented: 'https://www.france24.com/fr/services-rss',
  },
  {
    name: 'tagesschau.de',
    language: 'de',
    feed: 'https://www.tagesschau.de/xml/rss2/',
    documented: 'https://www.tagesschau.de/infoservices/rssfeeds',
  },
  {
    name: 'Deutsche Welle (Deutsch)',
    language: 'de',
    feed: 'https://rss.dw.com/xml/rss-de-all',
    articleHosts: ['www.dw.com'],
    documented: 'https://corporate.dw.com/de/rss/a-36836749',
  },
];
