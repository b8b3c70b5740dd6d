/**
 * Every answer X's OpenAPI description allows for the operations Perch calls, generated from the description
 * (test/openapi/contract.ts `responseSchema`, ../shared/x-openapi) and fed through the real client and resource
 * functions with a fake fetch. The description marks almost nothing required, so each operation says which fields
 * Perch NEEDS (X's default fields: a post's `id` and `text`, a folder's `id` and `name`, a write's state flag…):
 *
 * - an answer carrying them is read, whatever else is absent or added (optional fields absent or present, fields
 *   the description does not name, `includes` and `errors` present or not), and the result is what X sent;
 * - an answer lacking one is refused with XApiError 'malformed' (or 'not-found' for a lookup X answered with
 *   only `errors`, and the refusal its errors name for a write answered so) — nothing is half-read; and an included object (`includes.tweets`, `includes.media`) lacking
 *   what Perch needs is left out, the rest of the page kept;
 * - nothing but XApiError is ever thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as blocks from '@/lib/x/blocks';
import * as bookmarks from '@/lib/x/bookmarks';
import type { XClient } from '@/lib/x/client';
import { XApiError, type XErrorKind } from '@/lib/x/errors';
import * as follows from '@/lib/x/follows';
import * as likes from '@/lib/x/likes';
import * as lists from '@/lib/x/lists';
import * as media from '@/lib/x/media';
import * as mutes from '@/lib/x/mutes';
import { X_OPERATIONS, operationOf } from '@/lib/x/operations';
import type { Page } from '@/lib/x/pages';
import * as posts from '@/lib/x/posts';
import * as users from '@/lib/x/users';
import { responseSchema, validateResponse } from '../../openapi/contract';
import { capturing, type Answer, type Captured } from './capture';
import { arbitraryFromSchema } from './schema-arbitrary';

const ME = '2244994945';
const OTHER = '1585841080431321088';
const POST = '1346889436626259968';
const OTHER_POST = '1346889436626259969';
const LIST = '1146654567674912769';
const MEDIA = '1880028106020515840';
const RUNS = 60;

type Body = Record<string, unknown>;

/**
 * Fields Perch needs at a place in the answer: `''` the answer itself, `data` an object, `data[]` each item of an
 * array. With `drop`, an item lacking them is left out rather than the answer refused.
 */
interface Need {
  at: string;
  fields: string[];
  drop?: boolean;
  /** The value the fields carry in answers made to carry them (a write's flag as asked). */
  is?: boolean;
}

type Check = (result: unknown, body: Body) => void;

interface Operation {
  operationId: string;
  call: (client: XClient) => Promise<unknown>;
  needs: Need[];
  check: Check;
  /** The outcome when it is not decided by the needs (media processing states). */
  outcome?: (body: Body) => XErrorKind | 'ok' | undefined;
  /** A lookup: X's 200 with only `errors` means not found. */
  lookup?: boolean;
  /** Answers for the other requests the call makes (the chunked upload's other steps). */
  others?: (req: Captured) => Answer;
  /**
   * How many objects of each kind the expansions the call asks for pull into `includes` for one item (none of a kind
   * not named): an answer holding more is refused as malformed (lib/x/includes-bound.ts). Absent: `includes` not read.
   */
  perItem?: Partial<Record<IncludedKind, number>>;
}

type IncludedKind = 'users' | 'tweets' | 'media' | 'polls' | 'places';
const INCLUDED_KINDS: IncludedKind[] = ['users', 'tweets', 'media', 'polls', 'places'];

// ---- what Perch needs, and what it must then return ----

const POST_NEEDS = ['id', 'text'];
/** A post read with X's default expansion, `author_id`: one user a post. */
const AUTHOR = { users: 1 };
/** An included post or media object Perch cannot use is left out; the page stays. */
const INCLUDES: Need[] = [
  { at: 'includes.tweets[]', fields: POST_NEEDS, drop: true },
  { at: 'includes.media[]', fields: ['media_key', 'type'], drop: true },
];

