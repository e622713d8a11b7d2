/**
 * `npm run bench:pages`: what Upstream costs the pages it runs on, over what any extension with
 * a content script costs them. Real saved pages (Readability's test pages in ../shared/corpora,
 * scripts stripped so only extensions run script) are opened in Chromium with Upstream and with
 * an empty extension whose content script does nothing (same matches and run_at, its floor).
 * Measured per load: the renderer's main-thread task time from navigation until the page has
 * been quiet a while (layout, DOM copies and garbage collection included, not only script), its
 * live DOM nodes, and the long tasks (over 50 ms) after the load event. Each page is loaded
 * LOADS times per arm, the arms alternating, and the least task time of each arm is kept: the
 * page's own work varies by tens of ms from one load to the next. The content script's tasks are
 * given in wall time and in the time the thread ran in them: on a machine with few cores the
 * extension's background and the browser take the core from the page's thread in the middle of a
 * task, which lengthens it by more than the task's own work, and by a different amount each load.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchChromium } from '../fixtures/browser/chromium';
import { startServer } from '../fixtures/browser/server';
import { CORPORA_DIR } from './corpora';
import { BLOCKS, MAX_QUICK_CHARS, MAX_QUICK_PARAGRAPHS } from '../lib/reader/blocks';
import { extensionCost, TRACE_CATEGORIES, type TraceEvent } from '../fixtures/browser/renderer-trace';

/** Time after the load event given to the page and the extension (the content script reads at the first idle moment). */
const SETTLE_MS = 1_500;
const LOADS = Number(process.env.BENCH_LOADS ?? 2);
/** What Upstream may cost a page over the empty extension at p95 (issue 26). */
const AIM_MS = 15;
const UPSTREAM_MANIFEST = new URL('../.output/chrome-mv3/manifest.json', import.meta.url);

interface Load {
  /** Main-thread task time, ms. */
  task: number;
  /** Of which the tasks in which the extension's content script ran (renderer-trace.ts), ms. */
  script: number;
  /** The time the page's thread ran in those tasks, ms. */
  scriptThread: number;
  /** Live DOM nodes in the renderer at the end. */
  nodes: number;
  /** Long tasks after the load event. */
  longTasks: number;
}

/** Longest wait for Upstream's verdict on a page after the settling time. */
const ANALYSED_WITHIN_MS = 20_000;

/**
 * Whether the extension behind `worker` has analysed the open web page: its tooltip is one a
 * verdict (or "no article") sets, no longer the default or "not analysed".
 */
async function analysed(worker: Worker): Promise<boolean> {
  return worker.evaluate(async () => {
    const waiting = [chrome.i18n.getMessage('badgeNotAnalysed'), chrome.runtime.getManifest().action?.default_title];
    const titles = await Promise.all(
      (await chrome.tabs.query({})).map((tab) => chrome.action.getTitle({ tabId: tab.id! })),
    );
    return titles.some((title) => !waiting.includes(title));
  });
}

/**
 * One load of `url`, traced until the page has settled and, with Upstream (`worker`), until it
 * has analysed the page: on a busy page the content script's idle callback may come late, and
 * its work must fall inside the trace.
 */
async function measure(context: BrowserContext, url: string, worker?: Worker): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name: string) =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  const before = await metric('TaskDuration');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  for (const deadline = Date.now() + ANALYSED_WITHIN_MS; worker && !(await analysed(worker));) {
    if (Date.now() > deadline) throw new Error(`Upstream did not analyse ${url} within ${ANALYSED_WITHIN_MS} ms`);
    await page.waitForTimeout(100);
  }
  const task = ((await metric('TaskDuration')) - before) * 1000;
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await traced;
  const cost = extensionCost(events, 'chrome-extension://');
  const scriptThread = cost.tasks.reduce((sum, t) => sum + t.threadMs, 0);
  const nodes = await metric('Nodes');
  const longTasks = await page.evaluate(() => {
    const recorded =
      (window as unknown as { __upstreamLongTasks?: { start: number; duration: number }[] }).__upstreamLongTasks ?? [];
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return recorded.filter((t) => t.start >= navigation.loadEventEnd && t.duration > 50).length;
  });
  await page.close();
  return { task, script: cost.taskMs, scriptThread, nodes, longTasks };
}

