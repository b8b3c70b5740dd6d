import { storage } from 'wxt/utils/storage';

/**
 * Which manager tab the popup's Bookmarks or Lists link asked for, handed to the side panel (Chromium) or sidebar
 * (Firefox) the link opens: they are one page per window that may already be open, so the choice travels through
 * `storage.session` (memory only, no account's data) rather than the address. `at` lets a panel opened later by
 * other means ignore an old request.
 */
export interface ManagerTabRequest {
  tab: string;
  at: number;
}

/** How long a request counts for a panel that is only now loading. */
export const TAB_REQUEST_FRESH_MS = 30_000;

export const managerTabRequest = storage.defineItem<ManagerTabRequest | null>('session:manager.open', { fallback: null });

/** Whether a stored value is a request, and recent enough for a panel loading at `now` to follow it. */
export function freshTabRequest(value: unknown, now: number): ManagerTabRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { tab, at } = value as Partial<ManagerTabRequest>;
  if (typeof tab !== 'string' || typeof at !== 'number') return undefined;
  return now - at <= TAB_REQUEST_FRESH_MS && at <= now + 1000 ? { tab, at } : undefined;
}
