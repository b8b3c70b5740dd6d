import type { Browser } from 'wxt/browser';
import type { MenuClickInfo } from './menus';

/** What a browser hands a context-menu or shortcut listener, reduced to the fields Perch reads. */
export interface PerchTestHooks {
  /** Calls the very listener registered on `contextMenus.onClicked`, as the browser does on a click. */
  menuClick: (info: MenuClickInfo, tab?: Browser.tabs.Tab) => Promise<void>;
  /** Calls the very listener registered on `commands.onCommand`, as the browser does on the shortcut. */
  command: (name: string, tab?: Browser.tabs.Tab) => Promise<void>;
}

declare global {
  var perchTest: PerchTestHooks | undefined;
}

/**
 * Test builds only (the branch is removed from the store build): no automation tool can click a browser's native
 * context menu or press an extension shortcut in a headless browser, so the end-to-end tests reach the same
 * listeners through `globalThis.perchTest` and check what they did on the emulator and in the browser.
 */
export function exposeTestHooks(hooks: PerchTestHooks): void {
  if (import.meta.env.MODE !== 'test') return;
  globalThis.perchTest = hooks;
}
