/** The pictures and videos the composer tests attach in both browsers, and what X must have been asked to post them. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { ElementHandle, Page as FirefoxPage } from 'puppeteer-core';
import type { EmulatorControl } from './emulator-control';
import { typeInto } from './firefox-input';

const video = (name: string) => fileURLToPath(new URL(`../fixtures/video/${name}`, import.meta.url));
/** A real 2-second MP4 (VP9, 64x64). */
export const CLIP_PATH = video('clip.mp4');
/** A real MP4 of 141 seconds: one second past X's limit. */
export const TOO_LONG_PATH = video('too-long.mp4');
/** A real 1x1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** A real 1x1 GIF89a. */
export const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The bytes as a file named `name` in a fresh folder, for a file input that takes a path (Firefox over BiDi). */
export function fileOf(name: string, bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'perch-media-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** What X was asked since the log was cleared, in order: `METHOD /path STATUS`, a media id as `:id`. */
async function callsTo(emu: EmulatorControl): Promise<string[]> {
  return (await emu.log()).map((e) => `${e.method} ${e.path.replace(/\d{5,}/, ':id')} ${e.status}`);
}

/** The chunked upload (media-upload-initialize, -append, -finalize), never the one-request upload. */
const CHUNKED_UPLOAD = [
  'POST /2/media/upload/initialize 200',
  'POST /2/media/upload/:id/append 200',
  'POST /2/media/upload/:id/finalize 200',
];
const STATUS_CHECK = 'GET /2/media/upload 200';
const POST = 'POST /2/tweets 201';

/** A post with one GIF: the chunked upload, one status check (the emulator has it processed by then), the post. */
export async function expectGifPosted(emu: EmulatorControl): Promise<void> {
  expect(await callsTo(emu)).toEqual([...CHUNKED_UPLOAD, STATUS_CHECK, POST]);
}

/** A post with one video: the chunked upload, then the post once X has processed it, over two status checks or more. */
export async function expectVideoPosted(emu: EmulatorControl): Promise<void> {
  const calls = await callsTo(emu);
  expect(calls.filter((c) => c !== STATUS_CHECK)).toEqual([...CHUNKED_UPLOAD, POST]);
  expect(calls.filter((c) => c === STATUS_CHECK).length).toBeGreaterThanOrEqual(2);
}

/** The popup's composer with `text` typed and the 2-second clip chosen, once it shows the clip (Remove video, its length). */
export async function attachVideo(popup: Page, text: string): Promise<void> {
  await popup.getByRole('textbox', { name: 'Post text' }).fill(text);
  const chooser = popup.waitForEvent('filechooser');
  await popup.getByRole('button', { name: 'Add video' }).click();
  await (await chooser).setFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: readFileSync(CLIP_PATH) });
  await expect(popup.getByRole('button', { name: 'Remove video clip.mp4' })).toBeVisible();
  await expect(popup.getByText('Video, 0:02')).toBeVisible();
}

/** BiDi has no file chooser: the file goes into the input the "Add video" (or "Add image") button opens. */
export async function chooseInFirefox(popup: FirefoxPage, accept: 'video' | 'image', path: string): Promise<void> {
  const input = (await popup.$(`input[type="file"][accept^="${accept}/"]`)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/** {@link attachVideo} in Firefox's popup (Puppeteer over BiDi). */
export async function attachVideoInFirefox(popup: FirefoxPage, text: string): Promise<void> {
  await popup.locator('::-p-aria(Post text[role="textbox"])').wait();
  await typeInto(popup, text);
  await chooseInFirefox(popup, 'video', CLIP_PATH);
  await popup.locator('::-p-aria(Remove video clip.mp4[role="button"])').wait();
  await expect.poll(() => popup.$eval('.media-length', (e) => e.textContent ?? '').catch(() => '')).toBe('Video, 0:02');
}