function at(body: unknown, path: string): unknown[] {
  if (path === '') return [body];
  let nodes: unknown[] = [body];
  for (const part of path.split('.')) {
    const many = part.endsWith('[]');
    const key = many ? part.slice(0, -2) : part;
    nodes = nodes.flatMap((n) => {
      const v = n && typeof n === 'object' ? (n as Body)[key] : undefined;
      if (many) return Array.isArray(v) ? v : [];
      return [v];
    });
  }
  return nodes;
}

const has = (o: unknown, fields: string[]) => !!o && typeof o === 'object' && fields.every((f) => (o as Body)[f] !== undefined);
const meets = (body: Body, needs: Need[]) => needs.filter((n) => !n.drop).every((n) => at(body, n.at).every((o) => has(o, n.fields)));
const ids = (items: unknown) => (Array.isArray(items) ? items.map((i) => (i as Body).id ?? (i as Body).media_key) : []);
const kept = (body: Body, path: string, fields: string[]) => ids(at(body, path).filter((o) => has(o, fields)));

function checkIncludes(page: Page<unknown>, body: Body): void {
  expect(ids(page.includes.users)).toEqual(ids(at(body, 'includes.users[]')));
  expect(ids(page.includes.tweets)).toEqual(kept(body, 'includes.tweets[]', POST_NEEDS));
  expect(ids(page.includes.media)).toEqual(kept(body, 'includes.media[]', ['media_key', 'type']));
}

/**
 * Whether an answer's `includes` hold more than its items pull in: `perItem` of a kind times the items (one for a
 * lookup's `data` object), counting the included posts and media Perch keeps (those it cannot use are left out first).
 */
function overIncludes(body: Body, perItem: Partial<Record<IncludedKind, number>>): boolean {
  const items = Array.isArray(body.data) ? body.data.length : body.data === undefined ? 0 : 1;
  const count: Record<IncludedKind, number> = {
    users: at(body, 'includes.users[]').length,
    tweets: kept(body, 'includes.tweets[]', POST_NEEDS).length,
    media: kept(body, 'includes.media[]', ['media_key', 'type']).length,
    polls: at(body, 'includes.polls[]').length,
    places: at(body, 'includes.places[]').length,
  };
  return INCLUDED_KINDS.some((k) => count[k] > items * (perItem[k] ?? 0));
}

/** An operation's outcome, with an answer whose `includes` hold more than its items pull in refused as malformed. */
function includesBounded(op: Operation): Operation {
  const { perItem, outcome } = op;
  if (!perItem) return op;
  return {
    ...op,
    outcome: (body) => {
      const decided = outcome?.(body);
      if (decided !== undefined && decided !== 'ok') return decided;
      const read = decided === 'ok' || meets(body, op.needs);
      if (read && overIncludes(body, perItem)) return 'malformed';
      return decided;
    },
  };
}

const pageCheck: Check = (result, body) => {
  const page = result as Page<unknown>;
  const data = (body.data as unknown[] | undefined) ?? [];
  expect(ids(page.items)).toEqual(ids(data));
  expect(page.partialErrors).toEqual(body.errors ?? []);
  const meta = body.meta as Body | undefined;
  expect(page.resultCount).toBe(meta?.result_count ?? data.length);
  // A next_token its operation would refuse back (lib/x/pages.ts `tokenRefused`, its bounds checked against X's
  // description in test/unit/services/page-token-bounds.test.ts) is not handed on.
  if (page.tokenRefused) expect([page.nextToken, typeof meta?.next_token]).toEqual([undefined, 'string']);
  else expect(page.nextToken).toBe(meta?.next_token);
  if ('includes' in page) checkIncludes(page, body);
};
const oneCheck: Check = (result, body) => expect((result as Body).id).toBe((body.data as Body).id);

const postPage = (call: Operation['call'], operationId: string, perItem: Operation['perItem'] = AUTHOR): Operation => ({
  operationId,
  call,
  needs: [{ at: 'data[]', fields: POST_NEEDS }, ...INCLUDES],
  check: pageCheck,
  perItem,
});
const userPage = (call: Operation['call'], operationId: string): Operation => ({
  operationId,
  call,
  needs: [{ at: 'data[]', fields: ['id', 'name', 'username'] }, ...INCLUDES],
  check: pageCheck,
  perItem: {},
});
const listPage = (call: Operation['call'], operationId: string): Operation => ({
  operationId,
  call,
  needs: [{ at: 'data[]', fields: ['id', 'name'] }, ...INCLUDES],
  check: pageCheck,
  perItem: {},
});
const lookup = (call: Operation['call'], operationId: string, fields: string[], perItem?: Operation['perItem']): Operation => ({
  operationId,
  call,
  needs: [{ at: '', fields: ['data'] }, { at: 'data', fields }, ...INCLUDES],
  check: oneCheck,
  lookup: true,
  ...(perItem ? { perItem } : {}),
});

