/**
 * The set-up most tests against the X API emulator share: one emulator for the test file, X's state as seeded before
 * each test. `emu` is a live binding: read it inside tests and hooks, not at load.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { signIn, startTestEmulator } from '../emulator/helpers';

/** The file's emulator (set before the first test). */
export let emu: Emulator;

/**
 * Registers the hooks: one emulator for the file, closed after its last test, its state as seeded before each test.
 * Call once at the top of a file (or a `describe`), before the hooks that build on it.
 */
export function withTestEmulator(): void {
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.state.reset());
}

/** Ada's access token for the test running (with `withAdaSignedIn()`; set before each test). */
export let token: string;
let adaScopes: string[] = [];

/**
 * Registers withTestEmulator's hooks and, before each test, signs Ada in with `scopes` and sets `token` (on X's
 * self-serve plan first when `selfServe`, as a test may have switched Enterprise on); these run before the file's
 * other `beforeEach` hooks. Call once at the top of a file.
 */
export function withAdaSignedIn(scopes: string[], { selfServe = false }: { selfServe?: boolean } = {}): void {
  adaScopes = scopes;
  withTestEmulator();
  beforeEach(async () => {
    if (selfServe) emu.state.enterprise = false;
    token = (await signIn(emu, scopes)).access_token;
  });
}

/** Signs Ada in again with the file's scopes, as when her token has expired on the emulator's clock: `token` is the new one. */
export async function signAdaInAgain(): Promise<void> {
  token = (await signIn(emu, adaScopes)).access_token;
}
