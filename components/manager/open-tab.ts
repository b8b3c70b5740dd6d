import { defineItem } from '@/lib/storage';

/**
 * Which manager tab the popup's Bookmarks or Lists link asked for, handed to the side panel (Chromium) or sidebar
 * (Firefox) the link opens: they are one page per window that may already be open, so the choice travels through
 * `storage.session` (memory only, no account's data) rather than the address. `at` lets a panel opened later by
 * other means ignore an old request.
 */
export interface ManagerTabRequest {
  tab: string;
  at: number;
  /** On the Lists tab: the list to open (the popup's "Open in Perch" on a list's page). */
  listId?: string;
  /** The window whose panel is asked: a panel open in another window leaves the request alone. */
  windowId?: number;
}

/** How long a request counts for a panel that is only now loading. */
export const TAB_REQUEST_FRESH_MS = 30_000;

export const managerTabRequest = defineItem<ManagerTabRequest | null>('session:manager.open', null);

/** Whether a stored value is a request, and recent enough for a panel loading at `now` to follow it. */
export function freshTabRequest(value: unknown, now: number): ManagerTabRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { tab, at, listId, windowId } = value as Partial<ManagerTabRequest>;
  if (typeof tab !== 'string' || typeof at !== 'number') return undefined;
  if (!(now - at <= TAB_REQUEST_FRESH_MS && at <= now + 1000)) return undefined;
  return {
    tab,
    at,
    ...(typeof listId === 'string' && LIST_ID.test(listId) ? { listId } : {}),
    ...(typeof windowId === 'number' ? { windowId } : {}),
  };
}

/** An X list id, as the address and the stored request carry it. */
const LIST_ID = /^\d{1,19}$/;

/** The tab and list named in the manager page's address: `#lists` or `#lists/<list id>`. */
export function tabFromHash(hash: string): { tab: string; listId?: string } {
  const [tab = '', listId] = hash.replace(/^#/, '').split('/', 2);
  return listId && LIST_ID.test(listId) ? { tab, listId } : { tab };
}
