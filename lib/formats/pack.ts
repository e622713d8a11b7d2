/**
 * A pack as publishers serve it for subscriptions: a header line, then the `.jsonl` lines of
 * docs/design.md. The header gives the format, a title, the number of lines and the SHA-256
 * of everything after the header line, so a pack cut short or damaged on the way is refused
 * whole and the previous one kept. A pack may be served gzipped (as a `.jsonl.gz` file or
 * with Content-Encoding, which the browser undoes itself).
 *
 *     {"upstreamPack":1,"title":"Fact-check desk","count":2,"sha256":"9f86…"}
 *     {"id":"a1","title":"…","text":"…","fingerprint":{…}}
 *     {"id":"a2","title":"…","text":"…","fingerprint":{…}}
 */
import { problem, ProblemError } from './problem-error';

/** The header format this version writes and reads. */
export const PACK_FORMAT = 1;
/** Largest pack accepted, once unzipped: a pack of 100,000 articles with text is about 300 MB. */
export const MAX_PACK_BYTES = 400 * 1024 * 1024;
const MAX_TITLE = 200;

export interface PackHeader {
  title: string;
  count: number;
  sha256: string;
}

/** A pack whose header matches its content. */
export interface VerifiedPack extends PackHeader {
  /** The lines after the header, blank ones left out; each is parsed with parseOriginalsLine. */
  lines: string[];
}

/** Why a pack was refused, in words for the person. */
export class PackError extends ProblemError {}

/** The header line of a pack of `count` lines whose text after the header hashes to `sha256`. */
export function packHeaderLine(header: PackHeader): string {
  return JSON.stringify({
    upstreamPack: PACK_FORMAT,
    title: header.title.slice(0, MAX_TITLE),
    count: header.count,
    sha256: header.sha256,
  });
}

/** True for a pack's header line (which an import of the file as plain `.jsonl` skips). */
export function isPackHeader(value: unknown): boolean {
  return !!value && typeof value === 'object' && Object.hasOwn(value, 'upstreamPack');
}

/** The header a pack's first line gives, or null when the line is not a pack header; PackError when it is one this version cannot read. */
export function packHeaderOf(line: string): PackHeader | null {
  const value = jsonOrUndefined(line);
  return isPackHeader(value) ? headerOf(value as Record<string, unknown>) : null;
}

function jsonOrUndefined(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The header a pack header object gives, or why this version cannot read it. */
function headerOf(value: Record<string, unknown>): PackHeader {
  if (value.upstreamPack !== PACK_FORMAT) throw new PackError(problem('packFormat', String(value.upstreamPack)));
  const { title, count, sha256 } = value;
  if (typeof title !== 'string' || !title.trim() || title.length > MAX_TITLE)
    throw new PackError(problem('packHeader', 'title'));
  if (!Number.isInteger(count) || (count as number) < 0) throw new PackError(problem('packHeader', 'count'));
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
    throw new PackError(problem('packHeader', 'sha256'));
  return { title: title.trim(), count: count as number, sha256 };
}

/** The text of a pack titled `title` of these `.jsonl` lines, header first, as a subscription verifies it. */
export async function packText(title: string, lines: string[]): Promise<string> {
  const body = lines.map((line) => `${line}\n`).join('');
  const sha256 = await sha256Hex(new TextEncoder().encode(body));
  return `${packHeaderLine({ title, count: lines.length, sha256 })}\n${body}`;
}

/** Hex SHA-256 of some bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Reads a stream of bytes whole, refusing more than `max` bytes (PackError). */
export async function readAtMost(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new PackError(problem('packTooLarge', String(max / 1024 / 1024)));
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Unzips gzipped bytes, refusing to produce more than `max` bytes. */
async function gunzip(bytes: Uint8Array, max: number): Promise<Uint8Array> {
  const unzipped = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return await readAtMost(unzipped, max);
  } catch (error) {
    throw error instanceof PackError ? error : new PackError(problem('packNotGzip'));
  }
}

/**
 * Reads a pack (gzipped or not) and checks it against its header: format, count of lines
 * and hash. Throws PackError, saying what is wrong, for anything else.
 */
export async function verifyPack(raw: Uint8Array, maxBytes = MAX_PACK_BYTES): Promise<VerifiedPack> {
  const bytes = isGzip(raw) ? await gunzip(raw, maxBytes) : raw;
  if (bytes.length > maxBytes) throw new PackError(problem('packTooLarge', String(maxBytes / 1024 / 1024)));
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new PackError(problem('packNoHeader'));
  const header = packHeaderOf(new TextDecoder().decode(bytes.subarray(0, newline)));
  if (!header) throw new PackError(problem('packNotHeader'));
  const body = bytes.subarray(newline + 1);
  if ((await sha256Hex(body)) !== header.sha256) throw new PackError(problem('packHash'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new PackError(problem('packNotUtf8'));
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  if (lines.length !== header.count)
    throw new PackError(problem('packLineCount', String(lines.length), String(header.count)));
  return { ...header, lines };
}
