/**
 * How every write to the database is made: all its requests handled as they are made, the
 * transaction aborted whole on any failure, and a full quota told apart from other failures.
 */

/** The write failed because the browser's storage quota is full; nothing of the batch was written. */
export class StoreFullError extends Error {
  constructor() {
    super('The browser has no more storage for Upstream. Free some space or delete originals; nothing was lost.');
    this.name = 'StoreFullError';
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));

/**
 * Runs the writes of one transaction and waits for all of them and the commit. On any
 * failure the transaction is aborted, so none of its writes stay, and a quota failure
 * becomes StoreFullError. Writes issue their requests through `requestAll`, so none is left
 * unhandled when another fails.
 */
export async function writing<T extends { abort(): void; done: Promise<void> }>(
  tx: T,
  write: (tx: T) => Promise<void> | void,
): Promise<void> {
  tx.done.catch(() => undefined);
  try {
    await write(tx);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser: nothing was committed.
    }
    throw isQuotaError(error) ? new StoreFullError() : error;
  }
}

/**
 * Makes a request per item and waits for them all. Each is handled as soon as it is made, so
 * when one throws (a full quota) the transaction aborts without unhandled rejections.
 */
export function requestAll<T, R>(items: Iterable<T>, request: (item: T) => Promise<R>): Promise<R[]> {
  const pending: Promise<R>[] = [];
  for (const item of items) {
    const made = request(item);
    made.catch(() => undefined);
    pending.push(made);
  }
  return Promise.all(pending);
}
