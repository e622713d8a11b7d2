/**
 * Readers for the research corpora in ../shared/corpora (read at run time, never committed).
 * Each returns null when its corpus is not there, so the evaluation runs without them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paragraphsOfHtml } from '../lib/formats';

export const CORPORA_DIR = process.env.UPSTREAM_CORPORA ?? new URL('../../shared/corpora/', import.meta.url).pathname;

/** PAN 2013 source documents, as plain texts (hard line wraps joined), in file order. */
export function panSources(limit: number): { id: string; text: string }[] | null {
  const dir = join(CORPORA_DIR, 'pan13-text-alignment-subset/final_txt_files');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .sort()
    .slice(0, limit)
    .map((name) => ({
      id: `pan-${name.replace(/\D/g, '')}`,
      text: readFileSync(join(dir, name), 'utf8').replace(/\s+/g, ' ').trim(),
    }));
}

/** MRPC sentence pairs: label 1 (paraphrase) or 0 (different sentences on the same news). */
export function mrpcPairs(): { paraphrase: boolean; a: string; b: string }[] | null {
  const file = join(CORPORA_DIR, 'mrpc/msr_paraphrase_train.txt');
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 5 && /^[01]$/.test(cols[0]))
    .map((cols) => ({ paraphrase: cols[0] === '1', a: cols[3], b: cols[4] }));
}

/** Clough & Stevenson: the five Wikipedia sources and the graded answers. */
export function cloughStevenson(): {
  sources: { task: string; text: string }[];
  answers: { file: string; task: string; grade: 'cut' | 'light' | 'heavy' | 'non'; text: string }[];
} | null {
  const dir = join(CORPORA_DIR, 'clough-stevenson-plagiarism');
  if (!existsSync(dir)) return null;
  const read = (name: string) => readFileSync(join(dir, name), 'latin1').replace(/^\uFEFF/, '');
  const sources = ['a', 'b', 'c', 'd', 'e'].map((task) => ({ task, text: read(`orig_task${task}.txt`) }));
  const answers = read('file_information.csv')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols.length >= 3 && ['cut', 'light', 'heavy', 'non'].includes(cols[2].trim()))
    .map(([file, task, grade]) => ({
      file,
      task: task.trim(),
      grade: grade.trim() as 'cut' | 'light' | 'heavy' | 'non',
      text: read(file),
    }));
  return { sources, answers };
}

/** The PUD parallel treebank of a language: its 1,000 sentences by sent_id, in file order. */
export function pudSentences(language: string): Map<string, string> | null {
  const file = join(CORPORA_DIR, `lexicons/pud/${language}_pud-ud-test.conllu`);
  if (!existsSync(file)) return null;
  const sentences = new Map<string, string>();
  let id = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
    else if (line.startsWith('# text = ') && id) sentences.set(id, line.slice(9).trim());
  }
  return sentences;
}

/**
 * PUD as articles: runs of `size` consecutive sentences, in English and in each of `languages`
 * whose treebank is there. Null without the treebanks.
 */
export function pudArticles(
  size: number,
  languages: string[],
): { english: string[]; translated: Map<string, string[]> }[] | null {
  const english = pudSentences('en');
  if (!english) return null;
  const others = languages.flatMap((language) => {
    const sentences = pudSentences(language);
    return sentences ? [{ language, sentences }] : [];
  });
  const ids = [...english.keys()];
  return Array.from({ length: Math.floor(ids.length / size) }, (_, k) => {
    const run = ids.slice(k * size, (k + 1) * size);
    return {
      english: run.map((id) => english.get(id) ?? ''),
      translated: new Map(
        others.map(({ language, sentences }) => [language, run.map((id) => sentences.get(id) ?? '')]),
      ),
    };
  });
}

/**
 * The article of a Readability test page, as its expected output gives it (title from its
 * metadata), or null when the corpus is not there.
 */
export function readabilityArticle(page: string): { title: string; paragraphs: string[] } | null {
  const dir = join(CORPORA_DIR, 'readability-pages', page);
  if (!existsSync(dir)) return null;
  const html = readFileSync(join(dir, 'expected.html'), 'utf8');
  const { title } = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { title?: string };
  return { title: title ?? page, paragraphs: paragraphsOfHtml(html) };
}
