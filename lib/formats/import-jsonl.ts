/**
 * Parsing of the `.jsonl` originals format of docs/design.md. Bad lines are reported by line
 * number and skipped; the good ones are kept. Unknown fields are ignored. A line may carry a
 * `fingerprint` instead of `text` (an exported index of originals whose text is not shared).
 */
import { hash32, isFingerprint } from '../engine';
import type { Fingerprint, OriginalInput, Problem } from '../model';
import { isPackHeader } from './pack';
import { problem } from './problem-error';

export interface JsonlProblem {
  line: number;
  problem: Problem;
}

/** Tells a problem from what was read (a line's record, a page's article). */
export const isProblem = <T extends object>(value: T | Problem): value is Problem => 'code' in value;

const OPTIONAL_STRINGS = ['id', 'publisher', 'published', 'url', 'language'] as const;

/** Longest id kept as given; a longer one is shortened with a hash of the whole, so it stays unique. */
export const MAX_ID_CHARS = 200;

function boundedId(id: string): string {
  if (id.length <= MAX_ID_CHARS) return id;
  return `${id.slice(0, MAX_ID_CHARS - 10)}~${hash32(id).toString(36)}`;
}

/** Checks one parsed line; returns the record or a reason it is unusable. */
export function toOriginalInput(value: unknown): OriginalInput | Problem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return problem('lineNotObject');
  const v = value as Record<string, unknown>;
  if (typeof v.title !== 'string' || !v.title.trim()) return problem('lineNoTitle');
  const hasText = typeof v.text === 'string' && v.text.trim() !== '';
  if (v.fingerprint !== undefined && !isFingerprint(v.fingerprint)) return problem('lineBadFingerprint');
  // An index of originals may carry fingerprints instead of text.
  if (!hasText && v.fingerprint === undefined) return problem('lineNoText');
  const input: OriginalInput = { title: v.title, text: hasText ? (v.text as string) : '' };
  if (v.fingerprint !== undefined) input.fingerprint = v.fingerprint as Fingerprint;
  for (const key of OPTIONAL_STRINGS) {
    if (v[key] === undefined || v[key] === null) continue;
    if (typeof v[key] !== 'string') return problem('lineNotString', key);
    input[key] = v[key] as string;
  }
  if (input.id !== undefined) input.id = boundedId(input.id);
  if (v.authors !== undefined && v.authors !== null) {
    if (!Array.isArray(v.authors) || !v.authors.every((a) => typeof a === 'string')) return problem('lineAuthors');
    input.authors = v.authors as string[];
  }
  return input;
}

/** Parses a whole `.jsonl` text. */
export function parseOriginalsJsonl(text: string): { records: OriginalInput[]; problems: JsonlProblem[] } {
  const records: OriginalInput[] = [];
  const problems: JsonlProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const result = parseOriginalsLine(raw);
    if (result && isProblem(result)) problems.push({ line: index + 1, problem: result });
    else if (result) records.push(result);
  });
  return { records, problems };
}

/** One line of a `.jsonl` pack: the record, the reason it is unusable, or null for a blank line or a pack header. */
export function parseOriginalsLine(raw: string): OriginalInput | Problem | null {
  const line = raw.trim();
  if (!line) return null;
  try {
    const value: unknown = JSON.parse(line);
    return isPackHeader(value) ? null : toOriginalInput(value);
  } catch {
    return problem('lineInvalidJson');
  }
}
