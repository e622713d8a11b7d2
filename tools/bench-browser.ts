/**
 * The browser part of `npm run bench`: originals imported into Chromium's real IndexedDB
 * through the extension's own import path (the options page's messages to the background),
 * with pages analysed while the import runs and after it.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../fixtures/browser/chromium';
import { startServer, type Handler } from '../fixtures/browser/server';
import { newsPage, pageCases } from '../fixtures/pages';
import { FINGERPRINT_VERSION } from '../lib/engine';
import { packText, toJsonlLine } from '../lib/formats';
import type { OriginalRecord } from '../lib/model';

const CHUNK = 1000;
const RAW_FLOOR_LARGEST = 100_000;
const LIST_PATH = '/bench-list.jsonl';
const ITEMS_PATH = '/bench-items.jsonl';

export interface BrowserRow {
  originals: number;
  importSeconds: number;
  /** From the import's last message answered to its candidate index merged into one run. */
  compactSeconds: number;
  pageAnalysisDuringImportMs: number;
  pageAnalysisP50Ms: number;
  pageAnalysisP95Ms: number;
  /** From the background receiving the page's message to the badge set (every stage it times). */
  messageToBadgeP50Ms: number;
  messageToBadgeP95Ms: number;
  recallAt1: number;
  /**
   * Where a page's time goes, p50 ms per stage: from opening the tab to the background receiving
   * its message (the tab, the page's load, the content script's idle wait and read), each stage
   * the background times up to the badge set, and from then to the bench seeing the tab's state
   * (its write and the bench's 20 ms polling).
   */
  stagesP50Ms: Record<string, number>;
  /** The extension's whole storage use (navigator.storage.estimate) over the originals stored. */
  storageBytesPerOriginal: number;
}

/** The options page's search over the largest store: a word every original has, and one none has (every block's words read). */
export interface SearchRow {
  originals: number;
  everyOriginalMs: number;
  noOriginalMs: number;
}

/** Plain IndexedDB with nothing of Upstream: what records with a multi-entry index of their keys cost in this browser. */
export interface RawFloor {
  records: number;
  keysPerRecord: number;
  seconds: number;
}

/** Imports `records` (fingerprints without text) in steps up to each size, measuring as it goes. */
/** A subscribed list of fingerprints stored, then removed, while pages are analysed. */
export interface SubscriptionRow {
  originals: number;
  packMegabytes: number;
  /** From subscribing to the list's originals stored and its index merged. */
  fetchAndStoreSeconds: number;
  /** From unsubscribing to the last of its originals removed. */
  removalSeconds: number;
  /** Pages analysed end to end while the removal runs. */
  pageAnalysisDuringRemovalMs: number[];
}

