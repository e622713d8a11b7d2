/**
 * `npm run bench:feeds`: following 20 feeds for a month, in the store the extension uses
 * (IndexedDB, here fake-indexeddb in Node). Each feed lists its latest 50 items and publishes
 * FEED_ITEMS_PER_DAY new full-text articles a day (about 400 words each); every feed is
 * refreshed every 6 hours for 30 simulated days through the same subscriptions code as the
 * background. Prints the originals stored, what the store holds for them (bytes of the records
 * as JSON and of the subscriptions' item ledgers) and the time each feed's refresh took.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { createSubscriptions } from '../lib/extension/subscriptions';
import { openStores } from '../lib/store';
import { everyOriginal } from '../fixtures/originals';
import { syntheticArticle } from './synthetic';

const FEEDS = 20;
const LISTED = 50;
const PER_DAY = Number(process.env.FEED_ITEMS_PER_DAY ?? 50);
const DAYS = Number(process.env.FEED_DAYS ?? 30);
const REFRESH_HOURS = 6;
const HOUR = 3_600_000;
const start = Date.UTC(2026, 0, 1);
let now = start;

const feedUrl = (f: number) => `https://outlet${f}.example/feed.xml`;
/** The feed as served at `now`: its latest LISTED items, newest first. */
function feedText(f: number): string {
  const published = Math.floor(((now - start) / 86_400_000) * PER_DAY);
  const items: string[] = [];
  for (let i = published; i > Math.max(0, published - LISTED); i--) {
    const paragraphs = syntheticArticle(f * 1_000_000 + i, 400);
    items.push(
      `<item><guid>${f}-${i}</guid><title>Outlet ${f} story ${i}</title><link>https://outlet${f}.example/s/${i}</link>` +
        `<content:encoded><![CDATA[${paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>`,
    );
  }
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Outlet ${f}</title>${items.join('')}</channel></rss>`;
}

const stores = await openStores('bench-feeds');
const subscriptions = createSubscriptions({
  originals: stores.originals,
  store: stores.subscriptions,
  async fetch(url) {
    const f = Number(/outlet(\d+)/.exec(url)![1]);
    return new Response(feedText(f), { headers: { 'content-type': 'application/rss+xml' } });
  },
  now: () => now,
  pause: async () => undefined,
  hasAccess: async () => true,
});

const times: number[] = [];
const began = performance.now();
for (let f = 0; f < FEEDS; f++) await subscriptions.subscribe(feedUrl(f), REFRESH_HOURS);
await subscriptions.idle();
for (now = start + REFRESH_HOURS * HOUR; now <= start + DAYS * 24 * HOUR; now += REFRESH_HOURS * HOUR) {
  for (let f = 0; f < FEEDS; f++) {
    const started = performance.now();
    subscriptions.refresh(feedUrl(f));
    await subscriptions.idle();
    times.push(performance.now() - started);
  }
}

const list = await subscriptions.list();
let recordBytes = 0;
let originals = 0;
for (const record of await everyOriginal(stores.originals)) {
  if (!record.id.startsWith('list:')) continue;
  recordBytes += JSON.stringify({ ...record, searchWords: undefined }).length;
  originals++;
}
const ledgerBytes = JSON.stringify(list.map((s) => s.items ?? [])).length;
const sorted = [...times].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
console.log(
  `${FEEDS} feeds, ${LISTED} items listed each, ${PER_DAY} new a day, refreshed every ${REFRESH_HOURS} h for ${DAYS} days`,
);
console.log(`originals stored at the end: ${originals} (per feed ${list.map((s) => s.count).join(', ')})`);
console.log(
  `records: ${(recordBytes / 1024 / 1024).toFixed(1)} MB as JSON (${Math.round(recordBytes / Math.max(1, originals))} bytes each); item ledgers: ${(ledgerBytes / 1024).toFixed(0)} KB`,
);
console.log(
  `refresh of one feed: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${times.length} refreshes; Node, fake-indexeddb)`,
);
console.log(
  `whole run: ${((performance.now() - began) / 1000).toFixed(0)} s; problems: ${list.filter((s) => s.problem).length}`,
);
