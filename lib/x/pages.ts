/**
 * One page of a list answer from X, and the helpers every resource module uses to ask for one.
 *
 * X pages with `max_results` and `pagination_token`; an answer carries `data` (absent when the page is empty),
 * `includes` (objects pulled in by expansions), `meta` (`result_count`, `next_token`, `previous_token`) and, even
 * on a 200, `errors` for the parts it could not return (x-api--fundamentals--pagination, --expansions,
 * --response-codes-and-errors). A list function fetches exactly one page; the caller decides whether to ask for
 * the next one with `nextToken`.
 */
import * as z from 'zod/mini';
import { problemOf, type XClient } from './client';
import { XApiError, type XErrorKind } from './errors';
import { includesOverBound } from './includes-bound';
import { invalidInput } from './input';
import { droppedFrom, includesSchema, usable, type LeftOut, type XMedia, type XPost, type XUser } from './schemas';

export { errorsSayWhat, namedGaps, wholePage } from './page-gaps';

/** The fields and expansions parameters Perch can set (x-api--fundamentals--fields, --expansions). */
export type FieldParam = 'tweet.fields' | 'user.fields' | 'media.fields' | 'list.fields' | 'expansions';

/**
 * Fields and expansions for one request, by query parameter. A parameter named here replaces that endpoint's
 * default for it (an empty array sends none); parameters not named keep their defaults.
 */
export type FieldSelection = Partial<Record<FieldParam, readonly string[]>>;

/** Options of a single lookup. */
export interface LookupOptions {
  fields?: FieldSelection | undefined;
}

/** Options of a list function: which page, how big, and which fields. */
export interface PageOptions extends LookupOptions {
  /** Results per page, within the endpoint's range; the endpoint's maximum when absent (fewest requests). */
  maxResults?: number | undefined;
  /** A `nextToken` (or `previousToken`) from an earlier page of the same list. */
  paginationToken?: string | undefined;
}

/** The objects an answer's expansions pulled in; empty arrays when there were none. */
export interface Includes {
  users: XUser[];
  tweets: XPost[];
  media: XMedia[];
}

/** One page of a list answer. */
export interface Page<T> {
  items: T[];
  includes: Includes;
  /** Pass as `paginationToken` to get the next page; absent on the last page. */
  nextToken?: string;
  /** Pass as `paginationToken` to get the page before this one. */
  previousToken?: string;
  /** `meta.result_count` (the number of items when X sent no meta). */
  resultCount: number;
  /** `errors` of a 200 answer, as X sent them: resources it could not return. */
  partialErrors: unknown[];
  /**
   * How many items X sent that Perch left out for lacking a field it needs (`needed` of {@link getPage}), when any: the
   * page is not whole (lib/x/page-gaps.ts), so a walk removes nothing stored it did not see.
   */
  dropped?: number;
  /**
   * Those items, in X's order: where each stood in X's `data` (0 first) and its id when it carried one (a string of
   * digits). A walk counts such an id as seen: X listed it, only Perch could not read it (lib/services/bookmark-pages.ts).
   */
  leftOut?: readonly LeftOut[];
  /**
   * Set when X's `next_token` is not one its operation takes back as `pagination_token` (out of that parameter's length
   * in X's description, {@link TokenBounds}): the page after cannot be asked for, and `nextToken` is left out.
   */
  tokenRefused?: true;
}

/** The `pagination_token` an operation takes, as its parameter's schema in X's OpenAPI description bounds it. */
export interface TokenBounds {
  minLength: number;
  maxLength?: number;
}

/** What one endpoint accepts: its fields parameters, their defaults, and its `max_results` range if it pages. */
export interface Endpoint {
  fieldParams: readonly FieldParam[];
  defaults: FieldSelection;
  maxResults?: { min: number; max: number };
  /** The `pagination_token` it takes (X's description: e.g. getListsMembers 1 to 19 characters, getUsersBlocking 16 or more). */
  token?: TokenBounds;
}

/** Whether a token is one an operation taking `bounds` accepts as `pagination_token` (no bounds: any non-empty one). */
export function tokenFits(token: string, bounds: TokenBounds | undefined): boolean {
  const min = bounds?.minLength ?? 1;
  return token.length >= min && (bounds?.maxLength === undefined || token.length <= bounds.maxLength);
}

const FIELD_NAME = /^[a-z_]+(\.[a-z_]+)*$/;

/**
 * The query parameters for `fields` on `endpoint`: its defaults, overridden parameter by parameter.
 * @throws XApiError 'invalid-request' for a parameter the endpoint does not take or a malformed field name
 */
