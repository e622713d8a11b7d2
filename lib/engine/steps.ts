/**
 * Long computations written as generators that yield between small steps: run at once in
 * Node and the background, or a slice at a time in the content script so the page's main
 * thread is never held for long.
 */

/** Runs a step generator to completion, synchronously. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs a step generator, giving the main thread back whenever `budgetMs` has passed since
 * the last pause. `pause` waits for the page (a zero timeout in the browser).
 */
export async function runSliced<T>(steps: Generator<void, T>, pause: () => Promise<void>, budgetMs = 8): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= budgetMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
