import { describe, expect, it, vi } from 'vitest';
import { attachImage, publishDraft, saveDraft } from '@/lib/services/compose';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { createXClient } from '@/lib/x/client';
import { createLimitedClient } from '@/lib/x/limiter';
import { freshDb } from '../services/support';
import { ADA, play, START } from './outbox-run';
import { GOOD, mostInWindow, scriptedX, settle, tries, type Answer } from './scripted-x';

/** Failures the class tests found, kept as plain cases: each failed before its fix. */

const answer = (over: Partial<Answer>): Answer => ({ ...GOOD, ...over });

describe('what the class tests found', () => {
  it('looks for a list whose answer was lost once per try, not once per limiter retry', async () => {
    // POST /2/lists: the connection drops, so the outbox looks on X for the list before sending it again
    // (list.create's reconcile, GET owned_lists). X fails those reads: the limiter used to retry each GET 3 times
    // on its own, so the second try alone sent 4 reads in 4 seconds.
    const out = await play({
      actions: ['createList'],
      script: [answer({ status: 'drop' }), ...Array.from({ length: 3 }, () => answer({ status: 503 }))],
      signOutOn401: false,
      signInAgainAfterH: 1,
      jitter: 0.5,
    });
    const reads = out.sent.filter((s) => s.method === 'GET' && s.path.endsWith('/owned_lists'));
    const inFirstQuarter = reads.filter((s) => s.at < START + 15 * 60_000);
    expect(inFirstQuarter.length).toBeGreaterThan(0);
    expect(inFirstQuarter.length).toBeLessThanOrEqual(2);
    // And the list is made once X answers again: done, not lost.
    expect(out.rows.map((r) => r.state)).toEqual(['done']);
  });

  it('does not resend an action X keeps answering 401 each time the queue wakes', async () => {
    // X answers 401 even to a refreshed token. The action was kept with no wait ("sent when signed in again"), so
    // every wake of the queue (another action's back-off at 5 s and 20 s, an alarm at 10 min) sent it again: 4
    // tries in 10 minutes.
    const s401 = answer({ status: 401 });
    const s503 = answer({ status: 503 });
    const out = await play({
      actions: ['mute', 'bookmark'],
      script: [s503, s401, s401, s503, s401, s401, s503, s401, s401, ...Array.from({ length: 8 }, () => s401)],
      signOutOn401: false,
      signInAgainAfterH: 1,
      jitter: 0.5,
    });
    const bookmarkTries = tries(out.sent).filter((s) => s.path.endsWith('/bookmarks'));
    expect(bookmarkTries.filter((s) => s.at < START + 15 * 60_000).length).toBeLessThanOrEqual(3);
    expect(mostInWindow(out.sent, 15 * 60_000).count).toBeLessThanOrEqual(3);
    // Kept, not lost: both are done once X takes the token again.
    expect(out.rows.map((r) => r.state)).toEqual(['done', 'done']);
  });

  it('polls a GIF’s processing status at most once a second, even when a poll fails and is retried', async () => {
    // FINALIZE says "pending, check after 1 s"; the first STATUS check fails with a 503. The limiter used to retry
    // that GET after 250–750 ms: two polls under a second apart.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      vi.setSystemTime(START);
      await freshDb();
      const x = scriptedX(
        [
          answer({}), // initialize
          answer({}), // append
          answer({ processing: 'pending', checkAfter: 1 }), // finalize
          answer({ status: 503 }), // STATUS
          answer({ processing: 'succeeded' }), // STATUS again
        ],
        { now: () => Date.now(), advance: (ms) => vi.setSystemTime(Date.now() + ms) },
      );
      const raw = createXClient({ baseUrl: 'https://api.x.com', fetch: x.fetch, getAccessToken: async () => 'token' });
      const client = createLimitedClient({ client: raw, store: rateLimitStore(ADA), random: () => 0 });
      const gif = await attachImage(ADA, 'home', {
        name: 'a.gif',
        type: 'image/gif',
        bytes: new Uint8Array(new TextEncoder().encode('GIF89a;')),
      });
      await saveDraft({ accountId: ADA, context: 'home', seq: 1, posts: [{ text: 'a gif', mediaIds: [gif] }] });
      const done = await settle(publishDraft(client, ADA, 'home'));
      expect(done).toMatchObject({ ok: true, value: [expect.any(String)] });
      const polls = tries(x.sent).filter((s) => s.path.includes('command=STATUS'));
      expect(polls).toHaveLength(2);
      expect(polls[1]!.at - polls[0]!.at).toBeGreaterThanOrEqual(1000);
    } finally {
      vi.useRealTimers();
    }
  });
});