export function fieldQuery(endpoint: Endpoint, fields: FieldSelection | undefined): Record<string, string> {
  for (const param of Object.keys(fields ?? {})) {
    if (!endpoint.fieldParams.includes(param as FieldParam)) {
      throw invalidInput(`This endpoint does not take \`${param}\`; it takes ${endpoint.fieldParams.join(', ') || 'no fields'}.`);
    }
  }
  const query: Record<string, string> = {};
  for (const param of endpoint.fieldParams) {
    const values = fields?.[param] ?? endpoint.defaults[param] ?? [];
    for (const v of values) if (typeof v !== 'string' || !FIELD_NAME.test(v)) throw invalidInput(`\`${String(v)}\` is not a field name.`);
    if (values.length) query[param] = [...new Set(values)].join(',');
  }
  return query;
}

/**
 * The query parameters for one page: `max_results`, `pagination_token` and the fields.
 * @throws XApiError 'invalid-request' for a size out of the endpoint's range, an empty token, or bad fields
 */
export function pageQuery(endpoint: Endpoint, options: PageOptions = {}): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  const range = endpoint.maxResults;
  if (range) {
    const size = options.maxResults ?? range.max;
    if (!Number.isInteger(size) || size < range.min || size > range.max) {
      throw invalidInput(`max_results must be a whole number from ${range.min} to ${range.max}, not ${size}.`);
    }
    query.max_results = size;
  } else if (options.maxResults !== undefined || options.paginationToken !== undefined) {
    throw invalidInput('This endpoint returns everything in one answer: it takes no max_results or pagination_token.');
  }
  if (options.paginationToken !== undefined) {
    if (typeof options.paginationToken !== 'string' || !tokenFits(options.paginationToken, endpoint.token)) {
      throw invalidInput('A pagination token is a string from an earlier page, of the length this endpoint takes.');
    }
    query.pagination_token = options.paginationToken;
  }
  return { ...query, ...fieldQuery(endpoint, options.fields) };
}

const metaSchema = z.lazy(() =>
  z.looseObject({
    // X's description (ResultCount) sets no minimum.
    result_count: z.optional(z.int()),
    next_token: z.optional(z.string().check(z.minLength(1))),
    previous_token: z.optional(z.string().check(z.minLength(1))),
  }),
);

function listAnswerSchema<T>(item: z.ZodMiniType<T>, needed: readonly string[] | undefined) {
  return z.looseObject({
    data: z.optional(needed ? usable(item, needed) : z.array(item)),
    includes: z.optional(includesSchema),
    meta: z.optional(metaSchema),
    errors: z.optional(z.array(z.unknown())),
  });
}

function includesOf(includes: z.infer<typeof includesSchema> | undefined): Includes {
  return { users: includes?.users ?? [], tweets: includes?.tweets ?? [], media: includes?.media ?? [] };
}

/**
 * GETs one page (or one multi-id lookup) and turns it into a Page. Partial errors stay on the page. With `needed`,
 * an item lacking one of those fields (or holding other than a string there) is left out rather than the page refused,
 * counted in `dropped` and placed in `leftOut` (lib/x/schemas.ts
 * `usable`): for a list whose description requires nothing of its items (BookmarkFoldersResponse: a folder's `id` and
 * `name`; getUsersBookmarks: a Tweet's `id` and `text`). `most`
 * bounds the items of an answer that takes no `max_results`: a lookup by ids answers at most one item an id.
 * `token` bounds the `next_token` Perch may send back ({@link Page.tokenRefused}).
 * @throws XApiError ('malformed' for a page holding more items than the `max_results` it was asked with, or `most`,
 *   or more included objects than its expansions pull in for them)
 */
