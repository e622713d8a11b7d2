/**
 * `npm run eval`: builds a labelled evaluation set in code and prints, per kind of reuse,
 * recall@1, precision, the false attribution rate on negatives, and the mean absolute error
 * of the verbatim, added and coverage shares against the truth; then the shares on the
 * Clough & Stevenson answers by grade. Originals come from the research corpora in
 * ../shared/corpora when present (it says which were used), and from the seeds and generated
 * text otherwise. Everything is deterministic (seeded random choices).
 */
import { writeFile } from 'node:fs/promises';
import {
  analyse,
  buildTextModel,
  countWords,
  languageOfModel,
  makeOriginal,
  prepareArticle,
  splitSentences,
} from '../lib/engine';
import { MemoryStore } from '../lib/store';
import type { ArticleInput, LexiconSource, OriginalRecord, ProvenanceReport, Verdict } from '../lib/model';
import { cloughStevenson, mrpcPairs, panSources, pudArticles, pudSentences, readabilityArticle } from './corpora';
import { diskLexicons } from '../cli/lexicons';
import {
  extractionResults,
  paragraphResults,
  readAsFile,
  readAsPage,
  type ExtractionResult,
  type ParagraphResult,
} from './extraction';
import { readOriginals, seedPackFromDisk } from '../cli/sources';
import { handSummaries, handTranslations, type HandSummary } from '../fixtures/texts';
import { random, syntheticArticle } from './synthetic';

const rand = random(2026);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
const shuffle = <T>(list: T[]) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/** Sentences of a PUD article (about 350 words), and the languages of its translations. */
const PUD_SENTENCES = 16;
/** Sentences of a short PUD article (about 200 words: a brief, the length translations are missed at). */
const PUD_SHORT_SENTENCES = 10;
/** Sentences of a long PUD article (about 1,000 words). */
const PUD_LONG_SENTENCES = 48;
const PUD_LANGUAGES = ['es', 'fr', 'de', 'it', 'pt', 'ru', 'cs', 'pl'];

/** Sentences grouped four to a paragraph. */
const toParagraphs = (sentences: string[]) => {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 4) out.push(sentences.slice(i, i + 4).join(' '));
  return out;
};

interface Truth {
  verbatim?: number;
  added?: number;
  coverage?: number;
}

interface EvalCase {
  kind: string;
  page: ArticleInput;
  /** Ids of the originals the page draws on; empty for negatives. */
  expected: string[];
  truth?: Truth;
  changes?: { kind: string; original: string; page: string }[];
  /** The verdicts that are right for the page, where the kind decides it. */
  verdicts?: Verdict[];
  /** The page's address as the browser would give it. */
  address?: string;
}

const SYNONYMS: Record<string, string> = Object.fromEntries(
  (
    'said:stated big:large small:little important:significant show:demonstrate help:assist start:begin begin:commence ' +
    'end:finish buy:purchase use:utilise make:create get:obtain give:provide need:require want:wish try:attempt ' +
    'people:individuals many:numerous often:frequently quickly:rapidly also:additionally but:however about:regarding ' +
    'because:since country:nation city:town government:administration company:firm money:funds job:position ' +
    'problem:issue idea:notion way:method part:portion place:location area:region group:organisation ' +
    'new:novel old:former good:fine bad:poor high:elevated low:reduced major:principal main:primary ' +
    'increase:rise decrease:decline change:alteration result:outcome effect:impact reason:cause ' +
    'allow:permit include:contain continue:carry keep:retain leave:depart think:believe know:understand ' +
    'find:discover report:account believe:consider expect:anticipate explain:clarify suggest:propose ' +
    'killed:slain fighting:combat attack:assault forces:troops talks:negotiations leader:chief'
  )
    .split(/\s+/)
    .map((pair) => pair.split(':')),
);

/** Replaces a share of the words that have a synonym ("spinning"). */
function spin(sentence: string, rate: number): string {
  return sentence.replace(/\b[a-z]+\b/g, (w) => (SYNONYMS[w] && rand() < rate ? SYNONYMS[w] : w));
}

/** Swaps two neighbouring words in the middle of a sentence. */
function reorderWords(sentence: string): string {
  const words = sentence.split(' ');
  if (words.length < 6) return sentence;
  const i = 1 + Math.floor(rand() * (words.length - 3));
  [words[i], words[i + 1]] = [words[i + 1], words[i]];
  return words.join(' ');
}

const BOILERPLATE =
  'Follow our daily newsletter for the latest stories and exclusive offers from all of our trusted partners today.';

function sentencesOf(record: OriginalRecord): string[] {
  return (record.paragraphs ?? []).flatMap(splitSentences);
}

