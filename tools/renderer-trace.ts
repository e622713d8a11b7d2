/**
 * What an extension's content script costs a page's renderer, read from a Chromium trace: the
 * whole time of the main-thread tasks in which the extension's code runs (its evaluation, its
 * timers and idle callbacks, and everything inside those tasks: layout it forces, DOM work,
 * garbage collection, serialising a message). A page's own work varies by tens of ms from one
 * load to the next, far more than a content script costs, so comparing whole loads cannot
 * resolve it; these tasks can be told apart from the page's.
 */

/** A trace event as Chromium's tracing reports it (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

/** The categories the attribution needs. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel'];

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

const urlOf = (event: TraceEvent) => event.args?.data?.url ?? event.args?.data?.scriptName ?? '';

export interface ExtensionCost {
  /** Milliseconds of the tasks in which code from `origin` ran. */
  taskMs: number;
  tasks: number;
}

/**
 * The main-thread tasks of the renderer in which code from `origin` (a `chrome-extension://`
 * origin) ran, and their whole time. The renderer is the one whose main thread ran it.
 */
export function extensionCost(events: TraceEvent[], origin: string): ExtensionCost {
  const fromExtension = events.filter((e) => urlOf(e).startsWith(origin));
  if (fromExtension.length === 0) return { taskMs: 0, tasks: 0 };
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = fromExtension.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.ph === 'X' && TOP_LEVEL.has(e.name) && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  // Nested top-level events (a task run inside another) count once, by the outermost.
  const outermost: TraceEvent[] = [];
  for (const task of tasks) {
    const last = outermost[outermost.length - 1];
    if (last && last.pid === task.pid && last.tid === task.tid && task.ts < last.ts + (last.dur ?? 0)) continue;
    outermost.push(task);
  }
  const ran = outermost.filter((task) =>
    onMain.some((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0)),
  );
  return { taskMs: ran.reduce((sum, task) => sum + (task.dur ?? 0), 0) / 1000, tasks: ran.length };
}
