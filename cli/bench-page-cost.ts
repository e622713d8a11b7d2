/**
 * `npm run bench:pages`: what the extension costs the pages it runs on. Real saved pages
 * (Readability's test pages in ../shared/corpora, scripts stripped so only the extension
 * runs script) are opened in Chromium with and without Upstream; for each, the renderer's
 * main-thread task time from navigation until the page has been quiet for a while, and the
 * long tasks (over 50 ms) after the load event. Prints the time Upstream adds (p50, p95,
 * max) and the pages where it causes a long task the page alone does not have.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../test/e2e/chromium';
import { startServer } from '../test/e2e/server';
import { CORPORA_DIR } from './corpora';

/** Time after the load event given to the page and the extension (its content script starts at idle, within 2 s). */
const SETTLE_MS = 3_000;

interface Cost {
  /** Main-thread task time, ms. */
  task: number;
  /** Long tasks after the load event, ms each. */
  longTasks: number[];
}

async function measure(context: BrowserContext, url: string): Promise<Cost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskTime = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const before = await taskTime();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const task = (await taskTime()) - before;
  const longTasks = await page.evaluate(() => {
    const recorded =
      (window as unknown as { __upstreamLongTasks?: { start: number; duration: number }[] }).__upstreamLongTasks ?? [];
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return recorded.filter((t) => t.start >= navigation.loadEventEnd).map((t) => Math.round(t.duration));
  });
  await page.close();
  return { task, longTasks };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main(): Promise<void> {
  const dir = join(CORPORA_DIR, 'readability-pages');
  if (!existsSync(dir)) throw new Error(`no saved pages at ${dir}: the page-cost benchmark needs the corpora`);
  // BENCH_PAGES=name,name measures some pages only (a quick look while changing the content script).
  const only = process.env.BENCH_PAGES?.split(',');
  const names = readdirSync(dir)
    .sort()
    .filter((name) => !only || only.includes(name));
  const pages = new Map(
    names.map((name) => [
      `/${name}.html`,
      readFileSync(join(dir, name, 'source.html'), 'utf8').replace(/<script\b[\s\S]*?<\/script\s*>/gi, ''),
    ]),
  );
  const server = await startServer(pages);
  const without = await launchChromium(server, 'en-US', false);
  const withUpstream = await launchChromium(server, 'en-US', true);
  const rows: { page: string; added: number; alone: number; longTasksAlone: number; longTasksWith: number }[] = [];
  try {
    for (const name of names) {
      const url = `${server.origin}/${name}.html`;
      // Alternate the order so neither browser always goes first.
      const [alone, withExtension] =
        rows.length % 2 === 0
          ? [await measure(without.context, url), await measure(withUpstream.context, url)]
          : [await measure(withUpstream.context, url), await measure(without.context, url)].reverse();
      rows.push({
        page: name,
        alone: Math.round(alone.task),
        added: Math.round(withExtension.task - alone.task),
        longTasksAlone: alone.longTasks.length,
        longTasksWith: withExtension.longTasks.length,
      });
    }
  } finally {
    await withUpstream.close();
    await without.close();
    await server.close();
  }
  const added = rows.map((r) => r.added);
  const summary = {
    pages: rows.length,
    pageAloneP50Ms: percentile(
      rows.map((r) => r.alone),
      50,
    ),
    addedP50Ms: percentile(added, 50),
    addedP95Ms: percentile(added, 95),
    addedMaxMs: Math.max(...added),
    pagesWithANewLongTask: rows.filter((r) => r.longTasksWith > r.longTasksAlone).map((r) => r.page),
  };
  console.table(rows);
  console.log(JSON.stringify(summary, null, 2));
  await writeFile('bench-page-cost.json', `${JSON.stringify({ summary, rows }, null, 2)}\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
