/**
 * `npm run demo`: Perch in Chromium against the local X API emulator, with a demo account — no X account needed.
 * Headed where a display exists (sign in through the emulator's consent page yourself); otherwise headless, signing
 * in on its own and writing screenshots of the popup, side panel and options page to .output/demo/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatViolations } from '../emulator/contract-registry';
import { SEED_POSTS } from '../emulator/seed';
import { startEmulator } from '../emulator/server';
import { launchPerch, registerCallback, signIn } from '../e2e/support/chromium';
import { EmulatorControl } from '../e2e/support/emulator-control';
import { CHROMIUM_PATH, ROOT } from '../e2e/support/paths';

const DEMO_PORT = 8788;
const DEMO_CLIENT_ID = 'perch-demo-client';
const ADA_ID = '1585841080431321088';
const BUILD = path.join(ROOT, '.output/chrome-mv3-demo');
const OUT = path.join(ROOT, '.output/demo');

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  process.exit(1);
}
if (!existsSync(BUILD)) {
  console.error('The demo build is missing: run `npm run demo`, which builds it first.');
  process.exit(1);
}

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.PERCH_DEMO_HEADLESS !== '1';
const emulator = await startEmulator({ port: DEMO_PORT, seed: 'demo' });
const emu = new EmulatorControl(emulator.url);
console.log(`X API emulator on ${emulator.url} (demo account: Ada Perch, @adaperch)`);
const { perch, close } = await launchPerch({ build: BUILD, headless: !headed });
await registerCallback(perch, emu, DEMO_CLIENT_ID);

/** Says what broke X's OpenAPI description during the demo, if anything did (test/emulator/contract-observer.ts). */
function reportContract(): void {
  const violations = emulator.contract.take();
  if (violations.length === 0) return;
  console.error(`X API contract: ${violations.length} violation(s) during the demo:\n${formatViolations(violations)}`);
  process.exitCode = 1;
}

async function shutdown(): Promise<void> {
  await close().catch(() => undefined);
  reportContract();
  await emulator.close();
}

if (headed) {
  await perch.open('options');
  console.log('Perch is loaded in Chromium. Press “Sign in with X” to sign in to the emulator’s demo account.');
  console.log('Close the browser window or press Ctrl+C to stop.');
  process.on('SIGINT', () => void shutdown().then(() => process.exit(process.exitCode ?? 0)));
  perch.context.on('close', () => {
    reportContract();
    void emulator.close().then(() => process.exit(process.exitCode ?? 0));
  });
} else {
  mkdirSync(OUT, { recursive: true });
  const options = await perch.open('options');
  await options.setViewportSize({ width: 960, height: 900 });
  await signIn(perch, options);
  await options.screenshot({ path: path.join(OUT, 'options.png'), fullPage: true });
  // Fill the local copy as the manager's "Sync now" would.
  for (const collection of ['bookmarks', 'bookmarkFolders', 'lists', 'muted', 'blocked']) {
    await options.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'sync.run', accountId: ADA_ID, collection });
  }
  const popup = await perch.open('popup');
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.getByText('@adaperch').waitFor();
  await popup.screenshot({ path: path.join(OUT, 'popup.png') });
  const onPost = await perch.context.newPage();
  await onPost.setViewportSize({ width: 380, height: 600 });
  await onPost.goto(
    `chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(`https://x.com/gracehop/status/${SEED_POSTS.gracePhoto}`)}`,
  );
  // Opened here, not by Perch's own window: the page waits for a click before asking X (lib/popup-gate.ts).
  await onPost.getByRole('button', { name: 'Show this post' }).click();
  await onPost.getByRole('region', { name: 'This post' }).getByRole('button', { name: 'Reply', exact: true }).waitFor();
  await onPost.screenshot({ path: path.join(OUT, 'popup-on-a-post.png') });
  const panel = await perch.open('sidepanel');
  await panel.setViewportSize({ width: 420, height: 800 });
  await panel.getByText('@adaperch').waitFor();
  await panel.waitForTimeout(800);
  await panel.screenshot({ path: path.join(OUT, 'sidepanel.png') });
  const manager = await perch.open('manager');
  await manager.setViewportSize({ width: 1100, height: 800 });
  await manager.waitForTimeout(800);
  await manager.screenshot({ path: path.join(OUT, 'manager.png') });
  console.log('No display here, so Perch ran headless. It signed in to the demo account and wrote screenshots:');
  for (const f of ['popup.png', 'popup-on-a-post.png', 'sidepanel.png', 'manager.png', 'options.png']) {
    console.log(`  ${path.relative(ROOT, path.join(OUT, f))}`);
  }
  await shutdown();
}
