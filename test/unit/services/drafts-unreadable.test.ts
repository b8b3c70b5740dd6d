/**
 * A stored draft row this version cannot read as it is (an older shape, or damaged) is read as far as it reads: the
 * Drafts tab lists and counts it beside every other draft, and the composer on its place opens on its text, so no
 * first save writes over it unseen. Through the background's message handlers, as the screens ask.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { Services } from '@/entrypoints/background/services';
import { db, type DraftRow } from '@/lib/db';
import { handle, type Reply } from '@/lib/message-contract';
import { freshDb } from './support';

const ADA = '1585841080431321088';
const POST = '1460323737035677698';
const handlers = createHandlers({} as Services);

/** What the screen shows for a reply: its data, or the failure in the reader's words. */
const shown = (reply: Reply<unknown>): unknown => (reply.ok ? reply.data : errorText(reply.error));

function row(context: string, updatedAt: string): DraftRow {
  return {
    key: `${ADA}|${context}`,
    accountId: ADA,
    context,
    posts: [{ text: `text of ${context}`, mediaIds: [] }],
    publishedIds: [],
    state: 'editing',
    seq: 1,
    updatedAt,
  };
}

/** A stored row of the reply's place without `field`, as an older version or damage leaves it. */
async function storeWithout(field: 'posts' | 'publishedIds'): Promise<void> {
  const { [field]: _left, ...rest } = row(`reply:${POST}`, '2026-03-01T12:00:00.000Z');
  await db().drafts.bulkPut([rest as DraftRow, row('compose', '2026-03-01T10:00:00.000Z')]);
}

beforeEach(freshDb);

describe('a stored draft without its posts', () => {
  it('is listed and counted beside the other draft, so the person sees it is there', async () => {
    await storeWithout('posts');
    const list = await handle(handlers, { type: 'drafts.list', accountId: ADA });
    expect((shown(list) as { context: string }[]).map((d) => d.context)).toEqual([`reply:${POST}`, 'compose']);
    expect(shown(await handle(handlers, { type: 'drafts.count', accountId: ADA }))).toBe(2);
  });

  it('opens the composer on its place empty, and saves what is typed there', async () => {
    await storeWithout('posts');
    const context = `reply:${POST}`;
    const opened = shown(await handle(handlers, { type: 'draft.get', accountId: ADA, context })) as { posts: { text: string }[] };
    expect(opened.posts.map((p) => p.text)).toEqual(['']);
    const save = { type: 'draft.save', accountId: ADA, context, seq: 1, posts: [{ text: 'typed again', mediaIds: [] }], replyToId: POST };
    expect(await handle(handlers, save)).toEqual({ ok: true, data: { saved: true } });
    const draft = shown(await handle(handlers, { type: 'draft.get', accountId: ADA, context })) as { posts: { text: string }[] };
    expect(draft.posts.map((p) => p.text)).toEqual(['typed again']);
  });
});

describe('a stored draft whose text reads but whose rest does not', () => {
  const context = `reply:${POST}`;

  it('opens the composer on its text, and lists and counts it', async () => {
    await storeWithout('publishedIds');
    const opened = shown(await handle(handlers, { type: 'draft.get', accountId: ADA, context })) as { posts: { text: string }[] };
    expect(opened.posts.map((p) => p.text)).toEqual([`text of ${context}`]);
    const list = shown(await handle(handlers, { type: 'drafts.list', accountId: ADA })) as { context: string }[];
    expect(list.map((d) => d.context)).toEqual([context, 'compose']);
    expect(shown(await handle(handlers, { type: 'drafts.count', accountId: ADA }))).toBe(2);
  });
});

describe('a stored thread draft with a post whose text is not text', () => {
  const context = `reply:${POST}`;
  const image = (id: string) => ({
    id,
    draftKey: `${ADA}|${context}`,
    name: `${id}.png`,
    type: 'image/png',
    size: 4,
    blob: new Blob(['png!']),
  });
  const M1 = '00000000-0000-4000-8000-000000000001';
  const M2 = '00000000-0000-4000-8000-000000000002';
  const M3 = '00000000-0000-4000-8000-000000000003';
  type Opened = { posts: { text: string; media: { id: string }[] }[] };

  async function storeThread(): Promise<void> {
    await db().drafts.put({
      ...row(context, '2026-03-01T12:00:00.000Z'),
      posts: [
        { text: 'first words', mediaIds: [M1] },
        { text: 42, mediaIds: [M2, M3] },
        { text: 'last words', mediaIds: [] },
      ],
    } as never);
    await db().draftMedia.bulkPut([image(M1), image(M2), image(M3)]);
  }

  it('opens with that post in its place, empty, with its images', async () => {
    await storeThread();
    const opened = shown(await handle(handlers, { type: 'draft.get', accountId: ADA, context })) as Opened;
    expect(opened.posts.map((p) => p.text)).toEqual(['first words', '', 'last words']);
    expect(opened.posts.map((p) => p.media.map((m) => m.id))).toEqual([[M1], [M2, M3], []]);
  });

  it('keeps that post and its images when what was opened is saved again', async () => {
    await storeThread();
    const opened = shown(await handle(handlers, { type: 'draft.get', accountId: ADA, context })) as Opened;
    // As the composer saves what it opened, with the last post typed on.
    const posts = opened.posts.map((p, i) => ({ text: i === 2 ? 'last words, typed on' : p.text, mediaIds: p.media.map((m) => m.id) }));
    const save = { type: 'draft.save', accountId: ADA, context, seq: 2, posts, replyToId: POST };
    expect(await handle(handlers, save)).toEqual({ ok: true, data: { saved: true } });
    const draft = shown(await handle(handlers, { type: 'draft.get', accountId: ADA, context })) as Opened;
    expect(draft.posts.map((p) => p.text)).toEqual(['first words', '', 'last words, typed on']);
    expect(draft.posts.map((p) => p.media.map((m) => m.id))).toEqual([[M1], [M2, M3], []]);
    expect((await db().draftMedia.toArray()).map((m) => m.id).sort()).toEqual([M1, M2, M3]);
  });
});
