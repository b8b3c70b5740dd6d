/**
 * The error of `Type` that `run` throws (synchronously). Any other error is thrown on, and a `run` that throws nothing
 * fails the test.
 */
export function caught<E extends Error>(Type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (e) {
    if (e instanceof Type) return e;
    throw e;
  }
  throw new Error(`expected ${Type.name} to be thrown`);
}
