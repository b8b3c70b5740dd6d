import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { CHORES_WAIT_MS } from '@/entrypoints/background/start-up';
import { db, resetDb } from '@/lib/db';
import { Outbox } from '@/lib/services/outbox';

/**
 * A woken worker answers its first message before its start-up chores (the outbox's recovery, the badge painted
 * again), and the chores still run: after that answer, or after a moment when no message woke it.
 */

const ADA = '1585841080431321088';
/** When the last worker stopped, mid-send. */
const STOPPED_AT = '2026-01-01T00:00:00.000Z';
const sender = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/options.html'),
  origin: fakeBrowser.runtime.getURL('/').slice(0, -1),
});

/** The background's answer to one message from Perch's options page, with what had run when it was sent. */
function ask(message: object, seen: () => unknown): Promise<{ reply: unknown; seen: unknown }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender(), (reply: unknown) => resolve({ reply, seen: seen() }));
  });
}

let recover: ReturnType<typeof vi.spyOn>;
let badge: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  resetDb();
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  // Not in the fake browser: the settings name the sign-in's callback address.
  Object.assign(fakeBrowser, { identity: { getRedirectURL: () => 'https://perch.chromiumapp.org/' } });
  recover = vi.spyOn(Outbox.prototype, 'recover');
  badge = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a woken worker', () => {
  it('answers its first message first, then sends again an action caught mid-send and paints the badge, once', async () => {
    const seq = await db().actions.add({
      accountId: ADA,
      type: 'bookmark',
      params: { postId: '1960673648440250273' },
      state: 'sending',
      attempts: 1,
      notBefore: 0,
      createdAt: STOPPED_AT,
      updatedAt: STOPPED_AT,
    });
    void background.main();
    expect(recover).not.toHaveBeenCalled();
    const first = await ask({ type: 'settings.get' }, () => recover.mock.calls.length);
    expect(first.reply).toMatchObject({ ok: true });
    expect(first.seen).toBe(0);
    // Queued again, so the outbox sends it (here no account can send it: it waits in the queue).
    await vi.waitFor(async () => expect((await db().actions.get(seq))?.state).toBe('queued'));
    await vi.waitFor(() => expect(badge).toHaveBeenCalledWith({ text: '' }));

    await ask({ type: 'settings.get' }, () => undefined);
    expect(recover).toHaveBeenCalledTimes(1);
  });

  it('woken by something other than a message (an alarm, the browser starting) still does its chores', async () => {
    vi.useFakeTimers();
    void background.main();
    await vi.advanceTimersByTimeAsync(CHORES_WAIT_MS - 1);
    expect(recover).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(recover).toHaveBeenCalledTimes(1);
    expect(badge).toHaveBeenCalledWith({ text: '' });
  });
});