function generated(originals: OriginalRecord[], others: OriginalRecord[], perKind: number): EvalCase[] {
  const cases: EvalCase[] = [];
  const sample = shuffle(originals).slice(0, perKind);
  for (const o of sample) {
    const sentences = sentencesOf(o);
    const words = countWords(sentences.join(' '));
    // Inserted text comes from a page not in the store; a mixed page draws on a second stored original.
    const otherSentences = sentencesOf(pick(others));
    const second = pick(originals.filter((x) => x !== o));
    const secondSentences = sentencesOf(second);

    const bpWords = countWords(BOILERPLATE) * 2;
    cases.push({
      kind: 'verbatim in boilerplate',
      page: {
        title: `${o.title} | Viral Buzz`,
        paragraphs: [BOILERPLATE, ...(o.paragraphs ?? []), BOILERPLATE.replace('Follow', 'Join')],
      },
      expected: [o.id],
      truth: { verbatim: words / (words + bpWords), added: bpWords / (words + bpWords), coverage: 1 },
    });

    const length = 3 + Math.floor(rand() * 4);
    const start = Math.floor(rand() * Math.max(1, sentences.length - length));
    const excerpt = sentences.slice(start, start + length);
    cases.push({
      kind: 'excerpt (3+ sentences)',
      page: { title: 'Excerpt', paragraphs: toParagraphs(excerpt) },
      expected: [o.id],
      truth: { verbatim: 1, added: 0, coverage: countWords(excerpt.join(' ')) / words },
    });

    cases.push({
      kind: 'paragraphs reordered',
      page: { title: 'Reordered', paragraphs: shuffle(toParagraphs(sentences)) },
      expected: [o.id],
      truth: { verbatim: 1, added: 0, coverage: 1 },
    });

    const kept = sentences.filter(() => rand() > 0.3);
    const inserted = shuffle(otherSentences).slice(0, Math.max(1, Math.round(sentences.length * 0.15)));
    const mixedIn = [...kept];
    for (const s of inserted) mixedIn.splice(Math.floor(rand() * (mixedIn.length + 1)), 0, s);
    const keptWords = countWords(kept.join(' '));
    const insertedWords = countWords(inserted.join(' '));
    cases.push({
      kind: 'sentences deleted and inserted',
      page: { title: 'Edited', paragraphs: toParagraphs(mixedIn) },
      expected: [o.id],
      truth: {
        verbatim: keptWords / (keptWords + insertedWords),
        added: insertedWords / (keptWords + insertedWords),
        coverage: keptWords / words,
      },
    });

    cases.push({
      kind: 'synonym spinning',
      page: { title: 'Spun', paragraphs: toParagraphs(sentences.map((s) => spin(s, 0.6))) },
      expected: [o.id],
    });
    cases.push({
      kind: 'word reordering',
      page: {
        title: 'Reordered words',
        paragraphs: toParagraphs(sentences.map((s) => (rand() < 0.6 ? reorderWords(s) : s))),
      },
      expected: [o.id],
    });
    cases.push({
      kind: 'summary (every third sentence, spun)',
      page: {
        title: 'Summary',
        paragraphs: toParagraphs(sentences.filter((_, i) => i % 3 === 0).map((s) => spin(s, 0.3))),
      },
      expected: [o.id],
    });

    const half = (list: string[], first: boolean) =>
      first ? list.slice(0, Math.ceil(list.length / 2)) : list.slice(Math.ceil(list.length / 2));
    cases.push({
      kind: 'two originals mixed',
      page: { title: 'Roundup', paragraphs: toParagraphs([...half(sentences, true), ...half(secondSentences, false)]) },
      expected: [o.id, second.id],
    });

    // Changed number and name, with the truth recorded: a standalone number and a name inside a
    // sentence (after a lower-case word), each occurring once in its sentence.
    const changes: EvalCase['changes'] = [];
    const changed = [...sentences];
    const once = (sentence: string, word: string) => sentence.split(word).length === 2;
    const NUMBER = /(?<![\w.,-])\d{2,}(?![\w.,-])/;
    const numberAt = changed.findIndex((s) => NUMBER.test(s) && once(s, s.match(NUMBER)![0]));
    if (numberAt >= 0) {
      const number = changed[numberAt].match(NUMBER)![0];
      const replacement = String(Number(number) + 7);
      changed[numberAt] = changed[numberAt].replace(number, replacement);
      changes.push({ kind: 'number', original: number, page: replacement });
    }
    const NAME = /[a-z,] ([A-Z][a-z]{4,})\b/;
    const nameAt = changed.findIndex((s, i) => i !== numberAt && NAME.test(s) && once(s, s.match(NAME)![1]));
    if (nameAt >= 0) {
      const name = changed[nameAt].match(NAME)![1];
      const respelled = name.replace(/[aeiou](?=[^aeiou]*$)/, (v) => (v === 'a' ? 'o' : 'a'));
      if (respelled !== name && !sentences.join(' ').includes(respelled)) {
        changed[nameAt] = changed[nameAt].replace(name, respelled);
        changes.push({ kind: 'name', original: name, page: respelled });
      }
    }
    if (changes.length)
      cases.push({
        kind: 'changed numbers and names',
        page: { title: 'Changed', paragraphs: toParagraphs(changed) },
        expected: [o.id],
        changes,
      });
  }
  return cases;
}

