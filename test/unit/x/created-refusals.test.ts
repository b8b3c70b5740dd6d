import { describe, expect, it } from 'vitest';
import { createList } from '@/lib/x/lists';
import { createPost, deletePost } from '@/lib/x/posts';
import { getMe } from '@/lib/x/users';
import type { XClient } from '@/lib/x/client';
import { xProblem } from './problems';
import { BIG_ID, ok, scripted, xErrorOf } from './support';

/**
 * Answers whose `data` X's description makes optional (ListCreateResponse, TweetCreateResponse, TweetDeleteResponse,
 * Get2UsersMeResponse): a 200 with only `errors` is X saying why it did not, quoted as X's — not an answer Perch
 * could not read, which the outbox would send again.
 */
const TOO_MANY = { type: 'about:blank', title: 'Forbidden', detail: 'You cannot create more Lists.' };
const DUPLICATE = { type: 'about:blank', title: 'Forbidden', detail: 'You are not allowed to create a Tweet with duplicate content.' };
const GONE = xProblem('resource-not-found', `Could not find tweet with id: [${BIG_ID}].`);
const NOT_YOURS = xProblem('not-authorized-for-resource', 'You are not allowed to delete this Tweet.');
const SUSPENDED = xProblem('not-authorized-for-resource', 'This account is suspended.');

describe('a 200 with only errors', () => {
  it.each<[string, (c: XClient) => Promise<unknown>, { detail: string }, string]>([
    ['a new List', (c) => createList(c, { name: 'Birds' }), TOO_MANY, 'invalid-request'],
    ['a new post', (c) => createPost(c, { text: 'Hello' }), DUPLICATE, 'invalid-request'],
    ['a deleted post', (c) => deletePost(c, BIG_ID), NOT_YOURS, 'forbidden'],
    ['the signed-in account', (c) => getMe(c), SUSPENDED, 'forbidden'],
  ])("refuses %s with X's words, asked once", async (_what, call, problem, kind) => {
    const { client, sent } = scripted(ok({ errors: [problem] }));
    const error = await xErrorOf(call(client));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(/^X .*X said: “.*”$/);
    expect(error.message).toContain(problem.detail);
    expect(sent).toHaveLength(1);
  });

  it('is still malformed with neither data nor errors', async () => {
    const { client } = scripted(ok({}), ok({}), ok({}));
    expect((await xErrorOf(createList(client, { name: 'Birds' }))).kind).toBe('malformed');
    expect((await xErrorOf(createPost(client, { text: 'Hello' }))).kind).toBe('malformed');
    expect((await xErrorOf(getMe(client))).kind).toBe('malformed');
  });
});

describe('deletePost reads its answer as every manage write does', () => {
  it("refuses deleted:false with X's words beside it", async () => {
    const { client } = scripted(ok({ data: { deleted: false }, errors: [GONE] }));
    expect((await xErrorOf(deletePost(client, BIG_ID))).kind).toBe('not-found');
  });
});
