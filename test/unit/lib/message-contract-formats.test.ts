import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LIST_NAME_MAX } from '@/lib/limits';
import { parseRequest } from '@/lib/message-contract';

/**
 * The contract checks base64, UUIDs and list names with plain patterns rather than zod's z.base64(), z.uuid() and a
 * refinement (issue 13: each of those zod features is code the background loads on every start for one field). It
 * must take exactly what they take.
 */
const takes = (request: Record<string, unknown>) => parseRequest(request) !== undefined;

const image = (data: string) =>
  takes({ type: 'draft.attachImage', accountId: '1', context: 'compose', name: 'a.png', mediaType: 'image/png', data });
const draftWith = (id: string) =>
  takes({ type: 'draft.save', accountId: '1', context: 'compose', seq: 0, posts: [{ text: '', mediaIds: [id], alts: { [id]: 'a cat' } }] });
const listNamed = (name: string) => takes({ type: 'action.do', accountId: '1', action: { type: 'list.create', params: { name } } });

const BASE64 = [
  '',
  'AAAA',
  'AA==',
  'AAA=',
  'Zm9vYg==',
  'Zm9vYmE=',
  'Zm9vYmFy',
  '+/+/',
  'AAAAAA==',
  'A===',
  '====',
  'AAAAA',
  'AAAAA===',
  'AA A',
  'AA=A',
  'AB\nC',
  'QUJ-',
  'QUJ_',
  'AAAA====',
];
const UUIDS = [
  crypto.randomUUID(),
  crypto.randomUUID().toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '9b2f6c1e-1d3a-7c4b-8e5f-0a1b2c3d4e5f',
  '9b2f6c1e-1d3a-0c4b-8e5f-0a1b2c3d4e5f',
  '9b2f6c1e-1d3a-9c4b-8e5f-0a1b2c3d4e5f',
  '9b2f6c1e-1d3a-4c4b-ce5f-0a1b2c3d4e5f',
  '9b2f6c1e1d3a4c4b8e5f0a1b2c3d4e5f',
  '{9b2f6c1e-1d3a-4c4b-8e5f-0a1b2c3d4e5f}',
  '9b2f6c1e-1d3a-4c4b-8e5f-0a1b2c3d4e5fa',
  'g b2f6c1e-1d3a-4c4b-8e5f-0a1b2c3d4e5f',
  '',
];

describe('the message contract checks formats as zod would', () => {
  it('takes an image exactly when its data is base64 as zod reads it', () => {
    for (const data of BASE64) expect(image(data), JSON.stringify(data)).toBe(z.base64().safeParse(data).success);
  });

  it('takes an image id exactly when zod reads it as a UUID', () => {
    for (const id of UUIDS) expect(draftWith(id), id).toBe(z.uuid().safeParse(id).success);
  });

  it(`takes a list name of 1 to ${LIST_NAME_MAX} characters once trimmed, an emoji counting one`, () => {
    const names = ['', '   ', 'a', ' a ', 'x'.repeat(LIST_NAME_MAX), 'x'.repeat(LIST_NAME_MAX + 1), '😀'.repeat(LIST_NAME_MAX)];
    names.push(
      '😀'.repeat(LIST_NAME_MAX + 1),
      '\uD800'.repeat(LIST_NAME_MAX),
      `a\n${'b'.repeat(LIST_NAME_MAX - 2)}`,
      `${'x'.repeat(LIST_NAME_MAX)}  `,
    );
    for (const name of names) {
      const length = [...name.trim()].length;
      expect(listNamed(name), JSON.stringify(name)).toBe(length >= 1 && length <= LIST_NAME_MAX);
    }
  });

  it('takes only the words a field lists (collections, video types, what to keep, action types)', () => {
    const sync = (collection: string) => takes({ type: 'sync.run', accountId: '1', collection });
    expect(['bookmarks', 'bookmarkFolders', 'lists', 'muted', 'blocked'].every(sync)).toBe(true);
    expect(['Bookmarks', 'bookmarks ', '', 'toString', '__proto__', 'likes'].some(sync)).toBe(false);
    const signOut = (keep: unknown) => takes({ type: 'auth.signOut', accountId: '1', keep });
    expect(signOut([])).toBe(true);
    expect(signOut(['constructor'])).toBe(false);
    const action = (type: string) => takes({ type: 'action.do', accountId: '1', action: { type, params: { postId: '2' } } });
    expect(action('like')).toBe(true);
    expect(action('mute')).toBe(false);
    expect(action('hasOwnProperty')).toBe(false);
  });
});