/**
 * Passages of 2, 3 and 5 consecutive sentences of a stored original lifted into the middle of
 * an article that is not stored (churnalism), and whole originals reposted on another host or
 * read at their own address. A random stream of its own, so the rows above keep their cases.
 */
function liftsAndReposts(originals: OriginalRecord[], hosts: OriginalRecord[], perKind: number): EvalCase[] {
  const draw = random(4242);
  const cases: EvalCase[] = [];
  for (const count of [2, 3, 5]) {
    for (let i = 0; i < perKind; i++) {
      const o = originals[Math.floor(draw() * originals.length)];
      const host = sentencesOf(hosts[Math.floor(draw() * hosts.length)]);
      const sentences = sentencesOf(o);
      const from = Math.floor(draw() * Math.max(1, sentences.length - count));
      const middle = Math.floor(host.length / 2);
      cases.push({
        kind: `passage of ${count} sentences lifted into another article`,
        page: {
          title: 'Own article',
          paragraphs: [
            ...toParagraphs(host.slice(0, middle)),
            sentences.slice(from, from + count).join(' '),
            ...toParagraphs(host.slice(middle)),
          ],
        },
        expected: [o.id],
        verdicts: ['partial'],
      });
    }
  }
  // Lifts of a given length in words (whole sentences, the fewest that reach it), as churnalism lifts.
  for (const words of [40, 60]) {
    for (let i = 0; i < perKind; i++) {
      const o = originals[Math.floor(draw() * originals.length)];
      const host = sentencesOf(hosts[Math.floor(draw() * hosts.length)]);
      const sentences = sentencesOf(o);
      const from = Math.floor(draw() * Math.max(1, sentences.length - 6));
      let to = from;
      while (to < sentences.length && countWords(sentences.slice(from, to).join(' ')) < words) to++;
      const middle = Math.floor(host.length / 2);
      cases.push({
        kind: `passage of ${words}+ words lifted into another article`,
        page: {
          title: 'Own article',
          paragraphs: [
            ...toParagraphs(host.slice(0, middle)),
            sentences.slice(from, to).join(' '),
            ...toParagraphs(host.slice(middle)),
          ],
        },
        expected: [o.id],
        verdicts: ['partial'],
      });
    }
  }
  // A page that carries a whole original amid twice its length of other text (related stories,
  // comments, another article), as an extraction that reads too much gives it.
  for (let i = 0; i < perKind; i++) {
    const o = originals[Math.floor(draw() * originals.length)];
    const own = countWords((o.paragraphs ?? []).join(' '));
    const other: string[] = [];
    while (countWords(other.join(' ')) < 2 * own) other.push(...sentencesOf(hosts[Math.floor(draw() * hosts.length)]));
    let taken = 0;
    const filler = other.filter((sentence) => (taken += countWords(sentence)) <= 2 * own);
    const middle = Math.floor(filler.length / 2);
    cases.push({
      kind: 'whole original inside twice its length of other text',
      page: {
        title: o.title,
        paragraphs: [
          ...toParagraphs(filler.slice(0, middle)),
          ...(o.paragraphs ?? []),
          ...toParagraphs(filler.slice(middle)),
        ],
      },
      expected: [o.id],
      verdicts: ['partial'],
      truth: { coverage: 1 },
    });
  }
  // A condensed summary: each of its sentences joins the start of one original sentence to the
  // end of the next, lightly reworded; it keeps the original's order and a third of its words.
  for (let i = 0; i < perKind; i++) {
    const o = originals[Math.floor(draw() * originals.length)];
    const sentences = sentencesOf(o);
    const condensed: string[] = [];
    for (let s = 0; s + 1 < sentences.length; s += 3) {
      const first = sentences[s].split(' ');
      const second = sentences[s + 1].split(' ');
      const joined = [
        ...first.slice(0, Math.ceil(first.length * 0.5)),
        ...second.slice(Math.floor(second.length * 0.6)),
      ];
      condensed.push(spin(joined.join(' '), 0.3));
    }
    cases.push({
      kind: 'condensed summary (sentences joined and shortened)',
      page: { title: 'Summary', paragraphs: toParagraphs(condensed) },
      expected: [o.id],
      verdicts: ['summary', 'excerpt'],
    });
  }
  for (let i = 0; i < perKind; i++) {
    const o = originals[Math.floor(draw() * originals.length)];
    const page = { title: o.title, paragraphs: [BOILERPLATE, ...(o.paragraphs ?? [])] };
    cases.push({
      kind: 'repost on another host',
      page,
      expected: [o.id],
      verdicts: ['copy'],
      address: `https://reposts.example/${encodeURIComponent(o.id)}`,
    });
    cases.push({
      kind: 'the original read at its own address',
      page: { title: o.title, paragraphs: o.paragraphs ?? [] },
      expected: [o.id],
      verdicts: ['original'],
      address: o.url,
    });
  }
  return cases;
}

