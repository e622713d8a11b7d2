/**
 * Node-side reading of articles and originals from files, folders and URLs for the CLI and
 * the build scripts. Parsing is done by lib/; this module only does the I/O.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, extname, join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { splitTextArticle, FINGERPRINT_VERSION, makeOriginal } from '../lib/engine';
import {
  isNotText,
  packHeaderOf,
  parseImportFile,
  parseOriginalsLine,
  englishProblem,
  isProblem,
  type PackHeader,
} from '../lib/formats';
import { extractArticle } from '../lib/reader';
import { buildSeedPack } from './seed-pack';
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

/** A file that cannot be read as text at all (as opposed to one that holds no article). */
class UnreadableError extends Error {}

async function readLimited(path: string): Promise<string> {
  const info = await stat(path);
  if (info.size > MAX_INPUT_BYTES)
    throw new UnreadableError(
      `file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB: an article is smaller; put many articles in a .jsonl pack`,
    );
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

/** Files in a folder tree that are about the folder, not articles in it. */
const NOT_ARTICLES = /^(readme|licen[cs]e|copying|notice|changelog|authors|contributing)(\.[a-z]+)?$/i;
const ARTICLE_FILE = /\.(txt|x?html?|jsonl)$/i;

/** What reading originals found: the originals, and each file or line skipped with its reason. */
export interface OriginalsRead {
  originals: OriginalRecord[];
  /** Files and lines left out, each with why ("business/README.md: not an article"). */
  skipped: string[];
  files: number;
}

/** The article files under `path` with their ids: the path relative to the folder given, without extension. */
async function articleFiles(path: string, skipped: string[]): Promise<{ file: string; id: string }[]> {
  if (!(await stat(path)).isDirectory()) return [{ file: path, id: basename(path, extname(path)) }];
  const found: { file: string; id: string }[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = join(dir, entry.name);
      const id = relative(path, file).split(sep).join('/');
      if (entry.isDirectory()) await walk(file);
      else if (NOT_ARTICLES.test(entry.name)) skipped.push(`${id}: not an article (${entry.name})`);
      else if (!ARTICLE_FILE.test(entry.name)) skipped.push(`${id}: not a .txt, .html or .jsonl file`);
      else found.push({ file, id: id.replace(/\.[^./]+$/, '') });
    }
  };
  await walk(path);
  return found;
}

/** Reads one .txt (first line the title) or .html article file as an original. */
async function originalFromFile(file: string, id: string): Promise<OriginalRecord> {
  const text = await readLimited(file);
  const { items, problems } = parseImportFile(
    basename(file),
    text,
    (html) => parseHTML(html).document as unknown as Document,
  );
  if (!items.length)
    throw new Error(
      (problems[0] ? englishProblem(problems[0]) : 'no article found').replace(`${basename(file)}: `, ''),
    );
  return makeOriginal({ id, ...items[0] }, 'import');
}

/**
 * Streams a `.jsonl` pack line by line, so a file of any size is read without holding it
 * whole. A line whose fingerprint has the current version is not prepared again. A file that
 * is not UTF-8 text is refused whole.
 */
async function originalsFromJsonl(file: string, into: OriginalsRead): Promise<void> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(65_536), position: 0 });
    if (isNotText(new TextDecoder().decode(buffer.subarray(0, bytesRead))))
      throw new UnreadableError('not UTF-8 text (a binary file, or another encoding): convert it to UTF-8 JSON Lines');
  } finally {
    await handle.close();
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  let header: PackHeader | null = null;
  let counted = 0;
  for await (const raw of lines) {
    number++;
    if (number === 1) {
      try {
        header = packHeaderOf(raw);
      } catch (error) {
        throw new UnreadableError((error as Error).message);
      }
      if (header) continue;
    }
    if (raw.trim()) counted++;
    const input = parseOriginalsLine(raw);
    if (input && isProblem(input)) into.skipped.push(`${file}:${number}: ${englishProblem(input)}`);
    else if (input) into.originals.push(makeOriginal(input, 'import'));
  }
  // A pack with a header is checked against it, as a subscription is: a damaged one is refused whole.
  if (header && (counted !== header.count || (await sha256AfterFirstLine(file)) !== header.sha256))
    throw new UnreadableError(
      `the pack is damaged or incomplete: it does not match its header (${counted} lines, header says ${header.count}); fetch or build it again`,
    );
}

/** SHA-256 of a file's bytes after its first line, as a pack header gives it. */
async function sha256AfterFirstLine(file: string): Promise<string> {
  const hash = createHash('sha256');
  let inHeader = true;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (!inHeader) {
      hash.update(chunk);
      continue;
    }
    const newline = chunk.indexOf(0x0a);
    if (newline >= 0) {
      inHeader = false;
      hash.update(chunk.subarray(newline + 1));
    }
  }
  return hash.digest('hex');
}

/**
 * Reads originals from a folder tree of .txt/.html/.jsonl files (ids from the path inside the
 * folder, so `business/001.txt` and `sport/001.txt` stay apart), a single file, or a `.jsonl`
 * pack. Files that are not articles, and articles that cannot be used, are skipped with the
 * reason; a path that cannot be read at all throws.
 */
export async function readOriginals(path: string): Promise<OriginalsRead> {
  const read: OriginalsRead = { originals: [], skipped: [], files: 0 };
  for (const { file, id } of await articleFiles(path, read.skipped)) {
    read.files++;
    try {
      if (/\.jsonl$/i.test(file)) await originalsFromJsonl(file, read);
      else read.originals.push(await originalFromFile(file, id));
    } catch (error) {
      // A file that cannot be read at all is an error; one that holds no usable article is skipped.
      if (error instanceof UnreadableError || (error as NodeJS.ErrnoException).code)
        throw new Error(`${file}: ${(error as Error).message}`);
      read.skipped.push(`${file}: ${(error as Error).message}`);
    }
  }
  return read;
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
