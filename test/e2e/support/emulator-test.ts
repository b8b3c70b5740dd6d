import { test as base } from '@playwright/test';
import { startEmulator, type Emulator } from '../../emulator/server';
import { assertContractKept, EmulatorControl, TEST_EMULATOR_PORT } from './emulator-control';

/**
 * What the Chromium and the Firefox tests share, each adding its browser on top: one emulator a worker on the test
 * port, and `emu`, its control, reset before each test. A browser fixture that takes `emu` closes before `emu` ends,
 * so every request of the test has been answered when `emu` checks that each kept X's contract.
 */
export const emulatorTest = base.extend<{ emu: EmulatorControl }, { emulator: Emulator }>({
  emulator: [
    async ({}, use) => {
      const emulator = await startEmulator({ port: TEST_EMULATOR_PORT });
      await use(emulator);
      await emulator.close();
    },
    { scope: 'worker' },
  ],
  emu: async ({ emulator }, use) => {
    const emu = new EmulatorControl(emulator.url);
    await emu.reset();
    await use(emu);
    await assertContractKept(emu);
  },
});