/**
 * What a 200 with `errors` instead of `data` means for a write (its `data` is optional in X's description), by the
 * problem type of its first error that names one; any other is X refusing the request.
 */
const REFUSALS: Record<string, XErrorKind> = {
  'resource-not-found': 'not-found',
  'not-authorized-for-resource': 'forbidden',
  'resource-unavailable': 'forbidden',
  'disallowed-resource': 'forbidden',
  'client-forbidden': 'app-no-access',
  'usage-capped': 'usage-capped',
};
function refusalIn(errors: unknown[]): XErrorKind {
  const types = errors.map((e) => /\/problems\/([a-z-]+)$/.exec(String((e as Body | null)?.type))?.[1] ?? '');
  return types.map((t) => REFUSALS[t]).find((k) => k !== undefined) ?? 'invalid-request';
}

/**
 * A write through lib/x/set-state.ts (x-api--*--manage-*), asking for `flag` to be `asked`: done when X's flag says so
 * or is absent without errors; X's `errors` (without data, or without the flag or with a contrary one) read as its
 * refusal; a contrary flag alone is X refusing the request.
 */
const manage = (call: Operation['call'], operationId: string, flag: string, asked: boolean): Operation => ({
  operationId,
  call,
  needs: [
    { at: '', fields: ['data'] },
    { at: 'data', fields: [flag], is: asked },
  ],
  outcome: (body) => {
    const data = body.data as Body | undefined;
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (data === undefined) return errors.length ? refusalIn(errors) : 'malformed';
    if (data[flag] === asked || (data[flag] === undefined && !errors.length)) return 'ok';
    return errors.length ? refusalIn(errors) : 'invalid-request';
  },
  check: (result) => expect(result).toBe(asked),
});

/**
 * An answer whose `data` is optional in X's description and that is not a manage write (createPosts, createLists,
 * getUsersMe): without `data`, its `errors` read as X's refusal, as a write's are; with neither, malformed.
 */
const refusedWithout = (op: Operation): Operation => ({
  ...op,
  outcome: (body) => {
    if (body.data !== undefined) return undefined;
    const errors = Array.isArray(body.errors) ? body.errors : [];
    return errors.length ? refusalIn(errors) : 'malformed';
  },
});

/** A 200 of `errors` without `data` (optional in the media answers): X's refusal, as its errors say; else undecided. */
const errorsAlone = (body: Body): XErrorKind | undefined =>
  body.data === undefined && Array.isArray(body.errors) && body.errors.length ? refusalIn(body.errors) : undefined;

// ---- the chunked upload: one step generated, the others answered as the docs show ----

const gif = new Blob([new TextEncoder().encode('GIF89a')], { type: 'image/gif' });
const uploadGif = (c: XClient) => media.uploadGif(c, gif, 'bird.gif', { sleep: () => Promise.resolve() });
const UPLOAD_STEPS: Record<string, Answer> = {
  initializeMediaUpload: { body: { data: { id: MEDIA, media_key: `16_${MEDIA}`, expires_after_secs: 86400 } } },
  appendMediaUpload: { body: { meta: {} } },
  finalizeMediaUpload: { body: { data: { id: MEDIA, processing_info: { state: 'pending', check_after_secs: 1 } } } },
  getMediaUploadStatus: { body: { data: { id: MEDIA, processing_info: { state: 'succeeded' } } } },
};
const uploadStep = (req: Captured): Answer => UPLOAD_STEPS[operationOf(req.method, req.url.pathname)!.operationId]!;
const stateOf = (body: Body) => ((body.data as Body | undefined)?.processing_info as Body | undefined)?.state;

