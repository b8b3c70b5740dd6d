import { browser } from 'wxt/browser';
import { managerTabRequest } from '@/components/manager/open-tab';

/** The manager tabs the popup links to. */
export type WayInTab = 'bookmarks' | 'lists' | 'drafts';

interface SidePanelApi {
  open: (options: { windowId: number }) => Promise<void>;
}
interface SidebarActionApi {
  open: () => Promise<void>;
}

/** Chromium's side panel API, when this browser has it (the polyfill's types do not know it). */
function chromeSidePanel(): SidePanelApi | undefined {
  const api = (globalThis as { chrome?: { sidePanel?: Partial<SidePanelApi> } }).chrome?.sidePanel;
  return typeof api?.open === 'function' ? (api as SidePanelApi) : undefined;
}

/** Firefox's sidebar API, when this browser has it. */
function firefoxSidebar(): SidebarActionApi | undefined {
  const api = (browser as unknown as { sidebarAction?: Partial<SidebarActionApi> }).sidebarAction;
  return typeof api?.open === 'function' ? (api as SidebarActionApi) : undefined;
}

/** The manager page in a browser tab, on `tab`: where the links go when no side panel can open. */
export function managerPageUrl(tab: WayInTab, listId?: string): string {
  return browser.runtime.getURL(`/manager.html#${tab}${listId ? `/${listId}` : ''}`);
}

/**
 * Opens the manager on `tab` in the side panel (Chromium: `sidePanel.open`) or the sidebar (Firefox:
 * `sidebarAction.open`), or, when neither exists or opens, the manager page in a tab. Call it straight from the
 * click: both browsers open their panel only within the click's user gesture, so nothing here is awaited before the
 * open call. The panel learns the tab (and, from a list's page, the list to open) from `storage.session`
 * (components/manager/open-tab.ts). Resolves with where the manager opened.
 */
export async function openManager(tab: WayInTab, windowId: number | undefined, listId?: string): Promise<'panel' | 'tab'> {
  const written = managerTabRequest
    .setValue({ tab, at: Date.now(), ...(listId ? { listId } : {}), ...(windowId !== undefined ? { windowId } : {}) })
    .catch(() => undefined);
  let opening: Promise<void> | undefined;
  try {
    const sidebar = firefoxSidebar();
    const panel = chromeSidePanel();
    if (sidebar) opening = sidebar.open();
    else if (panel && windowId !== undefined) opening = panel.open({ windowId });
  } catch {
    opening = undefined;
  }
  const opened = opening
    ? await opening.then(
        () => true,
        () => false,
      )
    : false;
  await written;
  if (opened) return 'panel';
  // A stale request must not steer a panel the person opens later.
  await managerTabRequest.setValue(null).catch(() => undefined);
  await browser.tabs.create({ url: managerPageUrl(tab, listId) });
  return 'tab';
}
