/** What an error from the store means to a person: the store is full, or the browser refused a write. */
import type { Problem } from '../model';

export const isFull = (error: unknown) =>
  error instanceof Error && (error.name === 'StoreFullError' || error.name === 'QuotaExceededError');

/** A failed write as a problem the interface can say (the browser's error name kept for the curious). */
export function writeProblem(error: unknown): Problem {
  if (isFull(error)) return { code: 'storeFull' };
  return { code: 'storeWriteFailed', values: [error instanceof Error ? error.name : String(error)] };
}