const TABLE: Operation[] = [
  // Not a lookup of someone else: an answer about the signed-in account without it is X's refusal or malformed, not
  // "not found".
  refusedWithout({ ...lookup((c) => users.getMe(c), 'getUsersMe', ['id', 'name', 'username']), lookup: false }),
  lookup((c) => users.getUserByUsername(c, 'ada'), 'getUsersByUsername', ['id', 'name', 'username'], {}),
  lookup((c) => users.getUserById(c, '12'), 'getUsersById', ['id', 'name', 'username'], {}),
  lookup((c) => posts.getPost(c, POST), 'getPostsById', POST_NEEDS, AUTHOR),
  {
    // Two ids asked: an answer with more posts than that is refused (lib/x/pages.ts `getPage`, `most`).
    ...postPage((c) => posts.getPosts(c, [POST, OTHER_POST]), 'getPostsByIds'),
    outcome: (body) => (Array.isArray(body.data) && body.data.length > 2 ? 'malformed' : undefined),
  },
  refusedWithout({
    operationId: 'createPosts',
    call: (c) => posts.createPost(c, { text: 'hello' }),
    needs: [{ at: '', fields: ['data'] }],
    check: (result, body) => expect(result).toMatchObject({ id: (body.data as Body).id, text: (body.data as Body).text }),
  }),
  manage((c) => posts.deletePost(c, POST), 'deletePosts', 'deleted', true),
  manage((c) => posts.repostPost(c, ME, POST), 'repostPost', 'retweeted', true),
  manage((c) => posts.undoRepost(c, ME, POST), 'unrepostPost', 'retweeted', false),
  manage((c) => likes.likePost(c, ME, POST), 'likePost', 'liked', true),
  manage((c) => likes.unlikePost(c, ME, POST), 'unlikePost', 'liked', false),
  {
    operationId: 'followUser',
    call: (c) => follows.followUser(c, ME, OTHER),
    needs: [],
    outcome: (body) => {
      const data = body.data as Body | undefined;
      const errors = Array.isArray(body.errors) ? body.errors : [];
      if (data === undefined) return errors.length ? refusalIn(errors) : 'malformed';
      if (data.following === true || data.pending_follow === true) return 'ok';
      if (data.following === undefined && !errors.length) return 'ok';
      return errors.length ? refusalIn(errors) : 'invalid-request';
    },
    check: (result, body) => {
      const data = body.data as Body;
      const pendingFollow = data.pending_follow === true;
      // Neither flag said: done as asked, marked unsaid so the store asks X which it is (lib/x/follows.ts).
      const unsaid = data.following === undefined && data.pending_follow === undefined;
      expect(result).toEqual({
        following: (data.following as boolean | undefined) ?? !pendingFollow,
        pendingFollow,
        ...(unsaid ? { unsaid: true } : {}),
      });
    },
  },
  manage((c) => follows.unfollowUser(c, ME, OTHER), 'unfollowUser', 'following', false),
  // Its author, quoted post and that post's author, replied-to user, media (lib/x/bookmarks.ts BOOKMARK_EXPANSIONS).
  postPage((c) => bookmarks.getBookmarks(c, ME), 'getUsersBookmarks', { users: 1 + 3 + 1, tweets: 3, media: 4 }),
  manage((c) => bookmarks.bookmarkPost(c, ME, POST), 'createUsersBookmark', 'bookmarked', true),
  manage((c) => bookmarks.unbookmarkPost(c, ME, POST), 'deleteUsersBookmark', 'bookmarked', false),
  {
    operationId: 'getUsersBookmarkFolders',
    call: (c) => bookmarks.getBookmarkFolders(c, ME),
    needs: [{ at: 'data[]', fields: ['id', 'name'], drop: true }],
    // A folder without its id or name is left out; the page is the folders that have both.
    check: (result, body) => pageCheck(result, { ...body, data: at(body, 'data[]').filter((o) => has(o, ['id', 'name'])) }),
  },
  {
    operationId: 'getUsersBookmarksByFolderId',
    call: (c) => bookmarks.getBookmarkFolderPosts(c, ME, '1146654567674912770'),
    needs: [{ at: 'data[]', fields: ['id'] }],
    check: pageCheck,
  },
  lookup((c) => lists.getList(c, LIST), 'getListsById', ['id', 'name'], {}),
  listPage((c) => lists.getOwnedLists(c, ME), 'getUsersOwnedLists'),
  listPage((c) => lists.getFollowedLists(c, ME), 'getUsersFollowedLists'),
  listPage((c) => lists.getListMemberships(c, ME), 'getUsersListMemberships'),
  listPage((c) => lists.getPinnedLists(c, ME), 'getUsersPinnedLists'),
  userPage((c) => lists.getListMembers(c, LIST), 'getListsMembers'),
  postPage((c) => lists.getListPosts(c, LIST), 'getListsPosts'),
  refusedWithout({
    operationId: 'createLists',
    call: (c) => lists.createList(c, { name: 'Birds' }),
    needs: [{ at: '', fields: ['data'] }],
    check: (result, body) => expect(result).toMatchObject({ id: (body.data as Body).id, name: (body.data as Body).name }),
  }),
  manage((c) => lists.updateList(c, LIST, { name: 'Birds' }), 'updateLists', 'updated', true),
  manage((c) => lists.deleteList(c, LIST), 'deleteLists', 'deleted', true),
  manage((c) => lists.addListMember(c, LIST, OTHER), 'addListsMember', 'is_member', true),
  manage((c) => lists.removeListMember(c, LIST, OTHER), 'removeListsMemberByUserId', 'is_member', false),
  manage((c) => lists.pinList(c, ME, LIST), 'pinList', 'pinned', true),
  manage((c) => lists.unpinList(c, ME, LIST), 'unpinList', 'pinned', false),
  manage((c) => lists.followList(c, ME, LIST), 'followList', 'following', true),
  manage((c) => lists.unfollowList(c, ME, LIST), 'unfollowList', 'following', false),
  userPage((c) => mutes.getMutedUsers(c, ME), 'getUsersMuting'),
  manage((c) => mutes.muteUser(c, ME, OTHER), 'muteUser', 'muting', true),
  manage((c) => mutes.unmuteUser(c, ME, OTHER), 'unmuteUser', 'muting', false),
  userPage((c) => blocks.getBlockedUsers(c, ME), 'getUsersBlocking'),
  refusedWithout({
    operationId: 'mediaUpload',
    call: (c) => media.uploadImage(c, new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }), 'bird.png'),
    needs: [
      { at: '', fields: ['data'] },
      { at: 'data', fields: ['id'] },
    ],
    check: (result, body) => expect(result).toBe((body.data as Body).id),
  }),
  refusedWithout({
    operationId: 'initializeMediaUpload',
    call: uploadGif,
    others: uploadStep,
    needs: [
      { at: '', fields: ['data'] },
      { at: 'data', fields: ['id'] },
    ],
    check: (result, body) => expect(result).toBe((body.data as Body).id),
  }),
  {
    operationId: 'appendMediaUpload',
    call: uploadGif,
    others: uploadStep,
    needs: [],
    outcome: errorsAlone,
    check: (result) => expect(result).toBe(MEDIA),
  },
  {
    operationId: 'finalizeMediaUpload',
    call: uploadGif,
    others: uploadStep,
    needs: [],
    // Still processing: the status check (answered "succeeded") decides, unless X asks Perch to wait longer than
    // it will (media.MAX_PROCESSING_WAIT_SECS). Failed: X's reason, as a refusal.
    outcome: (body) => {
      const refused = errorsAlone(body);
      if (refused) return refused;
      const state = stateOf(body);
      if (state === 'failed') return 'invalid-request';
      const after = ((body.data as Body | undefined)?.processing_info as Body | undefined)?.check_after_secs;
      const tooLong = Math.max(1, Math.ceil(typeof after === 'number' ? after : 1)) > media.MAX_PROCESSING_WAIT_SECS;
      return (state === 'pending' || state === 'in_progress') && tooLong ? 'unavailable' : undefined;
    },
    check: (result) => expect(result).toBe(MEDIA),
  },
  {
    operationId: 'getMediaUploadStatus',
    call: uploadGif,
    others: uploadStep,
    needs: [],
    // The same answer to every check: still processing after Perch's limits is 'unavailable'.
    outcome: (body) => {
      const refused = errorsAlone(body);
      if (refused) return refused;
      const state = stateOf(body);
      if (state === 'failed') return 'invalid-request';
      return state === 'pending' || state === 'in_progress' ? 'unavailable' : undefined;
    },
    check: (result) => expect(result).toBe(MEDIA),
  },
  // Nothing of the answer is needed: X answering 200 is the description taken, unless it sent `errors` without `data`.
  {
    operationId: 'createMediaMetadata',
    call: (c) => media.describeMedia(c, MEDIA, 'A robin on a fence post'),
    needs: [],
    outcome: errorsAlone,
    check: (result) => expect(result).toBeUndefined(),
  },
];

