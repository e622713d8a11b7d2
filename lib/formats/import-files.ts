/**
 * Turns files a person picked for import into originals to queue: `.jsonl` in docs/design.md's
 * format (bad lines reported by number), `.txt` (first line the title) and `.html` (the
 * article extracted as from a page). The caller parses HTML (DOMParser in the browser,
 * linkedom in Node), so this module stays pure.
 */
import { extractArticle } from '../reader';
import { parseOriginalsJsonl } from './import-jsonl';
import { inputOfArticle } from '../engine';
import type { OriginalInput, Problem } from '../model';
import { problem } from './problem-error';

/** Largest file read for import, in characters. */
export const MAX_IMPORT_FILE_CHARS = 200 * 1024 * 1024;

export interface ParsedFile {
  items: OriginalInput[];
  problems: Problem[];
}

/** True when decoding as UTF-8 failed for more than a trace of the text, or it holds binary. */
export function isNotText(text: string): boolean {
  const sample = text.slice(0, 1_000_000);
  const replaced = sample.match(/\uFFFD/g)?.length ?? 0;
  return sample.includes('\u0000') || replaced > Math.max(3, sample.length / 1000);
}

/** Parses one picked file. */
export function parseImportFile(name: string, text: string, parseHtml: (html: string) => Document): ParsedFile {
  if (text.length > MAX_IMPORT_FILE_CHARS)
    return { items: [], problems: [problem('fileTooLarge', name, String(Math.round(text.length / 1024 / 1024)))] };
  if (isNotText(text)) return { items: [], problems: [problem('fileNotText', name)] };
  if (/\.jsonl$/i.test(name)) {
    const { records, problems } = parseOriginalsJsonl(text);
    return {
      items: records,
      problems: problems.map((p) => ({ ...problem('fileLine', name, String(p.line)), cause: p.problem })),
    };
  }
  const base = name.replace(/\.[^.]+$/, '');
  if (/\.x?html?$/i.test(name)) {
    const article = extractArticle(parseHtml(text));
    if (!article) return { items: [], problems: [problem('fileNoArticle', name)] };
    return { items: [inputOfArticle(article, base)], problems: [] };
  }
  if (/\.txt$/i.test(name)) {
    const [title, ...rest] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    if (!title.trim() || !rest.join('').trim()) return { items: [], problems: [problem('fileTxtShape', name)] };
    return { items: [{ title: title.trim(), text: rest.join('\n') }], problems: [] };
  }
  return { items: [], problems: [problem('fileType', name)] };
}
