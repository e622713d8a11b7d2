/**
 * Builds the seed pack, at build time (`npm run seed-pack`) and for the CLI's store: the seed
 * articles as stored originals. Seeds are taken in file order;
 * a seed that the engine finds to be a copy or rewrite of an earlier one is recorded as a
 * known copy of that original, not stored as an original of its own.
 */
import { splitTextArticle, analyse, makeOriginal, recordAsArticle, splitSentences } from '../lib/engine';
import { MemoryStore } from '../lib/store';
import type { KnownCopy, OriginalRecord, SeedFile, SeedPack } from '../lib/model';

const COPY_VERDICTS = new Set(['copy', 'rewrite', 'excerpt', 'translation']);

/** A headline for a text that has none: its first sentence, shortened. */
function headlineFromText(paragraphs: string[]): string {
  const first = splitSentences(paragraphs[0] ?? '')[0] ?? '';
  const words = first.split(/\s+/);
  return words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : first;
}

/** Turns a seed's text (first line a headline when it reads like one) into an original. */
export function originalFromSeed(seed: SeedFile): OriginalRecord {
  const { title, paragraphs } = splitTextArticle(seed.text);
  return makeOriginal(
    { id: seed.id, title: title ?? headlineFromText(paragraphs), text: paragraphs.join('\n') },
    'seed',
  );
}

/** Builds the seed pack from seed files. `version` identifies the pack's content. */
export async function buildSeedPack(seeds: SeedFile[], version: string): Promise<SeedPack> {
  const store = new MemoryStore();
  for (const seed of [...seeds].sort((a, b) => a.id.localeCompare(b.id))) {
    const record = originalFromSeed(seed);
    const report = await analyse(recordAsArticle(record), store);
    if (report.original && COPY_VERDICTS.has(report.verdict)) {
      const [original] = await store.getOriginals([report.original.id]);
      const copy: KnownCopy = { id: record.id, title: record.title, verdict: report.verdict };
      if (record.publisher) copy.publisher = record.publisher;
      store.put({ ...original, knownCopies: [...(original.knownCopies ?? []), copy] });
    } else {
      store.put(record);
    }
  }
  return { version, originals: store.all() };
}
