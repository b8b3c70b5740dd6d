/**
 * The set-up most service tests share: one emulator for the file, and before each test a clean store and X's state
 * as seeded (`withEmulator()`), with Ada signed in as well (`withSignedInAda()`). `emu` and `client` are live
 * bindings: read them inside tests and hooks, not at load.
 */
import { beforeEach } from 'vitest';
import { db } from '@/lib/db';
import type { XClient } from '@/lib/x/client';
import { ADA_ID } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { freshDb, signedInClient } from './support';

export { emu } from '../support/emulator';
/** Ada's client, signed in afresh before each test (with `withSignedInAda()`). */
export let client: XClient;

/** Registers the hooks for a clean store and X before each test, nobody signed in; call once at the top of a file. */
export function withEmulator(): void {
  withTestEmulator();
  beforeEach(() => freshDb());
}

/** Registers the hooks; call once at the top of a test file, before its own `beforeEach`. */
export function withSignedInAda(): void {
  withEmulator();
  beforeEach(async () => {
    client = await signedInClient(emu);
  });
}

/** Signs Ada in now and empties the emulator's log, so a test sees only the requests that follow. */
export async function adaClient(): Promise<XClient> {
  const signedIn = await signedInClient(emu);
  emu.state.log = [];
  return signedIn;
}

/** Ada's follow of `user`, made now and still waiting in the outbox until `notBefore`, as the outbox stores it. */
export async function followWaiting(user: { id: string; username: string }, notBefore: number): Promise<void> {
  const at = new Date(emu.state.now()).toISOString();
  await db().actions.add({
    accountId: ADA_ID,
    type: 'follow',
    params: { userId: user.id, username: user.username },
    label: `Follow @${user.username}`,
    state: 'queued',
    createdAt: at,
    updatedAt: at,
    notBefore,
    attempts: 0,
  });
}
