/**
 * The background's start: open the store, then install the seed pack. A store that cannot be
 * opened leaves every message failing but one, which says why; the next message tries again.
 * A seed pack that cannot be installed (a full disk) is reported, and the service answers
 * anyway, so the person can free space with the options page's delete and export.
 */
import type { StoreHealth } from '../model';
import { isFull } from './store-errors';

const detailOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export interface StartSteps<S> {
  open(): Promise<S>;
  /** Installs the seed pack if it is not there yet. */
  seed(started: S): Promise<void>;
}

export interface Startup<S> {
  /** Runs `use` with the started service, starting it (again) first if needed. */
  use<T>(use: (started: S) => T | Promise<T>): Promise<T>;
  health(): Promise<StoreHealth>;
}

export function createStartup<S>(steps: StartSteps<S>): Startup<S> {
  let seeding: StoreHealth = { problem: null };
  const start = async () => {
    const started = await steps.open();
    try {
      await steps.seed(started);
      seeding = { problem: null };
    } catch (error) {
      seeding = { problem: isFull(error) ? 'full' : 'seeds-missing', detail: detailOf(error) };
    }
    return started;
  };
  let started = start();
  const use: Startup<S>['use'] = (run) => {
    started = started.catch(() => start());
    return started.then(run);
  };
  return {
    use,
    async health() {
      try {
        await use(() => undefined);
        return seeding;
      } catch (error) {
        return { problem: 'unavailable', detail: detailOf(error) };
      }
    },
  };
}