/** Every operation, its answers' `includes` bounded by what its items pull in. */
const OPERATIONS = TABLE.map(includesBounded);

// ---- the generator ----

/** The schema with `fields` required at `path` (the same path syntax as Need.at). */
function requireAt(schema: Body, path: string, fields: string[], is?: boolean): void {
  let node: Body | undefined = schema;
  for (const part of path === '' ? [] : path.split('.')) {
    const many = part.endsWith('[]');
    const key = many ? part.slice(0, -2) : part;
    node = (node?.properties as Record<string, Body> | undefined)?.[key];
    if (node && many) node = node.items as Body | undefined;
  }
  if (!node) return;
  node.required = [...new Set([...((node.required as string[] | undefined) ?? []), ...fields])];
  const props = node.properties as Record<string, Body> | undefined;
  if (is !== undefined && props) for (const f of fields) props[f] = { ...props[f], enum: [is] };
}

/** The schema with `data` required and `includes` holding no more than one item pulls in (at least one item comes). */
function withinIncludes(schema: Body, perItem: Partial<Record<IncludedKind, number>>): void {
  const props = schema.properties as Record<string, Body> | undefined;
  const kinds = props?.includes?.properties as Record<string, Body> | undefined;
  if (!props || !kinds) return;
  schema.required = [...new Set([...((schema.required as string[] | undefined) ?? []), 'data'])];
  for (const kind of INCLUDED_KINDS) {
    if (!kinds[kind]) continue;
    if (perItem[kind]) kinds[kind] = { ...kinds[kind], maxItems: perItem[kind] };
    else delete kinds[kind];
  }
}

