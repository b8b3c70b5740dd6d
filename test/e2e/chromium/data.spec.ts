import type { Page } from '@playwright/test';
import { ADA } from '../support/emulator-control';
import { readTable } from '../support/idb';
import { expect, signIn, test } from './fixtures';

const send = (page: Page, message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

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
    const before = await emu.relations();
    const target = before.bookmarks[0]!;
    await send(options, { type: 'sync.run', accountId: ADA.id, collection: 'bookmarks' });
    // Two drops: the outbox retries twice within seconds, then waits long enough to keep each action to three
    // requests in any 15 minutes.
    await emu.fault({ method: 'DELETE', path: `/2/users/${ADA.id}/bookmarks/*`, count: 2, kind: 'drop' });
    const reply = await send(options, { type: 'action.do', accountId: ADA.id, action: { type: 'unbookmark', params: { postId: target } } });
    expect(reply).toMatchObject({ ok: true });
    // Shown at once in the store, before X has it.
    expect(((await options.evaluate(readTable, 'bookmarks')) as { postId: string }[]).some((b) => b.postId === target)).toBe(false);
    await expect.poll(async () => (await emu.relations()).bookmarks.includes(target), { timeout: 60_000, intervals: [1000] }).toBe(false);
    await expect
      .poll(async () => ((await options.evaluate(readTable, 'actions')) as { state: string }[]).map((a) => a.state), { timeout: 10_000 })
      .toEqual(['done']);
  });

  test('lives through an hour of heavy use without a single 429, each held action sent after its reset', async ({ perch, emu }) => {
    const options = await perch.open('options');
    await signIn(perch, options);
    const posts = (await emu.relations()).bookmarks.slice(0, 240);
    await emu.clearLog();
    let offsetMs = 0;
    // Four 15-minute windows, 60 likes asked in each: X allows 50 per window, so the rest wait for the reset.
    for (let window = 0; window < 4; window++) {
      const batch = posts.slice(window * 60, window * 60 + 60);
      await options.evaluate(
        async ({ ids, accountId }) => {
          for (const postId of ids)
            await chrome.runtime.sendMessage({ type: 'action.do', accountId, action: { type: 'like', params: { postId } } });
        },
        { ids: batch, accountId: ADA.id },
      );
      // Everything X allowed is done; the rest waits for the window's reset.
      const unsettled = async () =>
        ((await options.evaluate(readTable, 'actions')) as { state: string; error?: { kind: string } }[]).filter(
          (a) => a.state !== 'done' && !(a.state === 'queued' && a.error?.kind === 'rate-limited'),
        ).length;
      await expect.poll(unsettled, { timeout: 30_000 }).toBe(0);
      const waiting = ((await options.evaluate(readTable, 'actions')) as { state: string }[]).filter((a) => a.state === 'queued');
      // The window also carries the ones held from the last one: 10 more wait each time.
      expect(waiting.length).toBe(10 * (window + 1));
      // Fifteen minutes pass, for X and for Perch.
      await emu.advanceClock(15 * 60 + 5);
      offsetMs += (15 * 60 + 5) * 1000;
      await options.evaluate((ms) => chrome.storage.local.set({ 'test.clockOffsetMs': ms }), offsetMs);
      await send(options, { type: 'actions.retry', accountId: ADA.id });
      await expect
        .poll(async () => ((await options.evaluate(readTable, 'actions')) as { state: string }[]).filter((a) => a.state !== 'done').length)
        .toBe(0);
    }
    const log = await emu.log();
    expect(log.filter((e) => e.status === 429)).toEqual([]);
    expect(log.filter((e) => e.method === 'POST' && e.path === `/2/users/${ADA.id}/likes`)).toHaveLength(240);
    expect(((await options.evaluate(readTable, 'actions')) as { state: string }[]).every((a) => a.state === 'done')).toBe(true);
  });
});
