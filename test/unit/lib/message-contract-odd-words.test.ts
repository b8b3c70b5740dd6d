import { describe, expect, it, vi } from 'vitest';
import { handle, type Handlers } from '@/lib/message-contract';

/**
 * An action's `username` and `listName` only word it ("Mute @ada", "Delete “Reading”"): the screens send what X told
 * them. X answering a name outside its own bounds (a username over 15 characters or with a hyphen, a List name of
 * hundreds of characters) must not cost the person the action: before, every such request was answered "Perch did
 * not understand that request" and the account could not be unmuted, the List not deleted, the bookmark not tagged.
 * Now the request goes through without the words, and the action is worded without them.
 */

const ACCOUNT = '2244994945';
const USER = '1585841080431321088';
const LIST = '1880000000000000001';
const POST = '1880000000000000002';
const LONG_NAME = 'Reading list '.repeat(40);

/** Handlers that all answer null, recording what reached them. */
function recording() {
  const reached: unknown[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: () => vi.fn(async (request: unknown) => (reached.push(request), null)),
  });
  return { handlers, reached };
}

describe('an action named with words X sent out of its own bounds', () => {
  it.each([
    ['an unmute of a username of 16 characters', { type: 'unmute', params: { userId: USER, username: 'a'.repeat(16) } }],
    ['a block of a username with a hyphen', { type: 'block', params: { userId: USER, username: 'ada-lovelace' } }],
    ['a like of a post by a username of 40 characters', { type: 'like', params: { postId: POST, username: 'b'.repeat(40) } }],
    ['a List deleted under a name of 520 characters', { type: 'list.delete', params: { listId: LIST, listName: LONG_NAME } }],
    [
      'a member added to a List of such a name, under such a username',
      { type: 'list.addMember', params: { listId: LIST, listName: LONG_NAME, userId: USER, username: 'c'.repeat(20) } },
    ],
  ])('goes through without them: %s', async (_name, action) => {
    const { handlers, reached } = recording();
    const reply = await handle(handlers, { type: 'action.do', accountId: ACCOUNT, action });
    expect(reply).toEqual({ ok: true, data: null });
    const sent = reached[0] as { action: { type: string; params: Record<string, unknown> } };
    expect(sent.action.type).toBe(action.type);
    const { username: _u, listName: _l, ...ids } = action.params as Record<string, unknown>;
    expect(Object.fromEntries(Object.entries(sent.action.params).filter(([, v]) => v !== undefined))).toEqual(ids);
  });

  it('tags a bookmark whose author X named with a hyphen', async () => {
    const { handlers, reached } = recording();
    const reply = await handle(handlers, {
      type: 'bookmark.organise',
      accountId: ACCOUNT,
      postId: POST,
      username: 'ada-lovelace',
      tags: ['later'],
    });
    expect(reply).toEqual({ ok: true, data: null });
    expect(reached[0]).toMatchObject({ postId: POST, tags: ['later'] });
    expect((reached[0] as { username?: unknown }).username).toBeUndefined();
  });

  it('keeps the words when they are within bounds', async () => {
    const { handlers, reached } = recording();
    await handle(handlers, {
      type: 'action.do',
      accountId: ACCOUNT,
      action: { type: 'list.addMember', params: { listId: LIST, listName: 'Reading', userId: USER, username: 'ada' } },
    });
    expect(reached[0]).toMatchObject({ action: { params: { listName: 'Reading', username: 'ada' } } });
  });

  it.each([
    ['an account id that is not an X id', { type: 'unmute', params: { userId: 'ada', username: 'ada' } }],
    ['a new List name over 25 characters', { type: 'list.create', params: { name: 'n'.repeat(26) } }],
    ['a username that is not text', { type: 'mute', params: { userId: USER, username: 42 } }],
  ])('still refuses %s', async (_name, action) => {
    const { handlers, reached } = recording();
    const reply = await handle(handlers, { type: 'action.do', accountId: ACCOUNT, action });
    expect(reply).toEqual({ ok: false, error: { kind: 'bad-request', message: '' } });
    expect(reached).toEqual([]);
  });
});
