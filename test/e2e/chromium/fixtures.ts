import { expect, test as base } from '@playwright/test';
import { startEmulator, type Emulator } from '../../emulator/server';
import { launchPerch, registerCallback, type Perch } from '../support/chromium';
import { assertContractKept, EmulatorControl, TEST_EMULATOR_PORT } from '../support/emulator-control';

/** `lang`: the browser's UI language Perch runs in (`test.use({ lang: 'ja' })`); English by default. */
export const test = base.extend<{ perch: Perch; emu: EmulatorControl; lang: string | undefined }, { emulator: Emulator }>({
  lang: [undefined, { option: true }],
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
    // Runs after `perch` closed the browser: every request of the test has been answered and checked.
    await assertContractKept(emu);
  },
  perch: async ({ emu, lang }, use) => {
    const { perch, close } = await launchPerch(lang ? { lang } : {});
    await registerCallback(perch, emu);
    await use(perch);
    await close();
  },
});

export { expect, launchPerch, registerCallback, type Perch };
export { signIn } from '../support/chromium';
