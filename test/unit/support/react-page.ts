import { HTMLTextAreaElement, parseHTML } from 'linkedom';
import { act, type ReactElement } from 'react';
import { afterAll, beforeAll, vi } from 'vitest';

type Page = ReturnType<typeof parseHTML>;

export interface ReactPage {
  window: Page['window'];
  document: Page['document'];
  /** The element React renders into (`#root`). */
  container: Element;
  /** Unmounts, waits `settleMs` for answers still on their way, and puts the test process's globals back. */
  leave(): Promise<void>;
}

/**
 * Renders a React element into a fresh page (linkedom) made the global `window` and `document`, as a Perch page has
 * them, with React's act environment on. `visible`: the page says it is in view (`document.visibilityState`).
 * `settleMs`: how long `leave` waits after unmounting, so an answer on its way lands before the page's globals go.
 * `lang`: the page's language (`<html lang>`), as mount.tsx sets it from the messages'.
 */
export async function renderInPage(element: ReactElement, { visible = false, settleMs = 0, lang = '' } = {}): Promise<ReactPage> {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  if (lang) document.documentElement.lang = lang;
  if (visible) Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, document: g.document, navigator: g.navigator, IS_REACT_ACT_ENVIRONMENT: g.IS_REACT_ACT_ENVIRONMENT };
  const restore = () => {
    const { navigator, ...rest } = saved;
    Object.defineProperty(g, 'navigator', { value: navigator, configurable: true, writable: true });
    Object.assign(g, rest);
  };
  Object.defineProperty(g, 'navigator', { value: { userAgent: 'node' }, configurable: true, writable: true });
  Object.assign(g, { window, document, IS_REACT_ACT_ENVIRONMENT: true });
  try {
    const { createRoot } = await import('react-dom/client');
    const container = document.getElementById('root') as unknown as Element;
    const root = createRoot(container);
    await act(async () => root.render(element));
    return {
      window,
      document,
      container,
      async leave() {
        try {
          await act(async () => root.unmount());
          if (settleMs) await new Promise((r) => setTimeout(r, settleMs));
        } finally {
          restore();
        }
      },
    };
  } catch (e) {
    restore();
    throw e;
  }
}

/**
 * Registers the hooks a file rendering a composer needs: its post box puts the caret at its text's end and readies its
 * counter when the browser is idle, which the test page cannot do, so no-ops stand in for the file's tests.
 */
export function withComposerStubs(): void {
  const textArea = HTMLTextAreaElement.prototype as { setSelectionRange?: () => void };
  beforeAll(() => {
    textArea.setSelectionRange = () => undefined;
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
  });
  afterAll(() => {
    delete textArea.setSelectionRange;
    vi.unstubAllGlobals();
  });
}

/**
 * Types `text` into a React-controlled field as a person does: focus, the field's own value setter, a key released
 * (linkedom has no `oninput`, so React reads a field's changes on focus and keys, as it does in old browsers).
 */
export function typeInto(page: ReactPage, input: HTMLInputElement, text: string): void {
  input.dispatchEvent(new page.window.Event('focusin', { bubbles: true }));
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, text);
  input.dispatchEvent(new page.window.Event('keyup', { bubbles: true }));
}
