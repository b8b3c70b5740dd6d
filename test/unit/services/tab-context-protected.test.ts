import { describe, expect, it } from 'vitest';
import { tabErrorText } from '@/entrypoints/popup/tab-error-text';
import { postContext } from '@/lib/services/tab-context';
import { postMissing } from '@/lib/services/tab-read';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { client, emu, withSignedInAda } from './world';

/**
 * The popup's own read of the post in the tab (getPostsById, `?ids=`). X answers a post it will not give with 200 and
 * the post's entry in `errors`: not-authorized-for-resource for a protected account's post the account does not follow
 * ("No access to private/protected content", x-api--fundamentals--response-codes-and-errors; x-api--posts--lookup--
 * integrate, "Deleted or protected Posts"), resource-not-found for a deleted one. The popup says which, never "it may
 * have been deleted" of a post X only refused to show.
 */

withSignedInAda();

const FALLBACK = 'Perch could not load this post.';
const read = async (postId: string) => {
  const ctx = await postContext(async () => client, ADA_ID, postId, emu.state.now());
  expect(ctx.post).toBeNull();
  return tabErrorText(ctx.error, FALLBACK);
};
const DETAIL = `Sorry, you are not authorized to see the Post with id: [${SEED_POSTS.kjohnsonProtected}].`;
const HEDGED = 'X could not find this post: it may have been deleted, or its account is protected.';
const PROBLEMS = 'https://api.twitter.com/2/problems/';
const ID = '1460323737035677698';
const NOT_FOUND = {
  value: ID,
  resource_id: ID,
  resource_type: 'tweet',
  parameter: 'ids',
  title: 'Not Found Error',
  detail: 'Could not find tweet.',
};
const UNAUTHORIZED = {
  ...NOT_FOUND,
  type: `${PROBLEMS}not-authorized-for-resource`,
  title: 'Authorization Error',
  detail: `Sorry, you are not authorized to see the Post with id: [${ID}].`,
};

describe('the popup, for a post X does not give', () => {
  it('says X does not let the person see a protected account’s post, X’s words quoted, not that it may be deleted', async () => {
    const text = await read(SEED_POSTS.kjohnsonProtected);
    expect(text).toBe(`X does not let you see this post: its account is protected. X said: “\u2068${DETAIL}\u2069”`);
    expect(text).not.toContain('deleted');
  });

  it('says so in Japanese to a Japanese reader', async () => {
    const ctx = await postContext(async () => client, ADA_ID, SEED_POSTS.kjohnsonProtected, emu.state.now());
    readInJapanese();
    expect(tabErrorText(ctx.error, FALLBACK)).toMatch(/^このポストは非公開アカウントのものなので、Xが表示を許可していません。/);
  });

  // X answers a deleted post and a protected account's alike with an `errors` entry, its example an untyped "Not Found
  // Error" (x-api--posts--lookup--integrate, "Deleted or protected Posts"): only not-authorized-for-resource is sure.
  it('says a post X could not find may have been deleted, or its account be protected', async () => {
    const text = await read('1999999999999999999');
    expect(text).toBe(HEDGED);
  });

  it.each([
    [
      'untyped, as X’s own example',
      [{ resource_id: ID, resource_type: 'tweet', title: 'Not Found Error', detail: `Could not find tweet with id: [${ID}].` }],
    ],
    ['typed resource-not-found', [{ ...NOT_FOUND, type: `${PROBLEMS}resource-not-found` }]],
    ['an untyped Authorization Error', [{ ...NOT_FOUND, title: 'Authorization Error' }]],
    ['absent', []],
    ['not-authorized-for-resource about another post only', [NOT_FOUND, { ...UNAUTHORIZED, resource_id: '20', value: '20' }]],
  ])('hedges when X’s error about the post is %s', (_, errors) => {
    expect(tabErrorText(postMissing(errors, ID), FALLBACK)).toBe(HEDGED);
  });

  it('says protected, X’s words quoted, only for not-authorized-for-resource about the post', () => {
    expect(tabErrorText(postMissing([UNAUTHORIZED], ID), FALLBACK)).toBe(
      `X does not let you see this post: its account is protected. X said: “\u2068${UNAUTHORIZED.detail}\u2069”`,
    );
  });
});
