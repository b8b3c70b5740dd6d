import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { postContext, profileContext } from '@/lib/services/tab-context';
import type { XClient } from '@/lib/x/client';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * The popup's read of a post asks X for `connection_status` in `user.fields`, with the quoted post's author expanded
 * (`referenced_tweets.id.author_id`): "To get fields on related objects (like the author of a post), you need two
 * things: an expansion … and the fields parameter for that object type" (x-api--fundamentals--fields, "Fields for
 * related objects"). So that author's object in `includes` carries the field when it has a value, and an X that leaves
 * out empty fields (test/emulator/bare.ts) answers one the account has no relation with without it: "Missing fields in
 * responses mean the value is `null` or empty" (same page, Important notes). Perch takes that as X's word, "no
 * relation", and the popup on that person's profile the same day shows it without asking X again.
 */

withSignedInAda();
beforeEach(() => {
  emu.state.bareAnswers = true;
});
afterEach(() => {
  emu.state.bareAnswers = false;
});

/** The author of the post Grace quotes (SEED_POSTS.graceQuotesXdev quotes SEED_POSTS.xdevAnnouncement). */
const XDEV = { id: '2244994945', username: 'XDevelopers' };

/** Ada's client, keeping X's answers to the post read. */
function recording(): { reader: XClient; answers: unknown[] } {
  const answers: unknown[] = [];
  const reader: XClient = {
    request: async (req) => {
      const res = await client.request(req);
      if (req.path === '/2/tweets') answers.push(res.body);
      return res;
    },
  };
  return { reader, answers };
}

const userReads = () => emu.state.log.filter((e) => e.method === 'GET' && e.path.startsWith('/2/users/by/username/'));

describe('the popup on a post quoting someone X answers without connection_status', () => {
  it('asks for it on the quoted author, and the popup on their profile shows no relation without asking X', async () => {
    // On X, Ada follows, mutes and blocks nobody of that name; Perch's own rows (an older sync) guessed all three.
    emu.state.relation(emu.state.following, ADA_ID).delete(XDEV.id);
    const row = { accountId: ADA_ID, userId: XDEV.id, position: 1 };
    await Promise.all([db().following.put(row), db().muted.put(row), db().blocked.put(row)]);
    emu.state.log = [];

    const { reader, answers } = recording();
    const post = await postContext(() => Promise.resolve(reader), ADA_ID, SEED_POSTS.graceQuotesXdev, emu.state.now());
    expect(post.error).toBeUndefined();
    const [asked] = emu.state.log.filter((e) => e.path === '/2/tweets');
    expect(asked?.query?.['user.fields']?.split(',')).toContain('connection_status');
    expect(asked?.query?.expansions?.split(',')).toContain('referenced_tweets.id.author_id');
    // X's answer names the quoted author, without the field.
    const included = (answers[0] as { includes?: { users?: { id: string }[] } }).includes?.users ?? [];
    const xdev = included.find((u) => u.id === XDEV.id);
    expect(xdev).toBeDefined();
    expect(xdev).not.toHaveProperty('connection_status');

    const ctx = await profileContext(() => Promise.resolve(client), ADA_ID, XDEV.username, emu.state.now() + 60_000);
    expect(ctx.error).toBeUndefined();
    expect(ctx.user).toMatchObject({ id: XDEV.id, following: false, followRequested: false, muted: false, blocked: false });
    expect(ctx.user).not.toHaveProperty('relationUnsaid');
    expect(userReads()).toHaveLength(0);
  });
});
