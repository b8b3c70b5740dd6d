import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, type DraftRow } from '@/lib/db';
import { clearAccount } from '@/lib/db/wipe';
import { reopenedComposer } from '@/lib/draft-param';
import { namedTarget } from '@/lib/popup-gate';
import { countDrafts, draftPlace, listDrafts, readDrafts, unnamedAuthors, unnamedPosts, withAuthors } from '@/lib/services/drafts';
import type { DraftSummary } from '@/lib/views';
import { touches, watchTables } from '@/lib/store-changes';
import { draftWindowUrl } from '@/lib/services/drafts-open';
import { draftContextText, draftFacts } from '@/components/manager/drafts/draft-words';
import { freshDb } from './support';

const ADA = '111';
const GRACE = '222';
const POST = '1460323737035677698';

/** The drafts as the Drafts tab lists them (DraftsView): the authors the drafts do not carry read apart. */
async function tabList(accountId: string): Promise<DraftSummary[]> {
  const { drafts } = await readDrafts(accountId);
  return withAuthors(drafts, await unnamedAuthors(accountId, unnamedPosts(drafts)));
}

function draft(accountId: string, context: string, updatedAt: string, extra: Partial<DraftRow> = {}): DraftRow {
  return {
    key: `${accountId}|${context}`,
    accountId,
    context,
    posts: [{ text: `text of ${context}`, mediaIds: [] }],
    publishedIds: [],
    state: 'editing',
    seq: 1,
    updatedAt,
    ...extra,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
});

