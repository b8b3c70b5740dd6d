import type { Page } from 'puppeteer-core';
import { ADA } from '../support/emulator-control';
import { readTable } from '../support/idb';
import { expect, signIn, test } from './fixtures';

const send = (page: Page, message: unknown) => page.evaluate((m) => browser.runtime.sendMessage(m), message);

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
    const target = (await emu.relations()).bookmarks[0]!;
    await emu.fault({ method: 'DELETE', path: `/2/users/${ADA.id}/bookmarks/*`, count: 2, kind: 'drop' });
    expect(
      await send(ff.options, { type: 'action.do', accountId: ADA.id, action: { type: 'unbookmark', params: { postId: target } } }),
    ).toMatchObject({
      ok: true,
    });
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(target), { timeout: 60_000, intervals: [1000] }).toBe(false);
    await expect
      .poll(async () => ((await ff.options.evaluate(readTable, 'actions')) as { state: string }[]).map((a) => a.state), { timeout: 10_000 })
      .toEqual(['done']);
  });

  test('lives through an hour of heavy use without a single 429, each held action sent after its reset', async ({ ff, emu }) => {
    await signIn(ff, ff.options);
    const posts = (await emu.relations()).bookmarks.slice(0, 240);
    await emu.clearLog();
    let offsetMs = 0;
    const actions = async () => (await ff.options.evaluate(readTable, 'actions')) as { state: string; error?: { kind: string } }[];
    for (let window = 0; window < 4; window++) {
      await ff.options.evaluate(
        async (ids, accountId) => {
          for (const postId of ids)
            await browser.runtime.sendMessage({ type: 'action.do', accountId, action: { type: 'like', params: { postId } } });
        },
        posts.slice(window * 60, window * 60 + 60),
        ADA.id,
      );
      await expect
        .poll(
          async () =>
            (await actions()).filter((a) => a.state !== 'done' && !(a.state === 'queued' && a.error?.kind === 'rate-limited')).length,
          {
            timeout: 30_000,
          },
        )
        .toBe(0);
      expect((await actions()).filter((a) => a.state === 'queued')).toHaveLength(10 * (window + 1));
      await emu.advanceClock(15 * 60 + 5);
      offsetMs += (15 * 60 + 5) * 1000;
      await ff.options.evaluate((ms) => browser.storage.local.set({ 'test.clockOffsetMs': ms }), offsetMs);
      await send(ff.options, { type: 'actions.retry', accountId: ADA.id });
      await expect.poll(async () => (await actions()).filter((a) => a.state !== 'done').length, { timeout: 30_000 }).toBe(0);
    }
    const log = await emu.log();
    expect(log.filter((e) => e.status === 429)).toEqual([]);
    expect(log.filter((e) => e.method === 'POST' && e.path === `/2/users/${ADA.id}/likes`)).toHaveLength(240);
  });
});