export async function browserBench(
  records: OriginalRecord[],
  textOf: (n: number) => string[],
  sizes: number[],
  subscriptionSize = 0,
): Promise<{ rows: BrowserRow[]; raw: RawFloor; search: SearchRow; subscription?: SubscriptionRow }> {
  const probes = Array.from({ length: 10 }, (_, i) => i * 17);
  const pages = new Map<string, string>(
    probes.map((i) => [
      `/copy-${i}.html`,
      newsPage({ name: 'Bench', sections: [], related: [] }, `Copy ${i}`, textOf(i)),
    ]),
  );
  const rewrite = pageCases().find((c) => c.name === 'seed-001-rewrite')!;
  pages.set('/rewrite.html', rewrite.html);
  // A pack of the originals without text, as `npm run pack --fingerprints-only` writes it.
  const pack = subscriptionSize
    ? await packText(
        'Bench list',
        records.slice(0, subscriptionSize).map((record) => toJsonlLine(record, true)),
      )
    : '';
  /** The originals of the import step under way, served as a `.jsonl` file. */
  let stepItems: object[] = [];
  const serveItems: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    // Written in slices, as the file is read: a million lines are never one string.
    let next = 0;
    const writeSlice = () => {
      while (next < stepItems.length) {
        const lines = stepItems.slice(next, (next += CHUNK)).map((item) => `${JSON.stringify(item)}\n`);
        if (!res.write(lines.join(''))) return void res.once('drain', writeSlice);
      }
      res.end();
    };
    writeSlice();
  };
  const server = await startServer(
    pages,
    new Map(),
    new Map([
      [LIST_PATH, (_req, res) => res.writeHead(200, { 'content-type': 'application/x-ndjson' }).end(pack)],
      [ITEMS_PATH, serveItems],
    ]),
  );
  // Host access to the local list granted at install: the bench subscribes by message, not through the prompt.
  const { context, browser } = await launchChromium(server, 'en-US', true, ['http://127.0.0.1/*']);
  const rows: BrowserRow[] = [];
  let raw: RawFloor = { records: 0, keysPerRecord: 0, seconds: 0 };
  let subscription: SubscriptionRow | undefined;
  let search: SearchRow = { originals: 0, everyOriginalMs: 0, noOriginalMs: 0 };
  try {
    const options = await context.newPage();
    await options.goto(`${browser.extensionBase}options.html`);
    for (const page of context.pages()) if (page !== options) await page.close();

    /** Time from opening a page to its report, the original found, and where the time went. */
    const analyse = async (path: string) => {
      const started = performance.now();
      const openedAt = Date.now();
      const page = await context.newPage();
      await page.goto(`${server.origin}${path}`);
      const url = `${server.origin}${path}`;
      for (let i = 0; i < 600; i++) {
        const found = await options.evaluate(async (target) => {
          for (const tab of await chrome.tabs.query({})) {
            const { answer: state } = await chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: tab.id });
            if (state?.url === target && state.status === 'ready')
              return {
                id: (state.report.original?.id ?? null) as string | null,
                receivedAt: state.receivedAt as number | undefined,
                timings: (state.timings ?? []) as { stage: string; ms: number }[],
                updatedAt: state.updatedAt as number,
              };
          }
          return undefined;
        }, url);
        if (found !== undefined) {
          const ms = performance.now() - started;
          const noticedAt = Date.now();
          await page.close();
          const inBackground = found.timings.reduce((n, t) => n + t.ms, 0);
          const received = found.receivedAt ?? found.updatedAt;
          const stages: Record<string, number> = {
            'open to message': received - openedAt,
            ...Object.fromEntries(found.timings.map((t) => [t.stage, t.ms])),
            'state written, bench poll': noticedAt - found.updatedAt,
          };
          return { ms, id: found.id, stages, toBadge: inBackground };
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      await page.close();
      return { ms: Number.NaN, id: null, stages: {} as Record<string, number>, toBadge: Number.NaN };
    };
    /** Seconds until the subscriptions are idle and `done` holds for them. */
    const waitForSubscriptions = (done: 'stored' | 'removed') =>
      options.evaluate(async (done) => {
        const started = performance.now();
        for (;;) {
          const { answer: list } = await chrome.runtime.sendMessage({ type: 'list-subscriptions' });
          const idle = !list.some((s: { activity?: string; removing?: boolean }) => s.activity || s.removing);
          if (idle && (done === 'removed' ? list.length === 0 : list[0]?.checkedAt)) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        return (performance.now() - started) / 1000;
      }, done);
    const measureSubscription = async (): Promise<SubscriptionRow> => {
      const url = `${server.origin}${LIST_PATH}`;
      await options.evaluate((url) => chrome.runtime.sendMessage({ type: 'subscribe', url, everyHours: 24 }), url);
      const stored = await waitForSubscriptions('stored');
      const [listed] = await options.evaluate(
        async () => (await chrome.runtime.sendMessage({ type: 'list-subscriptions' })).answer,
      );
      if (listed?.problem || listed?.count !== subscriptionSize)
        throw new Error(`the bench list was not stored: ${JSON.stringify(listed)}`);
      const compacted = (await options.evaluate(waitForOneRun)) / 1000;
      await options.evaluate((url) => chrome.runtime.sendMessage({ type: 'unsubscribe', url }), url);
      const removing = waitForSubscriptions('removed');
      const during: number[] = [];
      for (let i = 0; i < 3; i++) during.push(Math.round((await analyse(`/copy-${probes[i]}.html`)).ms));
      return {
        originals: subscriptionSize,
        packMegabytes: Number((pack.length / 1024 / 1024).toFixed(1)),
        fetchAndStoreSeconds: Number((stored + compacted).toFixed(1)),
        removalSeconds: Number((await removing).toFixed(1)),
        pageAnalysisDuringRemovalMs: during,
      };
    };
    const waitForQueue = () =>
      options.evaluate(async () => {
        for (;;) {
          const { answer: status } = await chrome.runtime.sendMessage({ type: 'import-status' });
          if (!status.running && status.queued === 0) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      });

    let imported = 0;
    for (const size of sizes) {
      const items = records.slice(imported, size).map((r) => ({
        id: r.id,
        title: r.title,
        text: '',
        fingerprint: { ...r.fingerprint, version: FINGERPRINT_VERSION },
      }));
      const before = await options.evaluate(
        async () => (await chrome.runtime.sendMessage({ type: 'import-status' })).answer.imported as number,
      );
      // The options page reads the step's originals as a file served here, a line at a time, and
      // sends them on 1,000 per message, as it does with a file the person chose: the time
      // measured is the extension's import (reading included), not a transfer from this process.
      stepItems = items;
      const importing = options.evaluate(async (url) => {
        const started = performance.now();
        const reader = (await fetch(url)).body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        let chunk: unknown[] = [];
        for (;;) {
          const { value, done } = await reader.read();
          buffer += value ?? '';
          let end = buffer.indexOf('\n');
          while (end >= 0) {
            chunk.push(JSON.parse(buffer.slice(0, end)));
            buffer = buffer.slice(end + 1);
            end = buffer.indexOf('\n');
            if (chunk.length === 1000) {
              await chrome.runtime.sendMessage({ type: 'queue-import', items: chunk });
              chunk = [];
            }
          }
          if (done) break;
        }
        if (chunk.length) await chrome.runtime.sendMessage({ type: 'queue-import', items: chunk });
        return performance.now() - started;
      }, `${server.origin}${ITEMS_PATH}`);
      // Once half of this step is stored, a page is analysed while the import runs on (a step
      // of a single message is over before it is seen: the page is analysed after it).
      let over = false;
      void importing.finally(() => (over = true)).catch(() => undefined);
      for (;;) {
        const stored = await options.evaluate(
          async () => (await chrome.runtime.sendMessage({ type: 'import-status' })).answer.imported as number,
        );
        if (over || stored >= before + items.length / 2) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const during = (await analyse('/rewrite.html')).ms;
      const importMs = await importing;
      await waitForQueue();
      const compactMs = await options.evaluate(waitForOneRun);
      const importSeconds = importMs / 1000;
      imported = size;
      console.log(`(browser: ${size} originals imported in ${importSeconds.toFixed(1)} s)`);
      // The list is subscribed to, and removed, over the first store of 10,000 or more.
      if (subscriptionSize && !subscription && size >= 10_000) {
        subscription = await measureSubscription();
        console.log(
          `(browser: a list of ${subscriptionSize} originals stored and removed: ${JSON.stringify(subscription)})`,
        );
      }
      const times: number[] = [];
      const toBadge: number[] = [];
      const stageTimes = new Map<string, number[]>();
      let hits = 0;
      for (const i of probes) {
        const { ms, id, stages, toBadge: background } = await analyse(`/copy-${i}.html`);
        times.push(ms);
        toBadge.push(background);
        for (const [stage, value] of Object.entries(stages))
          stageTimes.set(stage, [...(stageTimes.get(stage) ?? []), value]);
        if (id === records[i].id) hits++;
        else console.log(`(browser: the copy of ${records[i].id} was attributed to ${id ?? 'nothing'})`);
      }
      times.sort((a, b) => a - b);
      toBadge.sort((a, b) => a - b);
      rows.push({
        originals: size,
        importSeconds: Number(importSeconds.toFixed(1)),
        compactSeconds: Number((compactMs / 1000).toFixed(1)),
        pageAnalysisDuringImportMs: Math.round(during),
        pageAnalysisP50Ms: Math.round(times[Math.floor(times.length / 2)]),
        pageAnalysisP95Ms: Math.round(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]),
        messageToBadgeP50Ms: Math.round(toBadge[Math.floor(toBadge.length / 2)]),
        messageToBadgeP95Ms: Math.round(toBadge[Math.min(toBadge.length - 1, Math.floor(toBadge.length * 0.95))]),
        recallAt1: hits / probes.length,
        stagesP50Ms: Object.fromEntries(
          [...stageTimes].map(([stage, values]) => {
            const sorted = [...values].sort((x, y) => x - y);
            return [stage, Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10];
          }),
        ),
        storageBytesPerOriginal: Math.round(
          (await options.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)) / size,
        ),
      });
    }
    const searchMs = (words: string) =>
      options.evaluate(async (search) => {
        const started = performance.now();
        await chrome.runtime.sendMessage({ type: 'list-originals', search, offset: 0, limit: 50 });
        return Math.round(performance.now() - started);
      }, words);
    search = {
      originals: imported,
      everyOriginalMs: await searchMs('synthetic'),
      noOriginalMs: await searchMs('nowhere'),
    };
    // Plain IndexedDB's floor is measured to 100,000 records: a million take over ten minutes.
    const largest = Math.min(RAW_FLOOR_LARGEST, sizes[sizes.length - 1]);
    const keysPerRecord = Math.round(
      records.slice(0, largest).reduce((n, r) => n + r.fingerprint.keys.length, 0) / largest,
    );
    raw = { records: largest, keysPerRecord, seconds: await rawWrites(options, largest, keysPerRecord) };
  } finally {
    await context.close();
    await server.close();
  }
  return { rows, raw, search, subscription };
}

