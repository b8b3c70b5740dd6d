/**
 * The set-up most tests against the X API emulator share: one emulator for the test file, X's state as seeded before
 * each test. `emu` is a live binding: read it inside tests and hooks, not at load.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { startTestEmulator } from '../emulator/helpers';

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