/** Documents of MRPC sentences: the #1 sentences as originals, the #2 sentences as their copies. */
function mrpcDocuments(
  pairs: { paraphrase: boolean; a: string; b: string }[],
  paraphrase: boolean,
  docs: number,
  size: number,
) {
  const chosen = pairs.filter((p) => p.paraphrase === paraphrase);
  const out: { original: OriginalRecord; page: string[] }[] = [];
  for (let d = 0; d < docs && (d + 1) * size <= chosen.length; d++) {
    const group = chosen.slice(d * size, (d + 1) * size);
    out.push({
      original: makeOriginal(
        {
          id: `mrpc-${paraphrase ? 'p' : 'n'}${d}`,
          title: `MRPC news ${d}`,
          text: toParagraphs(group.map((p) => p.a)).join('\n'),
        },
        'import',
      ),
      page: toParagraphs(group.map((p) => p.b)),
    });
  }
  return out;
}

interface Row {
  kind: string;
  n: number;
  recallAt1: number | null;
  precision: number | null;
  falseAttribution: number | null;
  maeVerbatim: number | null;
  maeAdded: number | null;
  maeCoverage: number | null;
  changeRecall: number | null;
  /** Share of the pages with an expected verdict that got it. */
  verdictRight: number | null;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

function score(kind: string, results: { c: EvalCase; r: ProvenanceReport }[]): Row {
  const positives = results.filter(({ c }) => c.expected.length);
  const negatives = results.filter(({ c }) => !c.expected.length);
  const correct = ({ c, r }: { c: EvalCase; r: ProvenanceReport }) =>
    c.expected.length > 1
      ? c.expected.every((id) => r.sources.some((s) => s.original.id === id))
      : r.original?.id === c.expected[0];
  const attributed = positives.filter(({ r }) => r.original);
  const judged = positives.filter(({ c }) => c.verdicts);
  const err = (field: keyof Truth) =>
    mean(
      positives
        .filter(({ c, r }) => c.truth?.[field] !== undefined && r.alteration)
        .map(({ c, r }) => Math.abs((r.alteration![field] as number) - c.truth![field]!)),
    );
  const changes = positives.flatMap(({ c, r }) =>
    (c.changes ?? []).map((x) =>
      (r.alteration?.changes ?? []).some(
        (y) => y.kind === x.kind && y.original.includes(x.original) && y.page.includes(x.page),
      ),
    ),
  );
  return {
    kind,
    n: results.length,
    recallAt1: positives.length ? round(positives.filter(correct).length / positives.length) : null,
    precision: attributed.length ? round(attributed.filter(correct).length / attributed.length) : null,
    falseAttribution: negatives.length
      ? round(negatives.filter(({ r }) => r.verdict !== 'none' && r.verdict !== 'no-article').length / negatives.length)
      : null,
    maeVerbatim: round(err('verbatim')),
    maeAdded: round(err('added')),
    maeCoverage: round(err('coverage')),
    changeRecall: changes.length ? round(changes.filter(Boolean).length / changes.length) : null,
    verdictRight: judged.length
      ? round(judged.filter(({ c, r }) => c.verdicts!.includes(r.verdict)).length / judged.length)
      : null,
  };
}

/** Share of the word 5-grams of `text` that occur in `source`. */
function fiveGramContainment(text: string, source: string): number {
  const grams = (t: string) => {
    const words = t.toLowerCase().match(/\p{L}+/gu) ?? [];
    return words.slice(4).map((_, i) => words.slice(i, i + 5).join(' '));
  };
  const inSource = new Set(grams(source));
  const own = grams(text);
  return own.filter((g) => inSource.has(g)).length / Math.max(1, own.length);
}

/**
 * Professional translations (PUD): runs of consecutive sentences as articles, every other
 * run's English original stored; the other runs' translations are negatives, pages whose
 * original is not in the store.
 */
function pudCases(size: number, label: (language: string) => string) {
  const articles = pudArticles(size, PUD_LANGUAGES);
  if (!articles) return null;
  const id = (k: number) => `pud-${size}-${k}`;
  const originals = articles.flatMap(({ english }, k) =>
    k % 2 ? [] : [makeOriginal({ id: id(k), title: `PUD ${k}`, text: toParagraphs(english).join('\n') }, 'import')],
  );
  const cases: EvalCase[] = PUD_LANGUAGES.flatMap((language) =>
    articles.flatMap(({ translated }, k): EvalCase[] => {
      const sentences = translated.get(language);
      if (!sentences) return [];
      const page = { title: `PUD ${language} ${k}`, paragraphs: toParagraphs(sentences) };
      return [
        k % 2 === 0
          ? { kind: `translation ${label(language)}`, page, expected: [id(k)], verdicts: ['translation'] }
          : { kind: `negative: ${label(language)}, original not stored`, page, expected: [] },
      ];
    }),
  );
  return { originals, cases };
}

/** Character offsets (spaces ignored) where each sentence of a list ends. */
function sentenceEnds(sentences: string[]): Set<number> {
  const ends = new Set<number>();
  let at = 0;
  for (const sentence of sentences) ends.add((at += sentence.replace(/\s+/g, '').length));
  return ends;
}

/**
 * Upstream's text processing measured against the platform's on the PUD treebanks: sentence
 * boundaries found and invented by the rule-based splitter and by Intl.Segmenter, and how often
 * the function-word guess names an article's language (and a single sentence's, where it may
 * rightly say it cannot tell).
 */
function textProcessingOnPud(): Record<string, number | string | null>[] | null {
  if (!pudSentences('en')) return null;
  return ['en', ...PUD_LANGUAGES].map((language) => {
    const sentences = [...(pudSentences(language)?.values() ?? [])];
    const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    const tally = { ours: 0, oursFalse: 0, icu: 0, icuFalse: 0, boundaries: 0 };
    for (let k = 0; k + 8 <= sentences.length; k += 8) {
      const run = sentences.slice(k, k + 8);
      const truth = sentenceEnds(run);
      const ours = sentenceEnds(splitSentences(run.join(' ')));
      const icu = sentenceEnds([...segmenter.segment(run.join(' '))].map((s) => s.segment));
      tally.boundaries += truth.size;
      for (const end of truth) tally.ours += +ours.has(end);
      for (const end of truth) tally.icu += +icu.has(end);
      for (const end of ours) tally.oursFalse += +!truth.has(end);
      for (const end of icu) tally.icuFalse += +!truth.has(end);
    }
    const guessed = (texts: string[]) =>
      round(texts.filter((t) => languageOfModel(buildTextModel([t])) === language).length / texts.length);
    const articles = [];
    for (let k = 0; k + 16 <= sentences.length; k += 16) articles.push(sentences.slice(k, k + 16).join(' '));
    return {
      language,
      boundariesFoundOurs: round(tally.ours / tally.boundaries),
      falseSplitsOurs: tally.oursFalse,
      boundariesFoundIntlSegmenter: round(tally.icu / tally.boundaries),
      falseSplitsIntlSegmenter: tally.icuFalse,
      languageGuessedArticles: guessed(articles),
      languageGuessedSentences: guessed(sentences),
    };
  });
}

async function main(): Promise<void> {
  const used: string[] = ['seeds'];
  const seeds = (await seedPackFromDisk()).originals;
  const independent = (await readOriginals(new URL('../fixtures/independent/', import.meta.url).pathname)).originals;

  // Originals: PAN source documents when available, otherwise generated articles.
  const pan = panSources(700);
  let pool: OriginalRecord[];
  if (pan) {
    used.push('PAN 2013 source documents');
    pool = pan
      .filter((d) => countWords(d.text) >= 250)
      .map((d) =>
        makeOriginal(
          {
            id: d.id,
            title: d.text.split(/\s+/).slice(0, 8).join(' '),
            text: toParagraphs(splitSentences(d.text)).join('\n'),
            url: `https://source.example/pan/${d.id}`,
          },
          'import',
        ),
      );
  } else {
    pool = Array.from({ length: 400 }, (_, i) =>
      makeOriginal(
        {
          id: `gen-${i}`,
          title: `Generated ${i}`,
          text: syntheticArticle(i + 7, 600).join('\n'),
          url: `https://source.example/gen/${i}`,
        },
        'import',
      ),
    );
  }
  const stored = pool.slice(0, 300);
  const heldOut = pool.slice(300, 400);

  const cases: EvalCase[] = [...generated(stored, heldOut, 60), ...liftsAndReposts(stored, heldOut, 30)];
  const originals = [...seeds, ...stored];

  const mrpc = mrpcPairs();
  if (mrpc) {
    used.push('MRPC');
    for (const d of mrpcDocuments(mrpc, true, 40, 12)) {
      originals.push(d.original);
      cases.push({
        kind: 'machine rewording (MRPC paraphrases)',
        page: { title: 'Reworded', paragraphs: d.page },
        expected: [d.original.id],
      });
    }
    for (const d of mrpcDocuments(mrpc, false, 30, 12)) {
      originals.push(d.original);
      cases.push({
        kind: 'negative: MRPC non-paraphrases of the same news (hard)',
        page: { title: 'Other', paragraphs: d.page },
        expected: [],
      });
    }
  }

  // The seed rewrite, and independent coverage of the same events as negatives.
  const seed001 = await readOriginals(new URL('../seeds/001_7878a072beb5b911.txt', import.meta.url).pathname);
  cases.push({
    kind: 'machine rewording (seed 001)',
    page: { title: 'x', paragraphs: seed001.originals[0].paragraphs ?? [] },
    expected: ['000_5431e028bc674fe8'],
  });
  for (const o of independent)
    cases.push({
      kind: 'negative: independent same-topic articles',
      page: { title: o.title, paragraphs: o.paragraphs ?? [] },
      expected: [],
    });
  for (const o of heldOut)
    cases.push({
      kind: 'negative: off-topic pages',
      page: { title: o.title, paragraphs: o.paragraphs ?? [] },
      expected: [],
    });

  const cs = cloughStevenson();
  if (cs) {
    used.push('Clough & Stevenson');
    for (const s of cs.sources)
      originals.push(makeOriginal({ id: `cs-${s.task}`, title: `Task ${s.task}`, text: s.text }, 'import'));
    for (const a of cs.answers) {
      cases.push({
        kind:
          a.grade === 'non'
            ? 'negative: Clough & Stevenson independent answers (same topic)'
            : `Clough & Stevenson ${a.grade}`,
        page: { title: a.file, paragraphs: a.text.split(/\r?\n/) },
        expected: a.grade === 'non' ? [] : [`cs-${a.task}`],
      });
    }
    // The same-topic negatives must also hold among each other's sources: drop the other answers' effect.
  }

  // Hand-made translations of parts of the seeds (and of articles that copy nothing), in Spanish,
  // French and German.
  for (const { original, title, paragraphs } of await handTranslations()) {
    cases.push(
      original
        ? {
            kind: 'translation EN->ES/FR/DE',
            page: { title, paragraphs },
            expected: [original],
            verdicts: ['translation'],
          }
        : {
            kind: 'negative: same-topic articles in Spanish, French and German',
            page: { title, paragraphs },
            expected: [],
          },
    );
  }

  const pud = pudCases(PUD_SENTENCES, (language) => `${language}->en (PUD)`);
  if (pud) {
    used.push('PUD parallel treebanks');
    originals.push(...pud.originals);
    cases.push(...pud.cases);
  }

  const store = new MemoryStore(originals);
  const results: { c: EvalCase; r: ProvenanceReport }[] = [];
  const started = performance.now();
  for (const c of cases)
    results.push({
      c,
      r: await analyse(
        prepareArticle({ ...c.page, url: c.address }),
        store,
        { address: c.address },
        { lexicons: diskLexicons },
      ),
    });
  const seconds = (performance.now() - started) / 1000;

  if (process.env.EVAL_DEBUG) {
    for (const { c, r } of results) {
      if (!c.expected.length && r.original)
        console.log('false attribution', c.kind, c.page.title, '->', r.verdict, r.original.id);
      if (c.verdicts && !c.verdicts.includes(r.verdict))
        console.log('verdict', c.kind, r.verdict, r.original?.id, c.expected[0]);
    }
    for (const { c, r } of results.filter(({ c }) => c.changes)) {
      for (const x of c.changes ?? []) {
        const found = (r.alteration?.changes ?? []).some(
          (y) => y.kind === x.kind && y.original.includes(x.original) && y.page.includes(x.page),
        );
        if (!found) {
          const sentence = c.page.paragraphs.flatMap(splitSentences).find((t) => t.includes(x.page));
          console.log(
            'missed',
            x,
            r.verdict,
            JSON.stringify(r.alteration?.changes.slice(0, 3)),
            '\n   in:',
            sentence?.slice(0, 200),
          );
        }
      }
    }
  }
  // Long translated articles (about 1,000 words), in a store of their own beside the PAN originals.
  const long = pudCases(PUD_LONG_SENTENCES, () => 'es/fr/de/it/pt/ru/cs/pl->en, long articles (PUD)');
  if (long) {
    const longStore = new MemoryStore([...stored, ...long.originals]);
    for (const c of long.cases) {
      cases.push(c);
      results.push({ c, r: await analyse(prepareArticle(c.page), longStore, {}, { lexicons: diskLexicons }) });
    }
  }

  // Czech and Polish as if Upstream had no lexicon for them (as for Ukrainian): found by
  // numbers, names and cognates only, and never attributed wrongly.
  if (pud) {
    const unread = new Set(['cs', 'pl']);
    const withoutThem: LexiconSource = (language) =>
      unread.has(language) ? Promise.resolve(undefined) : diskLexicons(language);
    for (const c of pud.cases.filter((c) => /^(negative: )?(translation )?(cs|pl)->/.test(c.kind))) {
      const kind = c.kind.replace('(PUD)', 'without a lexicon (PUD)');
      const page = { ...c, kind };
      cases.push(page);
      results.push({ c: page, r: await analyse(prepareArticle(c.page), store, {}, { lexicons: withoutThem }) });
    }
  }

  // Short translated articles (about 200 words), likewise.
  const short = pudCases(PUD_SHORT_SENTENCES, (language) => `${language}->en, under 300 words (PUD)`);
  if (short) {
    const shortStore = new MemoryStore([...stored, ...short.originals]);
    for (const c of short.cases) {
      cases.push(c);
      results.push({ c, r: await analyse(prepareArticle(c.page), shortStore, {}, { lexicons: diskLexicons }) });
    }
  }

  // Originals stored with their fingerprint only (a large imported index): verbatim copies.
  const fingerprintOnly = shuffle(stored).slice(0, 40);
  const strippedStore = new MemoryStore(fingerprintOnly.map((o) => ({ ...o, paragraphs: undefined })));
  for (const o of fingerprintOnly) {
    const c: EvalCase = {
      kind: 'verbatim copy, original stored as fingerprint only',
      page: { title: o.title, paragraphs: o.paragraphs ?? [] },
      expected: [o.id],
      truth: { verbatim: 1, added: 0, coverage: 1 },
    };
    cases.push(c);
    results.push({ c, r: await analyse(prepareArticle(c.page), strippedStore) });
  }

  // Hand-written summaries of real articles: found with the article stored, and attributed to
  // nothing with it left out while the other articles on the same events stay stored.
  const summaries = await handSummaries();
  const summarised = summaries.flatMap((s): { summary: HandSummary; id: string; original?: OriginalRecord }[] => {
    const [source, id] = s.of.split(':');
    if (source === 'seed') return [{ summary: s, id }];
    const article = readabilityArticle(id);
    if (!article) return [];
    const original = makeOriginal(
      { id: `readability-${id}`, ...article, text: article.paragraphs.join('\n') },
      'import',
    );
    return [{ summary: s, id: original.id, original }];
  });
  if (summarised.length) {
    const withArticles = [...originals, ...summarised.flatMap((s) => (s.original ? [s.original] : []))];
    const full = new MemoryStore(withArticles);
    for (const { summary, id } of summarised) {
      const page = { title: summary.title, paragraphs: summary.paragraphs };
      const found: EvalCase = {
        kind: 'summary written by hand, article stored',
        page,
        expected: [id],
        verdicts: ['summary'],
      };
      const missing: EvalCase = {
        kind: 'negative: summary written by hand, article not stored (same-topic seeds stay)',
        page,
        expected: [],
      };
      const without = new MemoryStore(withArticles.filter((o) => o.id !== id));
      for (const [c, s] of [
        [found, full],
        [missing, without],
      ] as const) {
        cases.push(c);
        const r = await analyse(prepareArticle(c.page), s, {}, { lexicons: diskLexicons });
        results.push({ c, r });
        if (process.env.EVAL_DEBUG)
          console.log(c.kind, summary.name, r.verdict, r.original?.id, JSON.stringify(r.alteration));
      }
    }
  }

  const kinds = [...new Set(cases.map((c) => c.kind))];
  const rows = kinds.map((kind) =>
    score(
      kind,
      results.filter(({ c }) => c.kind === kind),
    ),
  );
  console.log(
    `Upstream evaluation: ${cases.length} pages against ${originals.length} originals, ${seconds.toFixed(1)} s`,
  );
  console.log(`corpora used: ${used.join(', ')}${pan ? '' : ' (no research corpora found: generated originals)'}`);
  // What the index costs: the keys each original is indexed under (4 bytes counted per entry's reference).
  const indexBytes =
    originals.reduce((n, o) => n + o.fingerprint.keys.reduce((k, key) => k + key.length + 4, 0), 0) / originals.length;
  const words = originals.reduce((n, o) => n + o.fingerprint.words, 0) / originals.length;
  console.log(`index: ${Math.round(indexBytes)} bytes of keys per original, ${Math.round(words)} words on average`);
  console.table(rows);

  let grades: Record<string, Record<string, number | null>> = {};
  if (cs) {
    grades = Object.fromEntries(
      (['cut', 'light', 'heavy', 'non'] as const).map((grade) => {
        const graded = results.filter(
          ({ c }) => c.page.title && cs.answers.find((a) => a.file === c.page.title)?.grade === grade,
        );
        const share = (pick: (r: ProvenanceReport) => number) => round(mean(graded.map(({ r }) => pick(r))));
        return [
          grade,
          {
            n: graded.length,
            verbatim: share((r) => r.alteration?.verbatim ?? 0),
            reworded: share((r) => r.alteration?.reworded ?? 0),
            taken: share((r) => (r.alteration ? r.alteration.verbatim + r.alteration.reworded : 0)),
            coverage: share((r) => r.alteration?.coverage ?? 0),
          },
        ];
      }),
    );
    console.log('\nClough & Stevenson answers: mean shares by grade (must fall from cut to non)');
    console.table(grades);
    // A missed answer may copy from parts of the Wikipedia article its source file leaves out.
    const missed = results
      .map(({ c, r }) => ({ r, answer: cs.answers.find((a) => a.file === c.page.title && a.grade !== 'non') }))
      .filter(({ r, answer }) => answer && r.original?.id !== `cs-${answer.task}`)
      .map(({ answer }) => ({
        answer: answer!.file,
        grade: answer!.grade,
        shareOfWord5gramsInSource: round(
          fiveGramContainment(answer!.text, cs.sources.find((s) => s.task === answer!.task)!.text),
        ),
      }));
    console.log('Clough & Stevenson answers not attributed to their source');
    console.table(missed);
  }
  const text = textProcessingOnPud();
  if (text) {
    console.log(
      '\nPUD: sentence boundaries in runs of 8 sentences (ours vs Intl.Segmenter), and the language guess on articles of 16 sentences and on single sentences',
    );
    console.table(text);
  }
  // Each corpus read twice: as `npm run check` reads a file, and as the extension reads a live page.
  const readers = { file: readAsFile, page: readAsPage };
  let extraction: Record<string, unknown>[] | null = null;
  for (const [as, read] of Object.entries(readers)) {
    const pages = extractionResults(read);
    if (!pages) break;
    const average = (pick: (r: ExtractionResult) => number) => round(mean(pages.map(pick)));
    (extraction ??= []).push({
      readAs: as,
      pages: pages.length,
      meanWordRecall: average((r) => r.recall),
      meanWordPrecision: average((r) => r.precision),
      readerablePagesWithoutArticle: pages.filter((r) => r.readerable && !r.found).length,
      pagesReadWithoutReadability: pages.filter((r) => r.quickRead).length,
    });
    if (as !== 'file') continue;
    console.log('pages under 0.8 read as a file (most repeat a paragraph, which Upstream reads once):');
    console.table(
      pages
        .filter((r) => r.recall < 0.8)
        .map((r) => ({ page: r.page, recall: round(r.recall), precision: round(r.precision) })),
    );
  }
  if (extraction) {
    console.log("\nExtraction on Readability's saved test pages: share of Readability's article words read");
    console.table(extraction);
  }
  let paragraphs: Record<string, unknown>[] | null = null;
  for (const [as, read] of Object.entries(readers)) {
    const marked = paragraphResults(read);
    if (!marked) break;
    if (as === 'file') used.push('article-extraction-benchmark');
    const average = (pick: (r: ParagraphResult) => number) => round(mean(marked.map(pick)));
    (paragraphs ??= []).push({
      readAs: as,
      pages: marked.length,
      meanRecall: average((r) => r.recall),
      meanParagraphPrecision: average((r) => r.paragraphPrecision),
      pagesUnder90: marked.filter((r) => r.paragraphPrecision < 0.9).length,
      pagesUnder75: marked.filter((r) => r.paragraphPrecision < 0.75).length,
      pagesReadWithoutReadability: marked.filter((r) => r.quickRead).length,
    });
    if (as !== 'file') continue;
    console.log('paragraphs read as a file that are not the article, on pages under 0.9:');
    for (const r of marked.filter((r) => r.paragraphPrecision < 0.9))
      console.log(`  ${r.page.slice(0, 8)} ${round(r.paragraphPrecision)}: ${r.strays.slice(0, 3).join(' | ')}`);
  }
  if (paragraphs) {
    console.log(
      '\nExtraction on the article-extraction benchmark (articles marked by people): trigram recall, and the share of words read that sit in paragraphs of the article',
    );
    console.table(paragraphs);
  } else
    console.log(
      '\n(set EXTRACTION_BENCHMARK_DIR to a checkout of scrapinghub/article-extraction-benchmark for paragraph precision)',
    );
  await writeFile(
    'eval-results.json',
    `${JSON.stringify({ corpora: used, pages: cases.length, originals: originals.length, rows, grades, text, extraction, paragraphs }, null, 2)}\n`,
  );
  console.log('wrote eval-results.json');
}

await main();