function successStatus(operationId: string): number {
  return operationId === 'createPosts' ? 201 : 200;
}

/** Answers the description allows: half of them carrying what Perch needs everywhere, half anything at all. */
function answers(op: Operation): fc.Arbitrary<Body> {
  const schema = responseSchema(op.operationId, successStatus(op.operationId)) as Body | undefined;
  if (!schema) throw new Error(`the description has no answer for ${op.operationId}`);
  const carrying = structuredClone(schema);
  for (const need of op.needs) requireAt(carrying, need.at, need.fields, need.is);
  if (op.perItem) withinIncludes(carrying, op.perItem);
  return fc.oneof(arbitraryFromSchema(carrying), arbitraryFromSchema(schema)) as fc.Arbitrary<Body>;
}

async function outcomeOf(op: Operation, body: Body): Promise<{ result?: unknown; error?: unknown }> {
  const status = successStatus(op.operationId);
  const { client } = capturing((req) => {
    const target = operationOf(req.method, req.url.pathname)?.operationId === op.operationId;
    return target || !op.others ? { status, body } : op.others(req);
  });
  try {
    return { result: await op.call(client) };
  } catch (error) {
    return { error };
  }
}

describe('every answer X’s description allows, through the client', () => {
  it('covers every operation Perch calls that the description answers', () => {
    const described = X_OPERATIONS.filter((o) => !o.docsOnly).map((o) => o.operationId);
    expect(OPERATIONS.map((o) => o.operationId).sort()).toEqual(described.sort());
  });

  it.each(OPERATIONS.map((o) => [o.operationId, o] as const))(
    '%s: read when it carries what Perch needs, refused with an XApiError when not, never anything else',
    async (_id, op) => {
      const seen = { read: 0, includes: 0, noIncludes: 0, errors: 0, noErrors: 0, extra: 0 };
      await fc.assert(
        fc.asyncProperty(answers(op), async (generated) => {
          const body = JSON.parse(JSON.stringify(generated)) as Body; // as it arrives: -0 is 0 on the wire
          expect(validateResponse({ operationId: op.operationId, status: successStatus(op.operationId), body })).toEqual([]);
          seen[body.includes === undefined ? 'noIncludes' : 'includes']++;
          seen[body.errors === undefined ? 'noErrors' : 'errors']++;
          if (JSON.stringify(body).includes('"future_field"')) seen.extra++;

          const { result, error } = await outcomeOf(op, body);
          if (error !== undefined && !(error instanceof XApiError)) throw error; // anything else fails here
          const expected = op.outcome?.(body) ?? (meets(body, op.needs) ? 'ok' : undefined);
          if (expected === 'ok') {
            expect(error).toBeUndefined();
            op.check(result, body);
            seen.read++;
          } else if (expected) {
            expect(error?.kind).toBe(expected);
          } else {
            // Lacking what Perch needs: refused as a whole, as malformed — or not found, for a lookup X
            // answered with only errors.
            const notFound = op.lookup && body.data === undefined && Array.isArray(body.errors);
            expect(error?.kind).toBe(notFound ? 'not-found' : 'malformed');
          }
        }),
        { numRuns: RUNS },
      );
      // The generator really made each kind of answer (a test that could never see one would prove nothing).
      expect(seen.read).toBeGreaterThan(RUNS / 4);
      expect(seen.noErrors).toBeGreaterThan(0);
      expect(seen.errors).toBeGreaterThan(0);
      expect(seen.extra).toBeGreaterThan(0);
      const schema = responseSchema(op.operationId, successStatus(op.operationId)) as Body;
      if ((schema.properties as Body | undefined)?.includes) expect(seen.includes * seen.noIncludes).toBeGreaterThan(0);
    },
  );
});