describe('the drafts list', () => {
  it('lists one account’s drafts, the most recently changed first, and none of another account’s', async () => {
    await db().drafts.bulkPut([
      draft(ADA, 'compose', '2026-03-01T10:00:00.000Z'),
      draft(ADA, `reply:${POST}`, '2026-03-01T12:00:00.000Z', { replyToId: POST }),
      draft(ADA, 'share:https://www.example.com/a', '2026-03-01T11:00:00.000Z'),
      draft(GRACE, 'compose', '2026-03-01T13:00:00.000Z'),
      // A new text for a published post is listed too: once X's edit window closes, this is where it can be read.
      draft(ADA, 'edit:7', '2026-03-01T14:00:00.000Z'),
    ]);
    const list = await listDrafts(ADA);
    expect(list.map((d) => d.context)).toEqual(['edit:7', `reply:${POST}`, 'share:https://www.example.com/a', 'compose']);
    expect(draftContextText(list[0]!)).toBe('Edit of your post');
    expect((await listDrafts(GRACE)).map((d) => d.context)).toEqual(['compose']);
    expect(await listDrafts('333')).toEqual([]);
  });

  it('names the author of the post replied to or quoted when Perch has seen it, and the shared page’s host', async () => {
    await db().users.put({ accountId: ADA, id: GRACE, name: 'Grace', username: 'gracehop', seenAt: '2026-03-01T08:00:00.000Z' });
    await db().posts.put({
      accountId: ADA,
      id: POST,
      text: 'COBOL',
      authorId: GRACE,
      urls: [],
      mediaCount: 0,
      seenAt: '2026-03-01T08:00:00.000Z',
    });
    await db().drafts.bulkPut([
      draft(ADA, `reply:${POST}`, '2026-03-01T12:00:00.000Z', { replyToId: POST }),
      draft(ADA, 'quote:42', '2026-03-01T11:00:00.000Z', { quoteId: '42' }),
      draft(ADA, 'share:https://www.example.com/a', '2026-03-01T10:00:00.000Z'),
      draft(ADA, 'compose', '2026-03-01T09:00:00.000Z'),
    ]);
    const words = (await tabList(ADA)).map(draftContextText);
    expect(words).toEqual(['Reply to @gracehop', 'Quote of a post', 'Sharing example.com', 'New post']);
  });

  it('says “Reply to a post” when the stored @username of the post’s author is not one', async () => {
    await db().users.bulkPut([
      { accountId: ADA, id: GRACE, name: 'Grace', username: 42, seenAt: '2026-03-01T08:00:00.000Z' } as never,
      { accountId: ADA, id: '333', name: 'Alan', username: 'Alan Turing', seenAt: '2026-03-01T08:00:00.000Z' },
    ]);
    const post = { accountId: ADA, text: 'COBOL', urls: [], mediaCount: 0, seenAt: '2026-03-01T08:00:00.000Z' };
    await db().posts.bulkPut([
      { ...post, id: POST, authorId: GRACE },
      { ...post, id: '43', authorId: '333' },
    ]);
    await db().drafts.bulkPut([
      draft(ADA, `reply:${POST}`, '2026-03-01T12:00:00.000Z', { replyToId: POST }),
      draft(ADA, 'quote:43', '2026-03-01T11:00:00.000Z', { quoteId: '43' }),
    ]);
    expect((await tabList(ADA)).map(draftContextText)).toEqual(['Reply to a post', 'Quote of a post']);
  });

  it('counts a draft’s posts and images, and joins its text', async () => {
    await db().drafts.put(
      draft(ADA, 'compose', '2026-03-01T10:00:00.000Z', {
        posts: [
          { text: 'one', mediaIds: ['m1', 'm2'] },
          { text: 'two', mediaIds: [] },
        ],
      }),
    );
    const blob = new Blob([new Uint8Array(4)]);
    await db().draftMedia.bulkPut([
      { id: 'm1', draftKey: `${ADA}|compose`, name: 'a.png', type: 'image/png', size: 4, blob },
      { id: 'm2', draftKey: `${ADA}|compose`, name: 'b.png', type: 'image/png', size: 4, blob },
      { id: 'm3', draftKey: `${GRACE}|compose`, name: 'c.png', type: 'image/png', size: 4, blob },
    ]);
    const [only] = await listDrafts(ADA);
    expect(only).toMatchObject({ kind: 'compose', text: 'one\n\ntwo', postCount: 2, mediaCount: 2 });
    expect(draftFacts(only!)).toBe('2 posts, a thread · 2 images or videos');
    expect(draftFacts({ postCount: 1, mediaCount: 0 })).toBe('');
  });

  it('previews only the posts that have words: no blank lines where an empty post is', async () => {
    const blob = new Blob([new Uint8Array(4)]);
    await db().drafts.bulkPut([
      // A thread whose first post is an image alone and whose second is spaces: its preview starts with its words.
      draft(ADA, 'compose', '2026-03-01T10:00:00.000Z', {
        posts: [
          { text: '', mediaIds: ['m1'] },
          { text: '  \n', mediaIds: [] },
          { text: 'the words', mediaIds: [] },
          { text: 'more words', mediaIds: [] },
        ],
      }),
      // Only empty posts: no words to preview; the tab says "(no text)" and what the draft has.
      draft(ADA, `reply:${POST}`, '2026-03-01T12:00:00.000Z', {
        replyToId: POST,
        posts: [
          { text: '', mediaIds: ['m2'] },
          { text: '', mediaIds: [] },
        ],
      }),
    ]);
    await db().draftMedia.bulkPut([
      { id: 'm1', draftKey: `${ADA}|compose`, name: 'a.png', type: 'image/png', size: 4, blob },
      { id: 'm2', draftKey: `${ADA}|reply:${POST}`, name: 'b.png', type: 'image/png', size: 4, blob },
    ]);
    const [empty, thread] = await listDrafts(ADA);
    expect(thread).toMatchObject({ text: 'the words\n\nmore words', postCount: 4 });
    expect(empty).toMatchObject({ text: '', postCount: 2, mediaCount: 1 });
    expect(draftFacts(empty!)).toBe('2 posts, a thread · 1 image or video');
  });

  it.each([
    ['compose', { kind: 'compose' }],
    [`reply:${POST}`, { kind: 'reply', postId: POST }],
    ['quote:7', { kind: 'quote', postId: '7' }],
    ['share:https://example.com/x?y=1', { kind: 'share', url: 'https://example.com/x?y=1' }],
    ['reply:not-an-id', undefined],
    ['edit:7', { kind: 'edit', postId: '7' }],
    ['edit:x', undefined],
  ])('reads the context %s as %o', (context, place) => {
    expect(draftPlace(context)).toEqual(place);
  });
});

