import { browser } from 'wxt/browser';
import { KEEP_CHOICES, type KeepChoice } from '../db/wipe';
import { Turns } from './turns';

/**
 * The sign-outs the person began and Perch has not finished, in storage.local `signOuts.begun` (background only):
 *   { scanned: true, begun: { "<X user id>": { keep: ["drafts", …] } } }
 * An account's entry is written before it leaves the session view, with what the person chose to keep, and removed
 * once its tokens are cleared and its data wiped (lib/auth/sign-out.ts): a worker that starts reads this one key, and
 * looks further only when a sign-out was cut off. `scanned` says the one look at every stored token, for sign-outs
 * cut off by a version that wrote no entry, was made: until then (no key, or one Perch cannot read) the next worker
 * makes it.
 */

export interface SignOutsBegun {
  scanned: boolean;
  /** By account id: what the person chose to keep of that account's data. */
  begun: Record<string, { keep: KeepChoice[] }>;
}

const KEY = 'signOuts.begun';

/** One write at a time: two sign-outs in the same moment must both be kept. */
const turns = new Turns();

const isKeepChoice = (c: unknown): c is KeepChoice => (KEEP_CHOICES as readonly unknown[]).includes(c);

/**
 * The stored value, read leniently: an entry whose choice cannot be read keeps everything the person may keep (a wipe
 * never takes what they might have chosen to keep); a value Perch cannot read at all is none, not yet scanned.
 */
function begunOf(value: unknown): SignOutsBegun {
  if (!value || typeof value !== 'object') return { scanned: false, begun: {} };
  const v = value as { scanned?: unknown; begun?: unknown };
  const begun = v.begun && typeof v.begun === 'object' && !Array.isArray(v.begun) ? (v.begun as Record<string, unknown>) : {};
  const entries = Object.entries(begun).map(([id, entry]) => {
    const keep = entry && typeof entry === 'object' ? (entry as { keep?: unknown }).keep : undefined;
    const sound = Array.isArray(keep) && keep.every(isKeepChoice);
    return [id, { keep: sound ? [...keep] : [...KEEP_CHOICES] }] as const;
  });
  return { scanned: v.scanned === true, begun: Object.fromEntries(entries) };
}

/** Reads the sign-outs begun (one storage read). */
export async function readSignOutsBegun(): Promise<SignOutsBegun> {
  const stored: Record<string, unknown> = await browser.storage.local.get(KEY);
  return begunOf(stored[KEY]);
}

/** Reads, changes and writes the record, after the earlier changes. @throws if storage fails. */
function change(fn: (b: SignOutsBegun) => SignOutsBegun): Promise<void> {
  return turns.run(KEY, async () => {
    await browser.storage.local.set({ [KEY]: fn(await readSignOutsBegun()) });
  });
}

/** Records that the person began signing the account out, keeping `keep`. @throws if storage fails. */
export function beginSignOut(userId: string, keep: readonly KeepChoice[]): Promise<void> {
  return change((b) => ({ ...b, begun: { ...b.begun, [userId]: { keep: [...keep] } } }));
}

/** Forgets the account's sign-out: finished, or the account is still signed in. @throws if storage fails. */
export function endSignOut(userId: string): Promise<void> {
  return change((b) => ({ ...b, begun: Object.fromEntries(Object.entries(b.begun).filter(([id]) => id !== userId)) }));
}

/** Records that every stored token was looked at once. @throws if storage fails. */
export function markScanned(): Promise<void> {
  return change((b) => ({ ...b, scanned: true }));
}
