import { expect } from '@playwright/test';
import { launchPerch, registerCallback, type Perch } from '../support/chromium';
import { emulatorTest } from '../support/emulator-test';

/** `lang`: the browser's UI language Perch runs in (`test.use({ lang: 'ja' })`); English by default. */
export const test = emulatorTest.extend<{ perch: Perch; lang: string | undefined }>({
  lang: [undefined, { option: true }],
  perch: async ({ emu, lang }, use) => {
    const { perch, close } = await launchPerch(lang ? { lang } : {});
    await registerCallback(perch, emu);
    await use(perch);
    await close();
  },
});

export { expect, launchPerch, registerCallback, type Perch };
export { popupOn, signIn, signInAs, signInAsGrace } from '../support/chromium';
