/**
 * The lexicon file (public/lexicons/<language>.txt), written by `npm run lexicons`: a header
 * line, comment lines, then one line per foreign stem: `stem<TAB>english stems, space-separated`.
 */
import type { Lexicon, LexiconSource } from '../model';

export const LEXICON_FORMAT = 1;
const HEADER = /^# Upstream lexicon (\d+) ([a-z]{2})->en$/;

/**
 * The lexicon file of a language: stems sorted, so a rebuild from the same data gives the same
 * file; each stem's translations in the order given (the main senses first).
 */
export function formatLexicon(language: string, entries: Map<string, readonly string[]>): string {
  const lines = [
    `# Upstream lexicon ${LEXICON_FORMAT} ${language}->en`,
    '# Built by `npm run lexicons` from Wiktionary (English Wiktionary word lists, open-dsl-dict) and the',
    '# Open Multilingual Wordnet (Wiktionary wordnets), words chosen by FrequencyWords lists.',
    '# CC BY-SA 3.0, credit to their contributors: see NOTICE in the source repository.',
  ];
  for (const stem of [...entries.keys()].sort()) {
    lines.push(`${stem}\t${[...new Set(entries.get(stem))].join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a lexicon file; a file of another format or language is an error, not an empty lexicon. */
export function parseLexicon(text: string, language: string): Lexicon {
  // Lines may end in CRLF (a file edited on Windows): the \r is not part of the last word.
  const [header, ...lines] = text.split(/\r?\n/);
  const match = HEADER.exec(header.trim());
  if (!match || Number(match[1]) !== LEXICON_FORMAT || match[2] !== language) {
    throw new Error(
      `Not an Upstream lexicon for "${language}" (format ${LEXICON_FORMAT}): rebuild it with npm run lexicons`,
    );
  }
  const entries = new Map<string, string[]>();
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    entries.set(
      line.slice(0, tab),
      line
        .slice(tab + 1)
        .split(' ')
        .filter(Boolean),
    );
  }
  return { language, entries };
}

/** How long a lexicon that could not be read is taken as absent before it is read again. */
export const LEXICON_RETRY_MS = 10 * 60_000;

/**
 * A LexiconSource over a way to read a lexicon file (undefined when there is none for the
 * language): each file is read and parsed once, on first use, and kept. One that cannot be read
 * counts as absent for a while (pages are analysed without it), then is tried again: not read
 * again for every page.
 */
export function lexiconLoader(
  read: (language: string) => Promise<string | undefined>,
  now: () => number = Date.now,
): LexiconSource {
  const loaded = new Map<string, Promise<Lexicon | undefined>>();
  const failedAt = new Map<string, number>();
  return (language) => {
    const failed = failedAt.get(language);
    if (failed !== undefined && now() - failed < LEXICON_RETRY_MS) return Promise.resolve(undefined);
    let lexicon = loaded.get(language);
    if (!lexicon) {
      lexicon = read(language)
        .then((text) => (text === undefined ? undefined : parseLexicon(text, language)))
        .catch((error: unknown) => {
          console.warn(`Upstream: the ${language} lexicon could not be read`, error);
          failedAt.set(language, now());
          loaded.delete(language);
          return undefined;
        });
      loaded.set(language, lexicon);
    }
    return lexicon;
  };
}