export async function getPage<T>(
  client: XClient,
  req: {
    path: string;
    query: Record<string, string | number>;
    item: z.ZodMiniType<T>;
    needed?: readonly string[];
    most?: number;
    token?: TokenBounds | undefined;
  },
): Promise<Page<T>> {
  const schema = listAnswerSchema(req.item, req.needed);
  const res = await client.request({ method: 'GET', path: req.path, query: req.query, schema });
  const { data, includes, meta, errors } = res.body;
  const items = data ?? [];
  // What X sent, counting the items left out for lacking a needed field: they too were asked for, and pulled in.
  const leftOut = droppedFrom(data);
  const sent = items.length + leftOut.length;
  // `max_results` is the most a page holds (x-api--fundamentals--pagination, "Results per page"): a page carrying more
  // is not what was asked for, and a walk of such pages would grow without bound. Refused before anything is stored.
  // So is a lookup answering more items than the ids it was asked for, and `includes` holding more than the expansions
  // asked pull in for these items (lib/x/includes-bound.ts). Data, errors, includes and meta are each optional side by
  // side (Get2TweetsResponse): an item X names in `errors` may have pulled its objects in, as may an empty page; so
  // `includes` is bounded by the items or the errors (no more than the page may hold), and one item at the least.
  const asked = req.query.max_results;
  const most = typeof asked === 'number' ? asked : req.most;
  const named = Math.min(errors?.length ?? 0, most ?? Infinity);
  if ((most !== undefined && sent > most) || includesOverBound(includes, Math.max(sent, named, 1), req.query.expansions)) {
    throw new XApiError('malformed', { status: res.status, rateLimit: res.rateLimit });
  }
  const page: Page<T> = {
    items,
    includes: includesOf(includes),
    resultCount: meta?.result_count ?? items.length,
    partialErrors: errors ?? [],
  };
  if (leftOut.length) Object.assign(page, { dropped: leftOut.length, leftOut });
  // A next_token the operation would refuse as pagination_token is not sent back: the walk ends there, saying so.
  if (meta?.next_token !== undefined && tokenFits(meta.next_token, req.token)) page.nextToken = meta.next_token;
  else if (meta?.next_token !== undefined) page.tokenRefused = true;
  if (meta?.previous_token !== undefined) page.previousToken = meta.previous_token;
  return page;
}

/**
 * The page, unless X answered it with `errors` and no items: then X's refusal ({@link refusalOf}; 'forbidden' when
 * no error's type names a kind), X's words kept. Such an answer says why X listed nothing, not that there is nothing.
 * @throws XApiError
 */
export function listedPage<T>(page: Page<T>): Page<T> {
  if (page.items.length === 0 && page.partialErrors.length > 0) throw refusalOf(page.partialErrors, 200, 'forbidden');
  return page;
}

/**
 * GETs one resource. X answers a lookup of something it cannot return with a 404, or with a 200 that has
 * `errors` and no `data` (x-api--users--lookup--quickstart--user-lookup, "User not found"): both are 'not-found',
 * the latter with X's errors in `partialErrors`, unless their type names another refusal ({@link refusalOf}).
 * @throws XApiError ('not-found' as above; 'malformed' for a 200 with neither data nor errors, or with more included
 *   objects than its expansions pull in for one)
 */
export async function getOne<T>(
  client: XClient,
  req: { path: string; query: Record<string, string | number>; item: z.ZodMiniType<T> },
): Promise<{ item: T; includes: Includes; partialErrors: unknown[] }> {
  const schema = z.looseObject({
    data: z.optional(req.item),
    includes: z.optional(includesSchema),
    errors: z.optional(z.array(z.unknown())),
  });
  const res = await client.request({ method: 'GET', path: req.path, query: req.query, schema });
  const { data, includes, errors = [] } = res.body;
  if (data === undefined) {
    // Not found, unless X's errors name another refusal by their type: not-authorized-for-resource, "no access to
    // private/protected content" (x-api--fundamentals--response-codes-and-errors; ResourceUnauthorizedProblem).
    if (errors.length) throw refusalOf(errors, res.status, 'not-found');
    throw new XApiError('malformed', { status: res.status });
  }
  if (includesOverBound(includes, 1, req.query.expansions)) {
    throw new XApiError('malformed', { status: res.status, rateLimit: res.rateLimit });
  }
  return { item: data, includes: includesOf(includes), partialErrors: errors };
}

/**
 * What a 200 answer's `errors` mean when they stand for the answer (no `data`), by their problem `type` (the
 * discriminator of X's Problem schema): X did not do it, for that reason.
 */
const REFUSAL_KINDS: Readonly<Record<string, XErrorKind>> = {
  'resource-not-found': 'not-found',
  'not-authorized-for-resource': 'forbidden',
  'resource-unavailable': 'forbidden',
  'disallowed-resource': 'forbidden',
  'client-forbidden': 'app-no-access',
  'usage-capped': 'usage-capped',
};

/**
 * The refusal a 2xx answer carrying `errors` instead of `data` stands for (a write's answer, e.g. likePost's
 * UsersLikesCreateResponse, where `data` is optional): the kind of its first error whose type names one (a
 * resource-not-found is 'not-found'), else `fallback`; the first error's title and detail and X's errors kept.
 */
export function refusalOf(errors: unknown[], status: number, fallback: XErrorKind): XApiError {
  const problems = errors.map((e) => problemOf(e));
  const kind = problems.map((p) => (p.type === undefined ? undefined : REFUSAL_KINDS[p.type])).find((k) => k !== undefined);
  const first = errors.find((e) => !!e && typeof e === 'object') ?? {};
  return new XApiError(kind ?? fallback, { status, problem: problemOf({ ...first, errors }), partialErrors: errors });
}
