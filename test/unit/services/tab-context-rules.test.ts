import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIONS } from '@/lib/services/actions';
import { Outbox } from '@/lib/services/outbox';
import { summonsOf } from '@/lib/services/summons';
import { postContext, profileContext } from '@/lib/services/tab-context';
import { enterprisePlanItem } from '@/lib/storage';
import type { XPost, XUser } from '@/lib/x/schemas';
import { CROWD_USER_IDS, GRACE_PHOTO_ALT, SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, GRACE_ID } from '../auth/support';
import { client, emu, followWaiting, withSignedInAda } from './world';

/**
 * What the popup offers on a post or profile, from what X says: Reply through Perch only where X lets a self-serve
 * app reply (x-api--posts--manage-tweets--integrate), Quote and Block on x.com unless the person says their app is
 * on the Enterprise plan, and a follow of a protected account shown as "Requested" (x-api--users--follows--quickstart).
 */

const KJOHNSON = { id: '1268291573458292736', username: 'kjohnson' };
const DAY = 24 * 60 * 60 * 1000;

withSignedInAda();
beforeEach(async () => {
  emu.state.enterprise = false;
  await enterprisePlanItem.setValue(false);
});

const post = (id: string) => postContext(async () => client, ADA_ID, id, emu.state.now());
const lookups = () => emu.state.log.filter((e) => e.method === 'GET' && e.path === '/2/tweets');

/** A post by Grace that quotes one of Ada's, put on the emulator beside the seed. */
function graceQuotesAda(): string {
  const template = emu.state.posts.get(SEED_POSTS.graceQuotesXdev)!;
  const id = emu.state.nextId();
  emu.state.posts.set(id, { ...template, id, quoteTweetId: SEED_POSTS.adaHello, editHistory: [id] });
  return id;
}

describe('the popup on a post, on a self-serve app', () => {
  it('offers Reply on x.com, Quote on x.com and Block on x.com for a post whose author did not mention or quote the person', async () => {
    const ctx = await post(SEED_POSTS.gracePhoto);
    expect(ctx.rules).toEqual({ reply: 'x.com', quote: 'x.com', block: 'x.com' });
    const asked = lookups().at(-1)!.query;
    expect(asked.expansions?.split(',')).toEqual(expect.arrayContaining(['author_id', 'referenced_tweets.id.author_id']));
    expect(asked['tweet.fields']?.split(',')).toEqual(expect.arrayContaining(['entities', 'referenced_tweets']));
  });

  it('offers Reply through Perch where the author mentioned the person', async () => {
    expect((await post(SEED_POSTS.graceMentionsAda)).rules.reply).toBe('perch');
  });

  it('offers Reply through Perch where the author quoted one of the person’s posts', async () => {
    expect((await post(graceQuotesAda())).rules.reply).toBe('perch');
  });

  it('does not count a quote of someone else’s post', async () => {
    expect((await post(SEED_POSTS.graceQuotesXdev)).rules.reply).toBe('x.com');
  });

  it('offers Reply through Perch on the person’s own post', async () => {
    expect((await post(SEED_POSTS.adaHello)).rules.reply).toBe('perch');
  });

  it('reads a post stored by another screen once more to learn whom it summons, then not again that day', async () => {
    await post(SEED_POSTS.graceMentionsAda);
    const stored = await db().posts.get([ADA_ID, SEED_POSTS.graceMentionsAda]);
    const { summons: _, ...withoutSummons } = stored!;
    await db().posts.put(withoutSummons);
    const before = lookups().length;
    expect((await post(SEED_POSTS.graceMentionsAda)).rules.reply).toBe('perch');
    await post(SEED_POSTS.graceMentionsAda);
    expect(lookups().length).toBe(before + 1);
  });
});

describe('the popup on the person’s own post', () => {
  it('does not read it from X on every open when its time is not known (a billed read each time)', async () => {
    await post(SEED_POSTS.adaHello);
    await db().posts.update([ADA_ID, SEED_POSTS.adaHello], (row) => {
      delete row.createdAt;
    });
    const before = lookups().length;
    await post(SEED_POSTS.adaHello);
    expect(lookups()).toHaveLength(before);
  });
});

describe('the popup on a post, with “My X app is on the Enterprise plan” set', () => {
  it('offers Reply, Quote and Block through Perch, mention or not', async () => {
    await enterprisePlanItem.setValue(true);
    expect((await post(SEED_POSTS.gracePhoto)).rules).toEqual({ reply: 'perch', quote: 'perch', block: 'perch' });
    expect((await profileContext(async () => client, ADA_ID, 'gracehop', emu.state.now())).rules).toEqual({ block: 'perch' });
  });
});

