/**
 * A stored draft row this version cannot read (an older shape, or damaged) breaks nothing else: the Drafts tab lists
 * every other draft, the composer on its place starts afresh and saves what is typed. Through the background's
 * message handlers, as the screens ask.
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

describe.each(['posts', 'publishedIds'] as const)('a stored draft without %s', (field) => {
  it('is left out of the drafts list and its count, which show the other draft, and stays stored', async () => {
    await storeWithout(field);
    const list = await handle(handlers, { type: 'drafts.list', accountId: ADA });
    expect(list.ok).toBe(true);
    expect((shown(list) as { context: string }[]).map((d) => d.context)).toEqual(['compose']);
    expect(shown(await handle(handlers, { type: 'drafts.count', accountId: ADA }))).toBe(1);
    expect(await db().drafts.count()).toBe(2);
  });

  it('opens the composer on its place afresh, with no error to show, and saves what is typed there', async () => {
    await storeWithout(field);
    const context = `reply:${POST}`;
    expect(await handle(handlers, { type: 'draft.get', accountId: ADA, context })).toEqual({ ok: true, data: null });
    const save = { type: 'draft.save', accountId: ADA, context, seq: 1, posts: [{ text: 'typed again', mediaIds: [] }], replyToId: POST };
    expect(await handle(handlers, save)).toEqual({ ok: true, data: { saved: true } });
    const draft = shown(await handle(handlers, { type: 'draft.get', accountId: ADA, context })) as { posts: { text: string }[] };
    expect(draft.posts.map((p) => p.text)).toEqual(['typed again']);
    const list = shown(await handle(handlers, { type: 'drafts.list', accountId: ADA })) as { context: string }[];
    expect(list.map((d) => d.context).sort()).toEqual(['compose', context].sort());
  });
});
