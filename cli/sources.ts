/**
 * Node-side reading of articles and originals from files, folders and URLs for the CLI and
 * the build scripts. Parsing is done by lib/; this module only does the I/O.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { splitTextArticle, FINGERPRINT_VERSION, makeOriginal } from '../lib/engine';
import { extractArticle, parseImportFile, parseOriginalsJsonl, buildSeedPack } from '../lib/formats';
import type { ArticleInput, OriginalRecord, SeedPack } from '../lib/model';

/** Largest input read, in bytes: a bigger file or page is refused with a clear error. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Extracts the article of an HTML string, or null when it has none. */
export function articleFromHtml(html: string, url?: string): ArticleInput | null {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document, url);
}

/** A plain-text article: first line the headline when it reads like one. */
export function articleFromText(text: string): ArticleInput {
  const { title, paragraphs } = splitTextArticle(text);
  return { title, paragraphs };
}

const looksLikeHtml = (name: string, text: string) =>
  /\.x?html?$/i.test(name) || /^\s*<(!doctype|html|head|body)/i.test(text);

async function readLimited(path: string): Promise<string> {
  const info = await stat(path);
  if (info.size > MAX_INPUT_BYTES) throw new Error(`file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  return readFile(path, 'utf8');
}

/**
 * Reads an article from a file path or an http(s) URL. A fetched page's address is where the
 * fetch ended (after redirects): like the tab's address in the browser, it is evidence of who
 * the page is. A file has no address.
 */
export async function readArticle(input: string): Promise<{ article: ArticleInput | null; address?: string }> {
  if (/^https?:\/\//i.test(input)) {
    const response = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    if (body.length > MAX_INPUT_BYTES) throw new Error('page is too large');
    const type = response.headers.get('content-type') ?? '';
    const article =
      type.includes('html') || looksLikeHtml(input, body) ? articleFromHtml(body, response.url) : articleFromText(body);
    return { article, address: response.url };
  }
  const text = await readLimited(input);
  return { article: looksLikeHtml(input, text) ? articleFromHtml(text) : articleFromText(text) };
}

/** Reads one .txt (first line the title) or .html article file as an original. */
async function originalFromFile(file: string): Promise<OriginalRecord> {
  const id = basename(file, extname(file));
  const text = await readLimited(file);
  const { items, problems } = parseImportFile(
    basename(file),
    text,
    (html) => parseHTML(html).document as unknown as Document,
  );
  if (!items.length) throw new Error(problems[0] ?? 'no article found');
  return makeOriginal({ id, ...items[0] }, 'import');
}

/**
 * Reads originals from folders of .txt/.html files, single such files, or .jsonl files.
 * Problems are returned, not thrown, so one bad file does not stop the rest.
 */
export async function readOriginals(path: string): Promise<{ originals: OriginalRecord[]; problems: string[] }> {
  const problems: string[] = [];
  const originals: OriginalRecord[] = [];
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path))
        .sort()
        .filter((name) => /\.(txt|x?html?)$/i.test(name))
        .map((name) => join(path, name))
    : [path];
  for (const file of files) {
    try {
      if (/\.jsonl$/i.test(file)) {
        const { records, problems: lineProblems } = parseOriginalsJsonl(await readLimited(file));
        for (const p of lineProblems) problems.push(`${file}:${p.line}: ${p.message}`);
        for (const record of records) originals.push(makeOriginal(record, 'import'));
      } else originals.push(await originalFromFile(file));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { originals, problems };
}

/** The folder of seed articles shipped with the project. */
export const SEEDS_DIR = new URL('../seeds/', import.meta.url);

/** Builds the seed pack from the project's seed folder. */
export async function seedPackFromDisk(): Promise<SeedPack> {
  const names = (await readdir(SEEDS_DIR)).filter((n) => n.endsWith('.txt')).sort();
  const seeds = await Promise.all(
    names.map(async (name) => ({ id: basename(name, '.txt'), text: await readFile(new URL(name, SEEDS_DIR), 'utf8') })),
  );
  const version = (await import('node:crypto'))
    .createHash('sha256')
    .update(`${FINGERPRINT_VERSION}\n${seeds.map((s) => s.id + s.text).join('\n')}`)
    .digest('hex')
    .slice(0, 16);
  return buildSeedPack(seeds, version);
}