describe('summonsOf', () => {
  const quote = (refs: XPost['referenced_tweets']): XPost => ({ id: '1', text: 'x', author_id: GRACE_ID, referenced_tweets: refs });
  const user = (id: string): XUser => ({ id, name: id, username: `u${id}` });

  it('takes mentions from entities and from a long post’s note_tweet', () => {
    const p = {
      id: '1',
      text: 'hi @Ada',
      entities: { mentions: [{ start: 3, end: 7, username: 'Ada', id: ADA_ID }] },
      note_tweet: { text: 'hi @Ada … @Late', entities: { mentions: [{ start: 300, end: 305, username: 'Late' }] } },
    } as XPost;
    expect(summonsOf(p, { users: [], tweets: [] })).toEqual({ mentionIds: [ADA_ID], mentionUsernames: ['ada', 'late'] });
  });

  it('names the quoted author: the one other user, the author quoting themselves, or the quoted post in includes', () => {
    const quoted = [{ type: 'quoted', id: '9' }];
    expect(summonsOf(quote(quoted), { users: [user(GRACE_ID), user(ADA_ID)], tweets: [] }).quotedAuthorId).toBe(ADA_ID);
    expect(summonsOf(quote(quoted), { users: [user(GRACE_ID)], tweets: [] }).quotedAuthorId).toBe(GRACE_ID);
    const both = [...quoted, { type: 'replied_to', id: '8' }];
    expect(summonsOf(quote(both), { users: [user(GRACE_ID), user(ADA_ID)], tweets: [] }).quotedAuthorId).toBeUndefined();
    const inIncludes = { id: '9', text: 'q', author_id: ADA_ID };
    expect(summonsOf(quote(both), { users: [user(GRACE_ID), user(ADA_ID), user('7')], tweets: [inIncludes] }).quotedAuthorId).toBe(ADA_ID);
  });
});

describe('following a protected account', () => {
  const outbox = () => new Outbox({ defs: ACTIONS, clientFor: async () => client, wakeAt: () => undefined, now: () => emu.state.now() });
  const profile = (now = emu.state.now()) => profileContext(async () => client, ADA_ID, KJOHNSON.username, now);

  it('shows Requested, never following, from the moment it is asked until the account approves', async () => {
    const before = await profile();
    expect(before.user).toMatchObject({ following: false, followRequested: false, protected: true });
    const box = outbox();
    await box.enqueue(ADA_ID, 'follow', { userId: KJOHNSON.id, username: KJOHNSON.username });
    expect((await profile()).user).toMatchObject({ following: false, followRequested: true });
    await box.kick(ADA_ID);
    await box.idle(ADA_ID);
    expect(emu.state.pendingFollows.get(ADA_ID)?.has(KJOHNSON.id)).toBe(true);
    expect((await profile()).user).toMatchObject({ following: false, followRequested: true });
    const done = await db().actions.where('accountId').equals(ADA_ID).last();
    expect(done).toMatchObject({ type: 'follow', state: 'done', result: { following: false, pendingFollow: true } });
    // X documents no API way to withdraw a request: no Undo.
    await expect(box.undo(ADA_ID, done!.seq!)).rejects.toMatchObject({ kind: 'cannot-undo', replyWords: { kind: 'undo-impossible' } });

    // Read again the next day: X's connection_status says follow_request_sent, still Requested.
    await db().following.clear();
    expect((await profile(emu.state.now() + DAY)).user).toMatchObject({ following: false, followRequested: true });
    // The account approves: the next read shows following.
    emu.state.pendingFollows.get(ADA_ID)!.delete(KJOHNSON.id);
    emu.state.relation(emu.state.following, ADA_ID).add(KJOHNSON.id);
    expect((await profile(emu.state.now() + 2 * DAY)).user).toMatchObject({ following: true, followRequested: false });
  });

  it('keeps a follow still waiting in the outbox as Requested when X’s answer is read meanwhile', async () => {
    await profile();
    await followWaiting(KJOHNSON, emu.state.now() + DAY);
    expect((await profile(emu.state.now() + DAY)).user).toMatchObject({ following: false, followRequested: true });
  });

  it('shows a follow X confirms at once as following', async () => {
    const target = CROWD_USER_IDS[30]!; // public, not followed
    const box = outbox();
    await box.enqueue(ADA_ID, 'follow', { userId: target, username: 'someone' });
    await box.kick(ADA_ID);
    await box.idle(ADA_ID);
    expect(emu.state.following.get(ADA_ID)?.has(target)).toBe(true);
    expect(await db().following.get([ADA_ID, target])).toMatchObject({ userId: target });
    expect((await db().following.get([ADA_ID, target]))?.pending).toBeUndefined();
  });
});

describe('the popup’s read of a bookmarked post', () => {
  it('keeps the quoted post and replied-to user a bookmark sync stored (its own read does not expand them), and takes X’s media', async () => {
    const id = SEED_POSTS.gracePhoto;
    const yesterday = new Date(emu.state.now() - DAY).toISOString();
    const media = [{ key: '3_1', type: 'photo' as const, url: 'https://pbs.twimg.com/media/a.jpg', alt: 'A photo' }];
    const quoted = { id: SEED_POSTS.adaHello, text: 'Hello', urls: [] };
    await db().posts.put({
      accountId: ADA_ID,
      id,
      text: 'old text',
      authorId: GRACE_ID,
      urls: [],
      mediaCount: 1,
      media,
      quoted,
      replyTo: { userId: ADA_ID, username: 'adaperch' },
      seenAt: yesterday,
    });
    await post(id);
    expect(lookups()).toHaveLength(1);
    const stored = await db().posts.get([ADA_ID, id]);
    expect(stored?.seenAt).not.toBe(yesterday);
    expect(stored).toMatchObject({ quoted, replyTo: { userId: ADA_ID, username: 'adaperch' } });
    // The read expands the post's media (with X's alt text, for the card), so X's answer replaces what was stored.
    expect(stored?.media).toEqual([expect.objectContaining({ type: 'photo', altText: GRACE_PHOTO_ALT })]);
    expect(stored?.media).not.toEqual(media);
  });
});
