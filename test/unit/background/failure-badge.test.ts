import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFailureBadge } from '@/entrypoints/background/failure-badge';
import { AWAITING_PERSON } from '@/lib/db/rows';
import { failedKey, readFailures } from '@/lib/failed-actions';
import { wipeAccountStorage } from '@/lib/storage-wipe';
import type { ActionChange } from '@/lib/services/outbox-feed';

const ADA = '1585841080431321088';
const GRACE = '1452871219391512578';

/** The toolbar as a person sees it: the badge's text, colour and the icon's title. */
function fakeToolbar() {
  const shown = { text: '', color: '', title: '' };
  return {
    shown,
    action: {
      setBadgeText: async ({ text }: { text: string | null }) => void (shown.text = text ?? ''),
      setBadgeBackgroundColor: async ({ color }: { color: unknown }) => void (shown.color = String(color)),
      setTitle: async ({ title }: { title: string | null }) => void (shown.title = title ?? ''),
    },
  };
}

const ROWS: Record<number, { type: string; params: Record<string, string | boolean | undefined> }> = {
  1: { type: 'like', params: { postId: '1', username: 'gracehop' } },
  2: { type: 'mute', params: { userId: '2', username: 'ewd' } },
  3: { type: 'list.create', params: { name: 'Compiler folks', tempId: 'pending-1' } },
};

function setUp() {
  const toolbar = fakeToolbar();
  const badge = createFailureBadge({
    area: fakeBrowser.storage.local,
    action: toolbar.action as never,
    actionOf: async (seq) => ROWS[seq],
    now: () => Date.parse('2026-12-02T05:00:00Z'),
  });
  return { badge, shown: toolbar.shown };
}

const change = (seq: number, state: ActionChange['state'], more: Partial<ActionChange> = {}): ActionChange => ({
  accountId: ADA,
  seq,
  type: ROWS[seq]!.type,
  state,
  notBefore: 0,
  ...more,
});
const refused = { kind: 'forbidden', said: 'You cannot like this post.' };

beforeEach(() => fakeBrowser.reset());

/** The browser's answer to `runtime.getContexts`: a manager tab open in another window (the fake browser has none). */
function managerTabOpen() {
  const runtime = fakeBrowser.runtime as unknown as { getContexts?: () => Promise<{ documentUrl: string }[]> };
  runtime.getContexts = async () => [{ documentUrl: `chrome-extension://${fakeBrowser.runtime.id}/manager.html#bookmarks` }];
  return () => delete runtime.getContexts;
}