/** An extension with Upstream's content-script declaration (matches and run_at) and the given content script. */
function extensionWith(name: string, contentScript: string, background?: string): string {
  const upstream = JSON.parse(readFileSync(UPSTREAM_MANIFEST, 'utf8')) as {
    content_scripts: { matches: string[]; run_at: string }[];
  };
  const dir = mkdtempSync(join(tmpdir(), `upstream-${name.toLowerCase()}-extension-`));
  const contentScripts = upstream.content_scripts.map(({ matches, run_at }) => ({
    matches,
    run_at,
    js: ['content.js'],
  }));
  const manifest = { manifest_version: 3, name, version: '1.0', content_scripts: contentScripts };
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify(background ? { ...manifest, background: { service_worker: 'background.js' } } : manifest),
  );
  writeFileSync(join(dir, 'content.js'), contentScript);
  if (background) writeFileSync(join(dir, 'background.js'), background);
  return dir;
}

/** The floor every extension with a content script pays: one that does nothing. */
const emptyExtension = () => extensionWith('Empty', '');

/**
 * The least a content script that reads a page's article text can cost it: at the first idle
 * moment, one query for the page's text blocks (Upstream's own selector), the text of those that
 * hold no other, up to what a page's message carries, sent in one message that the background
 * answers. Nothing is found, cleaned or sent as HTML: what is left when all of that happens off
 * the page.
 */
const readingExtension = () =>
  extensionWith(
    'Reading',
    `requestIdleCallback(() => {
      const blocks = document.body ? document.body.querySelectorAll(${JSON.stringify(BLOCKS)}) : [];
      const texts = [];
      for (let i = 0, chars = 0; i < blocks.length && i < ${MAX_QUICK_PARAGRAPHS} && chars < ${MAX_QUICK_CHARS}; i++) {
        if (blocks[i].querySelector(${JSON.stringify(BLOCKS)})) continue;
        const text = blocks[i].textContent;
        if (!text) continue;
        texts.push(text);
        chars += text.length;
      }
      chrome.runtime.sendMessage({ title: document.title, texts });
    }, { timeout: 2000 });`,
    'chrome.runtime.onMessage.addListener((message, sender, respond) => respond(true));',
  );

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Milliseconds to a tenth. */
const tenths = (ms: number) => Math.round(ms * 10) / 10;

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

