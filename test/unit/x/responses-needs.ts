import { expect } from 'vitest';
import type { XClient } from '@/lib/x/client';
import { type XErrorKind } from '@/lib/x/errors';
import * as media from '@/lib/x/media';
import { operationOf } from '@/lib/x/operations';
import type { Page } from '@/lib/x/pages';
import { type Answer, type Captured } from './capture';

/** What Perch needs of each answer and how the responses tests (responses*.test.ts) check it: the table rows are built from these. */

export const ME = '2244994945';
export const OTHER = '1585841080431321088';
export const POST = '1346889436626259968';
export const OTHER_POST = '1346889436626259969';
export const LIST = '1146654567674912769';
export const MEDIA = '1880028106020515840';
export const RUNS = 60;

export type Body = Record<string, unknown>;

/**
 * Fields Perch needs at a place in the answer: `''` the answer itself, `data` an object, `data[]` each item of an
 * array. With `drop`, an item lacking them is left out rather than the answer refused.
 */
export interface Need {
  at: string;
  fields: string[];
  drop?: boolean;
  /** The value the fields carry in answers made to carry them (a write's flag as asked; a processing state). */
  is?: boolean | string;
}

export type Check = (result: unknown, body: Body) => void;

export interface Operation {
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

export type IncludedKind = 'users' | 'tweets' | 'media' | 'polls' | 'places';
export const INCLUDED_KINDS: IncludedKind[] = ['users', 'tweets', 'media', 'polls', 'places'];

// ---- what Perch needs, and what it must then return ----

export const POST_NEEDS = ['id', 'text'];
/** A post read with X's default expansion, `author_id`: one user a post. */
export const AUTHOR = { users: 1 };
/** An included post or media object Perch cannot use is left out; the page stays. */
export const INCLUDES: Need[] = [
  { at: 'includes.tweets[]', fields: POST_NEEDS, drop: true },
  { at: 'includes.media[]', fields: ['media_key', 'type'], drop: true },
];

export function at(body: unknown, path: string): unknown[] {
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

export const has = (o: unknown, fields: string[]) => !!o && typeof o === 'object' && fields.every((f) => (o as Body)[f] !== undefined);
export const meets = (body: Body, needs: Need[]) =>
  needs.filter((n) => !n.drop).every((n) => at(body, n.at).every((o) => has(o, n.fields)));
export const ids = (items: unknown) => (Array.isArray(items) ? items.map((i) => (i as Body).id ?? (i as Body).media_key) : []);
export const kept = (body: Body, path: string, fields: string[]) => ids(at(body, path).filter((o) => has(o, fields)));

export function checkIncludes(page: Page<unknown>, body: Body): void {
  expect(ids(page.includes.users)).toEqual(ids(at(body, 'includes.users[]')));
  expect(ids(page.includes.tweets)).toEqual(kept(body, 'includes.tweets[]', POST_NEEDS));
  expect(ids(page.includes.media)).toEqual(kept(body, 'includes.media[]', ['media_key', 'type']));
}

/**
 * Whether an answer's `includes` hold more than its items pull in: `perItem` of a kind times the items (one for a
 * lookup's `data` object), counting the included posts and media Perch keeps (those it cannot use are left out first).
 * A page's items are its posts or the errors X named (each may have pulled its objects in), and one at the least, as
 * lib/x/pages.ts bounds them (Get2TweetsResponse: data, errors and includes each optional side by side); the errors
 * generated here are never more than a page may hold.
 */
export function overIncludes(body: Body, perItem: Partial<Record<IncludedKind, number>>): boolean {
  const errors = Array.isArray(body.errors) ? body.errors.length : 0;
  const items =
    Array.isArray(body.data) || body.data === undefined ? Math.max(Array.isArray(body.data) ? body.data.length : 0, errors, 1) : 1;
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
export function includesBounded(op: Operation): Operation {
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

export const pageCheck: Check = (result, body) => {
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
export const oneCheck: Check = (result, body) => expect((result as Body).id).toBe((body.data as Body).id);

export const postPage = (call: Operation['call'], operationId: string, perItem: Operation['perItem'] = AUTHOR): Operation => ({
  operationId,
  call,
  needs: [{ at: 'data[]', fields: POST_NEEDS }, ...INCLUDES],
  check: pageCheck,
  perItem,
});
export const userPage = (call: Operation['call'], operationId: string): Operation => ({
  operationId,
  call,
  needs: [{ at: 'data[]', fields: ['id', 'name', 'username'] }, ...INCLUDES],
  check: pageCheck,
  perItem: {},
});
export const listPage = (call: Operation['call'], operationId: string): Operation => ({
  operationId,
  call,
  needs: [{ at: 'data[]', fields: ['id', 'name'] }, ...INCLUDES],
  check: pageCheck,
  perItem: {},
});
export const lookup = (call: Operation['call'], operationId: string, fields: string[], perItem?: Operation['perItem']): Operation => ({
  operationId,
  call,
  needs: [{ at: '', fields: ['data'] }, { at: 'data', fields }, ...INCLUDES],
  check: oneCheck,
  lookup: true,
  // Only `errors`: not found, unless an error's type names another refusal (lib/x/pages.ts getOne).
  outcome: (body) =>
    body.data === undefined && Array.isArray(body.errors) && body.errors.length ? refusalIn(body.errors, 'not-found') : undefined,
  ...(perItem ? { perItem } : {}),
});

/**
 * What a 200 with `errors` instead of `data` means for a write (its `data` is optional in X's description), by the
 * problem type of its first error that names one; any other is X refusing the request (`fallback`; not found for a
 * lookup).
 */
export const REFUSALS: Record<string, XErrorKind> = {
  'resource-not-found': 'not-found',
  'not-authorized-for-resource': 'forbidden',
  'resource-unavailable': 'forbidden',
  'disallowed-resource': 'forbidden',
  'client-forbidden': 'app-no-access',
  'usage-capped': 'usage-capped',
};
export function refusalIn(errors: unknown[], fallback: XErrorKind = 'invalid-request'): XErrorKind {
  const types = errors.map((e) => /\/problems\/([a-z-]+)$/.exec(String((e as Body | null)?.type))?.[1] ?? '');
  return types.map((t) => REFUSALS[t]).find((k) => k !== undefined) ?? fallback;
}

/**
 * A write through lib/x/set-state.ts (x-api--*--manage-*), asking for `flag` to be `asked`: done when X's flag says so
 * or is absent without errors; X's `errors` (without data, or without the flag or with a contrary one) read as its
 * refusal; a contrary flag alone is X refusing the request.
 */
export const manage = (call: Operation['call'], operationId: string, flag: string, asked: boolean): Operation => ({
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
export const refusedWithout = (op: Operation): Operation => ({
  ...op,
  outcome: (body) => {
    if (body.data !== undefined) return undefined;
    const errors = Array.isArray(body.errors) ? body.errors : [];
    return errors.length ? refusalIn(errors) : 'malformed';
  },
});

/** A 200 of `errors` without `data` (optional in the media answers): X's refusal, as its errors say; else undecided. */
export const errorsAlone = (body: Body): XErrorKind | undefined =>
  body.data === undefined && Array.isArray(body.errors) && body.errors.length ? refusalIn(body.errors) : undefined;

// ---- the chunked upload: one step generated, the others answered as the docs show ----

export const gif = new Blob([new TextEncoder().encode('GIF89a')], { type: 'image/gif' });
export const uploadGif = (c: XClient) => media.uploadGif(c, gif, 'bird.gif', { sleep: () => Promise.resolve() });
export const UPLOAD_STEPS: Record<string, Answer> = {
  initializeMediaUpload: { body: { data: { id: MEDIA, media_key: `16_${MEDIA}`, expires_after_secs: 86400 } } },
  appendMediaUpload: { body: { meta: {} } },
  finalizeMediaUpload: { body: { data: { id: MEDIA, processing_info: { state: 'pending', check_after_secs: 1 } } } },
  getMediaUploadStatus: { body: { data: { id: MEDIA, processing_info: { state: 'succeeded' } } } },
};
export const uploadStep = (req: Captured): Answer => UPLOAD_STEPS[operationOf(req.method, req.url.pathname)!.operationId]!;
export const stateOf = (body: Body) => ((body.data as Body | undefined)?.processing_info as Body | undefined)?.state;