/**
 * Milliseconds until the extension's candidate index is one run again (it is merged once an
 * import is over). The bench reads the count from the page; the extension itself opens its
 * database only in the background.
 */
async function waitForOneRun(): Promise<number> {
  const started = performance.now();
  // No named functions in here: the page has none of the helpers the bundler adds for them.
  for (;;) {
    const runs = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('upstream');
      open.onsuccess = () => {
        const count = open.result.transaction('runs').objectStore('runs').count();
        count.onsuccess = () => {
          open.result.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
      open.onerror = () => reject(open.error);
    });
    if (runs <= 1) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Seconds to write `count` records of `keys` random keys each into a fresh database with a
 * multi-entry index, 1,000 per transaction, from the extension's page: the floor under any
 * import that lets IndexedDB index the keys, as Upstream's store did before schema version 4.
 */
function rawWrites(page: Page, count: number, keys: number): Promise<number> {
  return page.evaluate(
    async ([count, keys]) => {
      const name = 'bench-raw-floor';
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () =>
          request.result.createObjectStore('o', { keyPath: 'id' }).createIndex('keys', 'keys', { multiEntry: true });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      // No named functions in here: the page has none of the helpers the bundler adds for them.
      let state = 1;
      const started = performance.now();
      for (let start = 0; start < count; start += 1000) {
        await new Promise((resolve, reject) => {
          const tx = db.transaction('o', 'readwrite');
          for (let i = start; i < Math.min(count, start + 1000); i++) {
            const record = { id: `r${i}`, keys: [] as string[] };
            for (let k = 0; k < keys; k++) {
              state = (Math.imul(state, 1103515245) + 12345) >>> 0;
              record.keys.push(`c${state.toString(36)}`);
            }
            tx.objectStore('o').put(record);
          }
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      const seconds = (performance.now() - started) / 1000;
      db.close();
      indexedDB.deleteDatabase(name);
      return Math.round(seconds * 10) / 10;
    },
    [count, keys] as const,
  );
}