/** The least of each figure over a page's loads in one arm. */
const least = (loads: Load[]): Load => ({
  task: Math.min(...loads.map((l) => l.task)),
  script: Math.min(...loads.map((l) => l.script)),
  scriptThread: Math.min(...loads.map((l) => l.scriptThread)),
  nodes: Math.min(...loads.map((l) => l.nodes)),
  longTasks: Math.min(...loads.map((l) => l.longTasks)),
});

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
  const empty = await launchChromium(server, 'en-US', emptyExtension());
  const upstream = await launchChromium(server, 'en-US', true);
  const upstreamWorker = upstream.context.serviceWorkers()[0];
  // BENCH_READING=1 adds a third arm: the least a content script that reads the text costs.
  const reading = process.env.BENCH_READING === '1' ? await launchChromium(server, 'en-US', readingExtension()) : null;
  const rows: {
    page: string;
    emptyMs: number;
    addedMs: number;
    /** The content script's tasks, each arm (least of its loads). */
    emptyScriptMs: number;
    upstreamScriptMs: number;
    /** The time the page's thread ran in those tasks, each arm (least of its loads). */
    emptyScriptThreadMs: number;
    upstreamScriptThreadMs: number;
    /** The same with the reading extension (BENCH_READING=1). */
    readingScriptMs?: number;
    readingScriptThreadMs?: number;
    /** How far apart one arm's loads of the page were in whole task time: what comparing loads can resolve. */
    loadSpreadMs: number;
    emptyNodes: number;
    upstreamNodes: number;
    longTasksEmpty: number;
    longTasksUpstream: number;
  }[] = [];
  try {
    for (const name of names) {
      const url = `${server.origin}/${name}.html`;
      const arms = [
        { loads: [] as Load[], load: () => measure(empty.context, url) },
        { loads: [] as Load[], load: () => measure(upstream.context, url, upstreamWorker) },
        ...(reading ? [{ loads: [] as Load[], load: () => measure(reading.context, url) }] : []),
      ];
      // The arms take turns, and which goes first too, so none always loads a page warm.
      for (let i = 0; i < LOADS; i++)
        for (let a = 0; a < arms.length; a++) {
          const arm = arms[(a + i + rows.length) % arms.length];
          arm.loads.push(await arm.load());
        }
      const [floor, withUpstream, withReading] = arms.map((arm) => least(arm.loads));
      rows.push({
        page: name,
        emptyMs: tenths(floor.task),
        addedMs: tenths(withUpstream.task - floor.task),
        emptyScriptMs: tenths(floor.script),
        upstreamScriptMs: tenths(withUpstream.script),
        emptyScriptThreadMs: tenths(floor.scriptThread),
        upstreamScriptThreadMs: tenths(withUpstream.scriptThread),
        ...(withReading && {
          readingScriptMs: tenths(withReading.script),
          readingScriptThreadMs: tenths(withReading.scriptThread),
        }),
        loadSpreadMs: tenths(Math.max(...arms.slice(0, 2).map((arm) => spread(arm.loads.map((load) => load.task))))),
        emptyNodes: floor.nodes,
        upstreamNodes: withUpstream.nodes,
        longTasksEmpty: floor.longTasks,
        longTasksUpstream: withUpstream.longTasks,
      });
    }
  } finally {
    await reading?.close();
    await upstream.close();
    await empty.close();
    await server.close();
  }
  type Row = (typeof rows)[number];
  const at = (value: (row: Row) => number, p: number) => percentile(rows.map(value), p);
  const overEmpty = (row: Row) => tenths(row.upstreamScriptMs - row.emptyScriptMs);
  const threadOverEmpty = (row: Row) => tenths(row.upstreamScriptThreadMs - row.emptyScriptThreadMs);
  const readingOverEmpty = (row: Row) => tenths(row.readingScriptMs! - row.emptyScriptMs);
  const readingThreadOverEmpty = (row: Row) => tenths(row.readingScriptThreadMs! - row.emptyScriptThreadMs);
  /** Where a cost over the empty extension stands, over the pages. */
  const overEmptyFigures = (over: (row: Row) => number) => ({
    p50Ms: at(over, 50),
    p95Ms: at(over, 95),
    maxMs: Math.max(...rows.map(over)),
    pagesWithinAim: rows.filter((r) => over(r) <= AIM_MS).length,
  });
  const summary = {
    pages: rows.length,
    loadsPerArm: LOADS,
    emptyExtensionP50Ms: at((r) => r.emptyMs, 50),
    emptyExtensionP95Ms: at((r) => r.emptyMs, 95),
    upstreamAddedP50Ms: at((r) => r.addedMs, 50),
    upstreamAddedP95Ms: at((r) => r.addedMs, 95),
    upstreamAddedMaxMs: Math.max(...rows.map((r) => r.addedMs)),
    loadSpreadP50Ms: at((r) => r.loadSpreadMs, 50),
    loadSpreadP95Ms: at((r) => r.loadSpreadMs, 95),
    emptyScriptP95Ms: at((r) => r.emptyScriptMs, 95),
    upstreamScriptP50Ms: at((r) => r.upstreamScriptMs, 50),
    upstreamScriptP95Ms: at((r) => r.upstreamScriptMs, 95),
    upstreamScriptOverEmpty: overEmptyFigures(overEmpty),
    upstreamScriptThreadOverEmpty: overEmptyFigures(threadOverEmpty),
    ...(reading && {
      readingScriptOverEmpty: overEmptyFigures(readingOverEmpty),
      readingScriptThreadOverEmpty: overEmptyFigures(readingThreadOverEmpty),
    }),
    nodesOverEmptyMax: Math.max(...rows.map((r) => r.upstreamNodes / Math.max(1, r.emptyNodes))),
    pagesWithALongTaskMore: rows.filter((r) => r.longTasksUpstream > r.longTasksEmpty).map((r) => r.page),
  };
  console.table(rows);
  console.log(JSON.stringify(summary, null, 2));
  await writeFile('bench-page-cost.json', `${JSON.stringify({ summary, rows }, null, 2)}\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
