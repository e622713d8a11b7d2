import { describe, expect, it } from 'vitest';
import { extensionCost, type TraceEvent } from './renderer-trace';

const origin = 'chrome-extension://abc/';
const main = (name: string, ts: number, dur: number, url?: string): TraceEvent => ({
  name,
  ph: 'X',
  pid: 1,
  tid: 10,
  ts,
  dur,
  ...(url ? { args: { data: { url } } } : {}),
});

describe('extensionCost', () => {
  it("counts the whole of each renderer task in which the extension's code ran, once", () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', pid: 1, tid: 10, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', pid: 2, tid: 20, ts: 0, args: { name: 'CrRendererMain' } },
      // The page's own task.
      main('RunTask', 0, 50_000),
      main('FunctionCall', 1_000, 10_000, 'http://page.test/app.js'),
      // The content script's evaluation, with the layout it forced, and a task nested in it.
      main('RunTask', 60_000, 8_000),
      main('EvaluateScript', 60_100, 3_000, `${origin}reader.js`),
      main('Layout', 63_200, 4_000),
      main('RunTask', 64_000, 1_000),
      // Its idle callback, the message serialised inside it.
      main('RunTask', 100_000, 12_000),
      main('FunctionCall', 100_050, 11_000, `${origin}reader.js`),
      // Another extension's page in another renderer is not this page's cost.
      { ...main('RunTask', 0, 30_000), pid: 2, tid: 20 },
      { ...main('FunctionCall', 10, 30_000, `${origin}offscreen.js`), pid: 2, tid: 21 },
    ];
    expect(extensionCost(events, origin)).toEqual({ taskMs: 20, tasks: 2 });
  });

  it('is nothing where the extension ran no code', () => {
    expect(extensionCost([main('RunTask', 0, 5_000)], origin)).toEqual({ taskMs: 0, tasks: 0 });
  });
});
