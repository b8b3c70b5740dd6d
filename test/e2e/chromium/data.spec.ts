import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { readTable } from '../support/idb';
import { expect, signIn, test } from './fixtures';

const send = (page: Page, message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

async function relations(emuUrl: string): Promise<{ bookmarks: string[] }> {
  return (await (await fetch(`${emuUrl}/__emulator/users/${ADA.id}/relations`)).json()) as { bookmarks: string[] };
}

test.describe('the data layer in Chromium', () => {
  test('syncs bookmarks with exactly the requests it needs, and none again the same day', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    await emu.clearLog();
    const first = await send(options, { type: 'sync.run', accountId: ADA.id, collection: 'bookmarks' });
    expect(first).toMatchObject({ ok: true, data: { ran: true, requests: 8, items: 800 } });
    const bookmarkReads = async () => (await emu.log()).filter((e) => e.method === 'GET' && e.path === `/2/users/${ADA.id}/bookmarks`);
    expect(await bookmarkReads()).toHaveLength(8);
    expect(await options.evaluate(readTable, 'bookmarks')).toHaveLength(800);

    expect(await send(options, { type: 'sync.run', accountId: ADA.id, collection: 'bookmarks' })).toMatchObject({
      ok: true,
      data: { ran: false, requests: 0 },
    });
    expect(await bookmarkReads()).toHaveLength(8);
    // Asked for ("Sync now"): one page, which holds only bookmarks already stored.
    expect(await send(options, { type: 'sync.run', accountId: ADA.id, collection: 'bookmarks', force: true })).toMatchObject({
      ok: true,
      data: { ran: true, requests: 1, items: 0 },
    });
  });

  test('finishes an action once the network comes back, without losing it', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    const before = await relations(emu.url);
    const target = before.bookmarks[0]!;
    await send(options, { type: 'sync.run', accountId: ADA.id, collection: 'bookmarks' });
    await emu.fault({ method: 'DELETE', path: `/2/users/${ADA.id}/bookmarks/*`, count: 3, kind: 'drop' });
    const reply = await send(options, { type: 'action.do', accountId: ADA.id, action: { type: 'unbookmark', params: { postId: target } } });
    expect(reply).toMatchObject({ ok: true });
    // Shown at once in the store, before X has it.
    expect(((await options.evaluate(readTable, 'bookmarks')) as { postId: string }[]).some((b) => b.postId === target)).toBe(false);
    await expect
      .poll(async () => (await relations(emu.url)).bookmarks.includes(target), { timeout: 60_000, intervals: [1000] })
      .toBe(false);
    await expect
      .poll(async () => ((await options.evaluate(readTable, 'actions')) as { state: string }[]).map((a) => a.state), { timeout: 10_000 })
      .toEqual(['done']);
  });
});
