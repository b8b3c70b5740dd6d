import { Frame, TimeoutError, type JSHandle } from 'puppeteer-core';

/**
 * `waitForFunction` for Firefox, polled from here through `evaluate`.
 *
 * Puppeteer's own waitForFunction builds its polling function inside the page with `new Function(…)`. Firefox ESR
 * 140.12 applies the page's Content Security Policy to that, and an extension page's policy (script-src 'self')
 * forbids it: every wait fails at once with "EvalError: call to Function() blocked by CSP", and so does every
 * Locator click (a Locator waits for its control to be enabled with waitForFunction). `evaluate` sends the function
 * over WebDriver BiDi instead (script.callFunction), which the policy does not block. Imported once by the Firefox
 * fixtures; every Firefox page and frame polls this way (10 ms apart, the same timeout and abort signal).
 */
const POLL_MS = 10;

type Predicate = Parameters<Frame['waitForFunction']>[0];
type Options = NonNullable<Parameters<Frame['waitForFunction']>[1]>;

async function pollFromHere(frame: Frame, predicate: Predicate, options: Options, args: unknown[]): Promise<JSHandle> {
  const timeout = options.timeout ?? 30_000;
  const deadline = timeout > 0 ? Date.now() + timeout : Infinity;
  let last: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const handle = (await frame.evaluateHandle(predicate as never, ...(args as never[]))) as JSHandle;
      if (await handle.evaluate((value) => !!value)) return handle;
      await handle.dispose();
    } catch (error) {
      // A page between two documents (a reload, a navigation) has no context to evaluate in: try again.
      last = error;
    }
    if (Date.now() >= deadline) throw new TimeoutError(`waitForFunction timed out after ${timeout} ms`, { cause: last });
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

Frame.prototype.waitForFunction = function (this: Frame, predicate: Predicate, options: Options = {}, ...args: unknown[]) {
  return pollFromHere(this, predicate, options, args);
} as Frame['waitForFunction'];
