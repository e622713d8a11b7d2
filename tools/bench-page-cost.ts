/**
 * `npm run bench:pages`: what the extension costs the pages it runs on. Real saved pages
 * (Readability's test pages in ../shared/corpora, scripts stripped so only the extension
 * runs script) are opened in Chromium with and without Upstream; for each, the renderer's
 * main-thread task time from navigation until the page has been quiet for a while, and the
 * long tasks (over 50 ms) after the load event. Prints the time Upstream adds (p50, p95,
 * max) and the pages where it causes a long task the page alone does not have. The
 * difference of two page loads is noisy (the page's own work varies by tens of ms), so it
 * also prints the main-thread time of Upstream's content script itself, from a trace of the
 * load with the extension: its compilation and every call into it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../fixtures/browser/chromium';
import { startServer } from '../fixtures/browser/server';
import { CORPORA_DIR } from './corpora';

/** Time after the load event given to the page and the extension (its content script starts at idle, within 2 s). */
const SETTLE_MS = 3_000;

interface Cost {
  /** Main-thread task time, ms. */
  task: number;
  /** Main-thread time spent in Upstream's content script (compiling and running it), ms, from a trace. */
  contentScript: number;
  /** Long tasks after the load event, ms each. */
  longTasks: number[];
}

async function measure(context: BrowserContext, url: string): Promise<Cost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskTime = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  const before = await taskTime();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const task = (await taskTime()) - before;
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  const longTasks = await page.evaluate(() => {
    const recorded =
      (window as unknown as { __upstreamLongTasks?: { start: number; duration: number }[] }).__upstreamLongTasks ?? [];
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return recorded.filter((t) => t.start >= navigation.loadEventEnd).map((t) => Math.round(t.duration));
  });
  await page.close();
  return { task, longTasks, contentScript: scriptTime(events, CONTENT_SCRIPT) };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

const CONTENT_SCRIPT = '/reader.js';

/**
 * Time of the trace's complete events that run or compile a script, merged where they nest or
 * overlap (a function call inside the evaluation of a script counts once), in ms.
 */
function scriptTime(events: TraceEvent[], script: string): number {
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur && (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').includes(script))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total / 1000;
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
  const rows: {
    page: string;
    added: number;
    contentScript: number;
    alone: number;
    longTasksAlone: number;
    longTasksWith: number;
  }[] = [];
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
        contentScript: Math.round(withExtension.contentScript * 10) / 10,
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
    contentScriptP50Ms: percentile(
      rows.map((r) => r.contentScript),
      50,
    ),
    contentScriptP95Ms: percentile(
      rows.map((r) => r.contentScript),
      95,
    ),
    contentScriptMaxMs: Math.max(...rows.map((r) => r.contentScript)),
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
