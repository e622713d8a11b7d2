/**
 * Builds the bilingual lexicons the extension ships (public/lexicons/<language>.txt): for each
 * foreign stem a reader meets, the English stems it can translate to. Built from open data in
 * ../shared/corpora/lexicons (Wiktionary both ways, Open Multilingual Wordnet synsets), kept to
 * the stems of each language's 50,000 most frequent word forms.
 *
 *   npm run lexicons            (all languages)
 *   npm run lexicons -- es fr   (some)
 *
 * Foreign words are stemmed with Snowball at build time (or, for Czech and Polish, which it lacks,
 * by the endings in their language profiles); the engine finds a page word's stem as
 * the longest stem in the lexicon that begins the word (see lib/engine/translate.ts), so no
 * stemmer ships. English words are kept as the engine's own stems.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import snowball from 'snowball-stemmers';
import { profileOf, tokenize } from '../lib/engine';
import { LEXICON_FORMAT, formatLexicon } from '../lib/formats';
import { CORPORA_DIR } from './corpora';

/** Each language's stemmer (a Snowball algorithm, or its profile's inflections) and OMW code. */
const SOURCES: Record<string, { snowball?: string; omw: string }> = {
  es: { snowball: 'spanish', omw: 'spa' },
  fr: { snowball: 'french', omw: 'fra' },
  de: { snowball: 'german', omw: 'deu' },
  it: { snowball: 'italian', omw: 'ita' },
  pt: { snowball: 'portuguese', omw: 'por' },
  ru: { snowball: 'russian', omw: 'rus' },
  nl: { snowball: 'dutch', omw: 'nld' },
  cs: { omw: 'ces' },
  pl: { omw: 'pol' },
};

/** Shortest stem an inflection is stripped down to. */
const MIN_LIGHT_STEM = 3;

/**
 * A light stemmer from a profile's word endings, for languages Snowball lacks: the longest ending
 * that leaves a stem of MIN_LIGHT_STEM letters comes off. Its stems are prefixes of their words,
 * which is all the engine's lookup needs (see lib/engine/translate.ts).
 */
function lightStemmer(language: string): (word: string) => string {
  const endings = (profileOf(language)?.inflections ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (!endings.length) throw new Error(`No Snowball stemmer and no inflections for "${language}"`);
  return (word) => {
    const folded = fold(word);
    const ending = endings.find((e) => folded.endsWith(e) && folded.length - e.length >= MIN_LIGHT_STEM);
    return ending ? folded.slice(0, -ending.length) : folded;
  };
}

const DIR = join(CORPORA_DIR, 'lexicons');
const OUT = new URL('../public/lexicons/', import.meta.url).pathname;

/** Accents off, lower case: the form the engine compares words in. */
const fold = (word: string) =>
  word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');

/** The engine's stems of an English phrase's content words ("to hit upon" -> hit, upon). */
const englishStems = (phrase: string) =>
  tokenize(phrase).flatMap((t) => (t.content && !/\d/.test(t.norm) ? [t.stem] : []));

/** A Wiktionary DSL file as (headword, senses) entries; markup and parenthesised glosses removed. */
function* dslEntries(file: string): Generator<{ headword: string; senses: string[] }> {
  const text = new TextDecoder('utf-16le').decode(gunzipSync(readFileSync(join(DIR, 'wiktionary', file))));
  let headword = '';
  let senses: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    if (line && !/^\s/.test(line)) {
      if (headword) yield { headword, senses };
      headword = line.trim();
      senses = [];
    } else if (/^\s*\[m\d\]/.test(line)) {
      const sense = line
        .replace(/\[p\][^[]*\[\/p\]/g, '')
        .replace(/\[\/?[a-z]+\d*[^\]]*\]/g, '')
        .replace(/\([^)]*\)/g, '')
        .replace(/\\\[[^\]]*\\\]/g, '');
      senses.push(
        ...sense
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    }
  }
  if (headword) yield { headword, senses };
}

/** Open Multilingual Wordnet: lemmas by synset. */
function omwLemmas(code: string): Map<string, string[]> {
  const bySynset = new Map<string, string[]>();
  for (const line of readFileSync(join(DIR, 'omw-wikt', `wn-wikt-${code}.tab`), 'utf8').split('\n')) {
    const [synset, kind, lemma] = line.split('\t');
    if (!lemma || !kind?.endsWith(':lemma')) continue;
    const list = bySynset.get(synset) ?? [];
    list.push(lemma.replace(/_/g, ' ').trim());
    bySynset.set(synset, list);
  }
  return bySynset;
}

function build(language: string): { entries: Map<string, string[]>; pairs: number } {
  const { snowball: algorithm, omw } = SOURCES[language];
  const stemmer = algorithm ? snowball.newStemmer(algorithm) : undefined;
  const light = stemmer ? undefined : lightStemmer(language);
  const stem = (word: string) => (stemmer ? fold(stemmer.stem(word.toLowerCase())) : light!(word.toLowerCase()));
  // Only what readers meet: stems of the 50,000 most frequent forms.
  const frequent = new Set(
    readFileSync(join(DIR, 'frequency', `${language}_50k.txt`), 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[0])
      .filter((form) => form && /^\p{L}+$/u.test(form))
      .map(stem),
  );
  // English stems by foreign stem, with how many translation pairs attest each: the main senses first.
  const entries = new Map<string, Map<string, number>>();
  let pairs = 0;
  const add = (foreign: string, english: string) => {
    // A foreign phrase of several words is an idiom, not a word's translation.
    if (!/^\p{L}+$/u.test(foreign)) return;
    const key = stem(foreign);
    if (key.length < 2 || !frequent.has(key)) return;
    const stems = englishStems(english);
    if (!stems.length) return;
    const counts = entries.get(key) ?? new Map<string, number>();
    for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1);
    entries.set(key, counts);
    pairs++;
  };
  // German and Russian have only the English-headed list.
  if (existsSync(join(DIR, 'wiktionary', `${language}-en.dsl.dz`))) {
    for (const { headword, senses } of dslEntries(`${language}-en.dsl.dz`))
      for (const sense of senses) add(headword, sense);
  }
  for (const { headword, senses } of dslEntries(`en-${language}.dsl.dz`)) {
    for (const sense of senses) add(sense, headword);
  }
  const english = omwLemmas('eng');
  for (const [synset, lemmas] of omwLemmas(omw)) {
    for (const e of english.get(synset) ?? []) for (const f of lemmas) add(f, e);
  }
  const ordered = new Map(
    [...entries].map(([key, counts]) => [
      key,
      [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([stem]) => stem),
    ]),
  );
  return { entries: ordered, pairs };
}

const languages = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SOURCES);
mkdirSync(OUT, { recursive: true });
for (const language of languages) {
  if (!SOURCES[language]) throw new Error(`No sources for "${language}": one of ${Object.keys(SOURCES).join(', ')}`);
  const { entries, pairs } = build(language);
  const text = formatLexicon(language, entries);
  writeFileSync(join(OUT, `${language}.txt`), text);
  const gz = gzipSync(text).length;
  console.log(
    `${language}: ${entries.size} stems from ${pairs} translation pairs, ${(text.length / 1e6).toFixed(2)} MB, ` +
      `${(gz / 1e6).toFixed(2)} MB gzipped (format ${LEXICON_FORMAT})`,
  );
}
