import { act } from 'react';
import { vi } from 'vitest';

/**
 * Waits until `check` passes, with no fixed sleep: a page's answers (the store's, X's) render as they come, React's act
 * environment off meanwhile as testing-library's waitFor has it, then on again with all of them let in. A condition
 * that never holds fails here, with `check`'s own message.
 */
export async function until(check: () => void, timeout = 5000): Promise<void> {
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean | undefined };
  const was = g.IS_REACT_ACT_ENVIRONMENT;
  g.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await vi.waitFor(check, { timeout });
  } finally {
    g.IS_REACT_ACT_ENVIRONMENT = was;
  }
  await act(async () => undefined);
  check();
}