describe('reopening a draft', () => {
  it('aims a reply at its post with a one-time grant and the reply composer, a plain draft at the popup itself', async () => {
    await db().drafts.bulkPut([
      draft(ADA, `reply:${POST}`, '2026-03-01T12:00:00.000Z', { replyToId: POST }),
      draft(ADA, 'compose', '2026-03-01T11:00:00.000Z'),
      draft(ADA, 'share:https://example.com/a', '2026-03-01T10:00:00.000Z'),
    ]);
    const reply = await draftWindowUrl(ADA, `reply:${POST}`);
    const target = namedTarget(reply);
    expect(target?.url).toBe(`https://x.com/i/status/${POST}`);
    expect(target?.grant).toMatch(/^[0-9a-f-]{36}$/);
    expect(reopenedComposer(new URL(reply).search)).toBe('reply');
    expect(namedTarget(await draftWindowUrl(ADA, 'share:https://example.com/a'))?.url).toBe('https://example.com/a');
    const plain = await draftWindowUrl(ADA, 'compose');
    expect(namedTarget(plain)).toBeUndefined();
    expect(plain).toMatch(/\/popup\.html$/);
  });

  it('aims an edit at the post itself, where Edit post brings the text back while X allows it', async () => {
    await db().drafts.put(draft(ADA, `edit:${POST}`, '2026-03-01T12:00:00.000Z'));
    const edit = await draftWindowUrl(ADA, `edit:${POST}`);
    expect(namedTarget(edit)?.url).toBe(`https://x.com/i/status/${POST}`);
    expect(reopenedComposer(new URL(edit).search)).toBeUndefined();
  });

  it('refuses a draft the account does not have', async () => {
    await db().drafts.put(draft(GRACE, 'compose', '2026-03-01T11:00:00.000Z'));
    await expect(draftWindowUrl(ADA, 'compose')).rejects.toMatchObject({ kind: 'no-draft' });
  });
});

describe('signing out with drafts', () => {
  it('deletes the account’s drafts and their images unless the person keeps them', async () => {
    const blob = new Blob([new Uint8Array(4)]);
    const seed = async () => {
      await db().drafts.bulkPut([draft(ADA, 'compose', '2026-03-01T10:00:00.000Z'), draft(GRACE, 'compose', '2026-03-01T10:00:00.000Z')]);
      await db().draftMedia.put({ id: 'm1', draftKey: `${ADA}|compose`, name: 'a.png', type: 'image/png', size: 4, blob });
    };
    await seed();
    await clearAccount(db(), ADA, { now: Date.now(), keep: ['drafts'] });
    expect(await listDrafts(ADA)).toMatchObject([{ context: 'compose', mediaCount: 1 }]);
    await clearAccount(db(), ADA, { now: Date.now() });
    expect(await listDrafts(ADA)).toEqual([]);
    expect(await db().draftMedia.count()).toBe(0);
    expect(await listDrafts(GRACE)).toHaveLength(1);
  });
});

describe('the popup’s drafts count', () => {
  it('counts what the Drafts tab lists, of that account only', async () => {
    await db().drafts.bulkPut([
      draft(ADA, 'compose', '2026-03-01T10:00:00.000Z'),
      draft(ADA, `reply:${POST}`, '2026-03-01T12:00:00.000Z', { replyToId: POST }),
      // A context this version does not know is not listed, so not counted either.
      draft(ADA, 'someday:1', '2026-03-01T12:00:00.000Z'),
      draft(GRACE, 'compose', '2026-03-01T13:00:00.000Z'),
    ]);
    expect(await countDrafts(ADA)).toBe((await listDrafts(ADA)).length);
    expect(await countDrafts(ADA)).toBe(2);
    expect(await countDrafts('333')).toBe(0);
  });

  it('hears each write of the drafts from another page, so the count re-reads', async () => {
    const heard: string[] = [];
    const stop = watchTables(['drafts'], () => heard.push('drafts'));
    try {
      await db().drafts.put(draft(ADA, 'compose', '2026-03-01T10:00:00.000Z'));
      await expect.poll(() => heard.length).toBe(1);
      await db().drafts.delete(`${ADA}|compose`);
      await expect.poll(() => heard.length).toBe(2);
    } finally {
      stop();
    }
  });

  it.each([
    [{ 'idb://perch/drafts/accountId': {} }, true],
    [{ 'idb://perch/drafts/': {}, 'idb://perch/posts/': {} }, true],
    [{ 'idb://perch/actions/[accountId+seq]': {} }, false],
    [{ all: {} }, true],
    [null, false],
    ['drafts', false],
  ])('reads Dexie’s news %j as touching the drafts: %s', (parts, touched) => {
    expect(touches(parts, ['drafts'])).toBe(touched);
  });
});
