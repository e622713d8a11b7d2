/**
 * Works through the import queue in batches: each batch is cleaned and fingerprinted, then
 * stored and removed from the queue in one transaction, so an import that is stopped (by a
 * cancel, a restart of the service worker or of the browser) resumes where it was, and never
 * doubles or loses an original.
 *
 * The number of queued originals is counted from the store once, when the worker starts, and
 * kept in memory after that: counting an IndexedDB store walks all of it, so counting after
 * every batch made each batch cost more the longer the queue.
 */
import { isFingerprintOnly, makeOriginal } from '../engine';
import type { ImportProgress, ImportQueue, OriginalsLibrary, QueuedImport } from '../model';
import { writeProblem } from './store-errors';

/** Originals prepared and stored per transaction. */
export const IMPORT_BATCH = 100;
/**
 * Originals given as fingerprints stored per transaction: they need no preparation, and the
 * candidate index then gets a tenth of the runs to merge.
 */
const FINGERPRINT_BATCH = 1000;

/** Quiet time after an import's last batch before the candidate index is merged into one run. */
const COMPACT_AFTER_MS = 1000;

/** Lets other work run between batches. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The background's import worker: one at a time, resumable, cancellable. */
export class ImportWorker {
  private running: Promise<void> | null = null;
  private cancelled = false;
  private progress: ImportProgress = { imported: 0, queued: 0, running: false };
  private compaction?: ReturnType<typeof setTimeout>;
  /** Messages of an import being stored: a compaction gives way to them. */
  private adding = 0;

  /** `giveWay` is awaited between batches: the service makes it wait for pages being analysed. */
  constructor(
    private readonly originals: OriginalsLibrary,
    private readonly queue: ImportQueue,
    private readonly giveWay: () => Promise<void> = nextTurn,
  ) {}

  /**
   * Imports originals: those given as a fingerprint without text need no preparation and are
   * stored at once (queueing them and reading them back tripled the writes of such an
   * import); the others are queued and the worker prepares them.
   */
  async add(items: QueuedImport[]): Promise<ImportProgress> {
    this.adding++;
    try {
      return await this.addItems(items);
    } finally {
      this.adding--;
    }
  }

  private async addItems(items: QueuedImport[]): Promise<ImportProgress> {
    clearTimeout(this.compaction);
    this.progress.error = undefined;
    const ready = items.filter((item) => isFingerprintOnly(item.input));
    const toPrepare = items.filter((item) => !isFingerprintOnly(item.input));
    // A transaction per batch, not per message: lookups for open pages wait for at most one.
    for (let i = 0; i < ready.length; i += FINGERPRINT_BATCH) {
      const batch = ready.slice(i, i + FINGERPRINT_BATCH);
      try {
        await this.originals.putOriginals(batch.map((item) => makeOriginal(item.input, item.origin)));
        await this.originals.mergeRuns();
      } catch (error) {
        // Shown like a failure of the worker: the options page says why the import stopped.
        this.progress.error = writeProblem(error);
        return this.status();
      }
      this.progress.imported += batch.length;
      await this.giveWay();
    }
    if (toPrepare.length) {
      await this.queue.enqueueImports(toPrepare);
      this.progress.queued += toPrepare.length;
      this.start();
    } else if (ready.length) this.compactWhenQuiet();
    return this.status();
  }

  /**
   * An import adds a run to the candidate index per batch, merged level by level as they pile
   * up; once no more come for a moment (a file arrives in several messages), all are merged
   * into one, so a lookup reads one bucket per key. That merge gives way to a new import, whose
   * batches then carry it on a step at a time.
   */
  private compactWhenQuiet(): void {
    clearTimeout(this.compaction);
    this.compaction = setTimeout(() => {
      this.originals
        .mergeRuns(true, () => this.adding > 0 || !!this.running)
        .catch((error: Error) => console.warn('Upstream: index not merged', error.message));
    }, COMPACT_AFTER_MS);
  }

  /** Continues a queue left unfinished by a restart, if there is one. */
  async resume(): Promise<ImportProgress> {
    if (!this.running) {
      const queued = await this.queue.queuedImports();
      this.progress.queued = queued;
      if (queued > 0) this.start();
    }
    return this.status();
  }

  status(): ImportProgress {
    return { ...this.progress };
  }

  /** Stops after the batch being stored and empties the queue. */
  async cancel(): Promise<ImportProgress> {
    this.cancelled = true;
    await this.running;
    await this.queue.clearImports();
    this.progress = { ...this.progress, queued: 0, running: false };
    return this.status();
  }

  private start(): void {
    if (this.running) return;
    this.cancelled = false;
    this.progress = { ...this.progress, running: true, error: undefined };
    this.running = this.run()
      .catch((error: Error) => {
        this.progress.error = writeProblem(error);
      })
      .finally(() => {
        this.progress.running = false;
        this.running = null;
        // Originals queued just as the last batch found the queue empty.
        if (!this.cancelled && !this.progress.error && this.progress.queued > 0) this.start();
        else this.compactWhenQuiet();
      });
  }

  private async run(): Promise<void> {
    // Reading on from the last batch rather than from the start of the queue skips the
    // deleted entries there, which the browser's store would otherwise step over each time.
    let after: number | undefined;
    while (!this.cancelled) {
      const { keys, items } = await this.queue.peekImports(IMPORT_BATCH, after);
      if (keys.length === 0) {
        this.progress.queued = 0;
        break;
      }
      const records = items.map((item) => makeOriginal(item.input, item.origin));
      await this.queue.commitImports(keys, records);
      await this.originals.mergeRuns();
      after = keys[keys.length - 1];
      this.progress.imported += records.length;
      this.progress.queued = Math.max(0, this.progress.queued - records.length);
      await this.giveWay();
    }
  }
}
