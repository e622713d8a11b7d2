/**
 * Node-side reading of articles and originals from files, folders and URLs for the CLI and
 * the build scripts. Parsing is done by lib/; this module only does the I/O.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { paragraphsOf, type ArticleInput } from '../lib/article';
import { splitTextArticle } from '../lib/clean';
import { extractArticle } from '../lib/extract';
import { parseOriginalsJsonl } from '../lib/import-jsonl';
import { makeOriginal, type OriginalRecord } from '../lib/original';
import { buildSeedPack, type SeedPack } from '../lib/seed-pack';

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

/** Reads an article from a file path or an http(s) URL. */
export async function readArticle(input: string): Promise<ArticleInput | null> {
  if (/^https?:\/\//i.test(input)) {
    const response = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    if (body.length > MAX_INPUT_BYTES) throw new Error('page is too large');
    const type = response.headers.get('content-type') ?? '';
    return type.includes('html') || looksLikeHtml(input, body)
      ? articleFromHtml(body, response.url)
      : articleFromText(body);
  }
  const text = await readLimited(input);
  return looksLikeHtml(input, text) ? articleFromHtml(text) : articleFromText(text);
}

/** Reads originals from a folder of .txt/.html files or a .jsonl file. Problems are returned, not thrown. */
export async function readOriginals(path: string): Promise<{ originals: OriginalRecord[]; problems: string[] }> {
  const problems: string[] = [];
  const originals: OriginalRecord[] = [];
  if ((await stat(path)).isDirectory()) {
    for (const name of (await readdir(path)).sort()) {
      const file = join(path, name);
      const id = basename(name, extname(name));
      try {
        if (/\.txt$/i.test(name)) {
          const [title, ...rest] = (await readLimited(file)).split(/\r?\n/);
          originals.push(makeOriginal({ id, title: title.trim(), text: rest.join('\n') }, 'import'));
        } else if (/\.x?html?$/i.test(name)) {
          const article = articleFromHtml(await readLimited(file));
          if (!article) problems.push(`${file}: no article found`);
          else
            originals.push(
              makeOriginal(
                {
                  id,
                  ...article,
                  title: article.title ?? id,
                  publisher: article.siteName,
                  text: article.paragraphs.join('\n'),
                },
                'import',
              ),
            );
        }
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
    return { originals, problems };
  }
  const { records, problems: lineProblems } = parseOriginalsJsonl(await readLimited(path));
  for (const p of lineProblems) problems.push(`${path}:${p.line}: ${p.message}`);
  for (const record of records) originals.push(makeOriginal(record, 'import'));
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
    .update(seeds.map((s) => s.id + s.text).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return buildSeedPack(seeds, version);
}

export { paragraphsOf };
