import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests on the built extension (`npm run build:test` first):
 *   chromium — @playwright/test driving Debian's Chromium with Perch loaded
 *   firefox  — puppeteer-core driving Firefox ESR over WebDriver BiDi, run by the same runner
 * One worker: every test shares the emulator's fixed port (.env.test) and the machine has 2 cores.
 */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  // No retry, in CI or here: a test that passes only on its second try hides a race a person would meet.
  // `npm run test:e2e:stress` runs the suite with both cores kept busy; pass --retries=1 by hand if you must.
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: fileURLToPath(new URL('../.reports/playwright.json', import.meta.url)) }]],
  outputDir: fileURLToPath(new URL('../test-results', import.meta.url)),
  projects: [
    { name: 'chromium', testMatch: 'chromium/**/*.spec.ts' },
    { name: 'firefox', testMatch: 'firefox/**/*.spec.ts' },
  ],
});
