import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { record } from '../zod-record';
import type { PendingAuthorization } from './oauth';

/**
 * Sign-in attempts under way, in storage.session (`auth.pending`, keyed by OAuth state) so a worker restart loses
 * nothing. Wipe policy (lib/storage-wipe.ts): never on sign-out — an attempt belongs to no account yet — and each
 * attempt is dropped 15 minutes after it started.
 */

/** A sign-in attempt older than this is dropped from storage.session. */
const PENDING_TTL_MS = 15 * 60 * 1000;
export const PENDING_KEY = 'auth.pending';

// Built on first use (z.lazy), as lib/x's schemas: a woken worker rarely reads a sign-in attempt.
const pendingSchema = z.lazy(() =>
  record(z.object({ state: z.string(), codeVerifier: z.string(), redirectUri: z.string(), clientId: z.string(), startedAt: z.number() })),
);

/** The attempts started less than 15 minutes before `now`; anything malformed reads as none. */
async function readPending(now: number): Promise<Record<string, PendingAuthorization>> {
  const stored: Record<string, unknown> = await browser.storage.session.get(PENDING_KEY);
  const parsed = pendingSchema.safeParse(stored[PENDING_KEY] ?? {});
  const all = parsed.success ? parsed.data : {};
  const cutoff = now - PENDING_TTL_MS;
  return Object.fromEntries(Object.entries(all).filter(([, p]) => p.startedAt > cutoff));
}

/** Stores an attempt beside the others still young. @throws if storage.session fails. */
export async function savePending(p: PendingAuthorization, now: number): Promise<void> {
  await browser.storage.session.set({ [PENDING_KEY]: { ...(await readPending(now)), [p.state]: p } });
}

/**
 * Removes and returns the sign-in attempt with this state: each is usable once. Only an attempt stored under that
 * state, for that state: a redirect's `__proto__` or `toString` finds nothing. @throws if storage.session fails.
 */
export async function takePending(state: string, now: number): Promise<PendingAuthorization | undefined> {
  const all = await readPending(now);
  const own = Object.hasOwn(all, state) ? all[state] : undefined;
  const found = own?.state === state ? own : undefined;
  delete all[state];
  if (Object.keys(all).length) await browser.storage.session.set({ [PENDING_KEY]: all });
  else await browser.storage.session.remove(PENDING_KEY);
  return found;
}