describe('the toolbar badge for queued actions that failed and no screen has shown', () => {
  it('shows X’s refusal: a red count, and a title saying what failed and X’s words', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(1, 'failed', { error: refused }));
    expect(shown.text).toBe('1');
    expect(shown.color).toBe('#f4212e');
    expect(shown.title).toBe(
      'Perch: Like a post by @gracehop: not done. X does not allow this. X said: “\u2068You cannot like this post.\u2069”',
    );
    expect((await readFailures(ADA)).map((n) => n.seq)).toEqual([1]);
  });

  it.each([
    ['attempts spent on X failing', change(2, 'failed', { error: { kind: 'unavailable' } }), true],
    ['out of credits, waiting for the person', change(2, 'queued', { notBefore: AWAITING_PERSON, error: { kind: 'usage-capped' } }), true],
    [
      'waiting for X’s rate-limit reset',
      change(2, 'queued', { notBefore: Date.now() + 60_000, error: { kind: 'rate-limited', reset: 1 } }),
      false,
    ],
    ['cancelled by the person', change(2, 'failed', { error: { kind: 'cancelled' } }), false],
    ['sent and done', change(2, 'done'), false],
  ])('%s: badge %s', async (_what, ended, shows) => {
    const { badge, shown } = setUp();
    await badge.note(ended);
    expect(shown.text).toBe(shows ? '1' : '');
  });

  it('says a waiting action waits for the person, with X’s reason', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(2, 'queued', { notBefore: AWAITING_PERSON, error: { kind: 'usage-capped' } }));
    expect(shown.title).toMatch(/^Perch: Mute @ewd: waiting for you\. Your X app is out of credits/);
  });

  it('counts several, across accounts, and says how many failed', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(1, 'failed', { error: refused }));
    await badge.note(change(2, 'failed', { error: { kind: 'not-found' } }));
    await badge.note({ ...change(3, 'failed', { error: refused }), accountId: GRACE });
    expect(shown.text).toBe('3');
    expect(shown.title).toBe('Perch: 3 actions failed');
  });

  it('clears when the action moves on: sent again, then done', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(1, 'failed', { error: refused }));
    await badge.note(change(1, 'queued'));
    expect(shown.text).toBe('');
    expect(shown.title).toBe('Perch for X');
    expect(await readFailures(ADA)).toEqual([]);
  });

  it('clears what the person has seen: one, then the rest of the account', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(1, 'failed', { error: refused }));
    await badge.note(change(2, 'failed', { error: refused }));
    await badge.seen(ADA, [1]);
    expect(shown.text).toBe('1');
    expect(shown.title).toMatch(/^Perch: Mute @ewd: not done\./);
    await badge.seen(ADA);
    expect(shown.text).toBe('');
  });

  it('counts a failure while a manager tab is open in another window: an open page is not the person looking', async () => {
    const closeTab = managerTabOpen();
    try {
      const { badge, shown } = setUp();
      await badge.note(change(1, 'failed', { error: refused }));
      expect(shown.text).toBe('1');
      expect((await readFailures(ADA)).map((n) => n.seq)).toEqual([1]);
    } finally {
      closeTab();
    }
  });

  it('leaves the badge once the popup’s line has shown it, and keeps it for the line until the person acts', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(1, 'failed', { error: refused }));
    await badge.note(change(2, 'failed', { error: { kind: 'not-found' } }));
    await badge.shown(ADA, [1]);
    expect(shown.text).toBe('1');
    expect(shown.title).toMatch(/^Perch: Mute @ewd: not done\./);
    expect((await readFailures(ADA)).map((n) => [n.seq, n.shown ?? false])).toEqual([
      [1, true],
      [2, false],
    ]);
    await badge.shown(ADA);
    expect(shown.text).toBe('');
    expect(shown.title).toBe('Perch for X');
    // Dismissed from the line: gone for good.
    await badge.seen(ADA, [1]);
    expect((await readFailures(ADA)).map((n) => n.seq)).toEqual([2]);
  });

  it('counts it again when an action shown once fails again after a retry', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(1, 'failed', { error: { kind: 'unavailable' } }));
    await badge.shown(ADA);
    await badge.note(change(1, 'queued'));
    await badge.note(change(1, 'failed', { error: { kind: 'unavailable' } }));
    expect(shown.text).toBe('1');
  });

  it('keeps the count right across a worker restart: what was shown stays off the badge', async () => {
    const before = setUp().badge;
    await before.note(change(1, 'failed', { error: refused }));
    await before.note(change(2, 'failed', { error: refused }));
    await before.shown(ADA, [2]);
    const { badge, shown } = setUp();
    await badge.paint();
    expect(shown.text).toBe('1');
    expect(shown.title).toMatch(/^Perch: Like a post by @gracehop: not done\./);
  });

  it('survives a worker restart: a new worker paints it again from storage', async () => {
    await setUp().badge.note(change(1, 'failed', { error: refused }));
    const { badge, shown } = setUp();
    await badge.paint();
    expect(shown.text).toBe('1');
  });

  it('goes with its account at sign-out, declared in the storage wipe policy', async () => {
    const { badge, shown } = setUp();
    await badge.note(change(1, 'failed', { error: refused }));
    await badge.note({ ...change(2, 'failed', { error: refused }), accountId: GRACE });
    await wipeAccountStorage(ADA);
    await badge.paint();
    expect(await fakeBrowser.storage.local.get(failedKey(ADA))).toEqual({});
    expect(shown.text).toBe('1');
  });
});