describe('answers Perch must refuse (canaries)', () => {
  const page = (post: unknown) => ({ data: [{ id: POST, text: 'kept' }, post], meta: { result_count: 2 } });

  it.each([
    ['no id', { text: 'no id' }],
    ['a numeric id', { id: 1346889436626259969, text: 'numeric id' }],
  ])('a bookmarks page with a post with %s is refused as malformed, nothing read', async (_what, post) => {
    const { client } = capturing({ body: page(post) });
    const error = await bookmarks.getBookmarks(client, ME).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).kind).toBe('malformed');
  });

  it.each([
    ['no id', { text: 'no id' }],
    ['a numeric id', { id: 1346889436626259969, text: 'numeric id' }],
  ])('a post lookup answered with a post with %s is refused as malformed', async (_what, post) => {
    const { client } = capturing({ body: { data: post } });
    const error = await posts.getPost(client, POST).catch((e: unknown) => e);
    expect((error as XApiError).kind).toBe('malformed');
  });

  it('a bookmarks page where one post lacks author_id (the description allows it) is read whole', async () => {
    const body = {
      data: [
        { id: POST, text: 'by someone', author_id: ME },
        { id: OTHER, text: 'by nobody we know' },
      ],
      includes: { users: [{ id: ME, name: 'Ada', username: 'ada' }] },
    };
    const { client } = capturing({ body });
    const result = await bookmarks.getBookmarks(client, ME);
    expect(result.items.map((p) => [p.id, p.author_id])).toEqual([
      [POST, ME],
      [OTHER, undefined],
    ]);
  });

  it('an included post with a numeric id makes the page malformed, as in data', async () => {
    const body = { ...page({ id: OTHER, text: 'second' }), includes: { tweets: [{ id: 1, text: 'quoted' }] } };
    const { client } = capturing({ body });
    const error = await bookmarks.getBookmarks(client, ME).catch((e: unknown) => e);
    expect((error as XApiError).kind).toBe('malformed');
  });

  it('an included post without text (the description allows it) is left out, the page kept', async () => {
    const body = { ...page({ id: OTHER, text: 'second' }), includes: { tweets: [{ id: POST }, { id: OTHER, text: 'quoted' }] } };
    const { client } = capturing({ body });
    const result = await bookmarks.getBookmarks(client, ME);
    expect(result.items.map((p) => p.id)).toEqual([POST, OTHER]);
    expect(result.includes.tweets.map((p) => p.id)).toEqual([OTHER]);
  });
});
