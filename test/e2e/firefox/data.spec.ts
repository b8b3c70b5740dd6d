import type { Page } from 'puppeteer-core';
import { ADA } from '../support/emulator-control';
import { readTable } from '../support/idb';
import { expect, signIn, test } from './fixtures';

const send = (page: Page, message: unknown) => page.evaluate((m) => browser.runtime.sendMessage(m), message);

async function relations(emuUrl: string): Promise<{ bookmarks: string[] }> {
  return (await (await fetch(`${emuUrl}/__emulator/users/${ADA.id}/relations`)).json()) as { bookmarks: string[] };
}

test.describe('the data layer in Firefox', () => {
  test('syncs bookmarks with exactly the requests it needs, and none again the same day', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    await emu.clearLog();
    expect(await send(ff.options, { type: 'sync.run', accountId: ADA.id, collection: 'bookmarks' })).toMatchObject({
      ok: true,
      data: { ran: true, requests: 8, items: 800 },
    });
    const reads = async () => (await emu.log()).filter((e) => e.method === 'GET' && e.path === `/2/users/${ADA.id}/bookmarks`);
    expect(await reads()).toHaveLength(8);
    expect(await ff.options.evaluate(readTable, 'bookmarks')).toHaveLength(800);
    expect(await send(ff.options, { type: 'sync.run', accountId: ADA.id, collection: 'bookmarks' })).toMatchObject({
      ok: true,
      data: { ran: false, requests: 0 },
    });
    expect(await reads()).toHaveLength(8);
  });

  test('finishes an action once the network comes back, without losing it', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const target = (await relations(emu.url)).bookmarks[0]!;
    await emu.fault({ method: 'DELETE', path: `/2/users/${ADA.id}/bookmarks/*`, count: 2, kind: 'drop' });
    expect(
      await send(ff.options, { type: 'action.do', accountId: ADA.id, action: { type: 'unbookmark', params: { postId: target } } }),
    ).toMatchObject({
      ok: true,
    });
    await expect
      .poll(async () => (await relations(emu.url)).bookmarks.includes(target), { timeout: 60_000, intervals: [1000] })
      .toBe(false);
    await expect
      .poll(async () => ((await ff.options.evaluate(readTable, 'actions')) as { state: string }[]).map((a) => a.state), { timeout: 10_000 })
      .toEqual(['done']);
  });
});
