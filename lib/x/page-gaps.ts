/** What these read of a page of a list answer (lib/x/pages.ts `Page`): its items, `meta.result_count` and `errors`. */
interface PageRead {
  items: unknown[];
  resultCount: number;
  partialErrors: unknown[];
  /** Items X sent that Perch could not read and left out (lib/x/pages.ts `Page.dropped`). */
  dropped?: number;
}

/**
 * Whether a page shows all X meant it to: no `errors` beside its items, and as many items as `meta.result_count` says
 * (an item Perch could not read is left out of the page). A walk that removes what it did not see is whole only when
 * each of its pages is: an account or list missing from a page that is not whole is not known gone.
 */
export function wholePage(page: PageRead): boolean {
  return namedGaps(page)?.length === 0;
}

/**
 * What a page leaves out, when X says exactly what: the ids its `errors` name, `[]` for a whole page ({@link wholePage}).
 * X's partial errors name the resource they are about (`resource_id`, and `value` holding the id: the Problem schemas
 * ResourceNotFound, ResourceUnauthorized, ResourceUnavailable; x-api--fundamentals--response-codes-and-errors, "Partial
 * errors"); when each error names one and `meta.result_count` agrees with the items, nothing else is missing.
 * `undefined` when what is missing is not known: an error naming no id, fewer items than X counted, or an item X sent
 * that Perch could not read (left out of the page, whatever `meta.result_count` says).
 */
export function namedGaps(page: PageRead): string[] | undefined {
  if (page.dropped || page.resultCount !== page.items.length) return undefined;
  const ids: string[] = [];
  for (const e of page.partialErrors) {
    const { id } = errorFields(e);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  return ids;
}

/**
 * Whether each of a page's `errors` says what it is about (x-api--fundamentals--response-codes-and-errors, "Partial
 * errors"; the Problem schemas ResourceNotFound, ResourceUnauthorized, ResourceUnavailable): an item of the kind the
 * page lists, named by id (`resource_type` `itemType`, with `resource_id` or `value`), or an object an expansion pulled
 * in (`section: 'includes'`, or a `parameter` naming one of `expansions`). An error naming no resource, or another kind
 * than the page's items outside its expansions, leaves unknown what X left out of the page.
 */
export function errorsSayWhat(page: PageRead, itemType: string, expansions: readonly string[]): boolean {
  return page.partialErrors.every((e) => {
    const { fields: o, id } = errorFields(e);
    if (o.section === 'includes' || (typeof o.parameter === 'string' && expansions.includes(o.parameter))) return true;
    return o.resource_type === itemType && id !== undefined;
  });
}

/**
 * One of X's partial errors read once for both walks above: its fields (none when it is not an object), and the id of
 * the resource it names, from `resource_id` or else `value` (the Problem schemas ResourceNotFound, ResourceUnauthorized,
 * ResourceUnavailable), when that is an id.
 */
function errorFields(e: unknown): { fields: Record<string, unknown>; id: string | undefined } {
  const fields = e && typeof e === 'object' ? (e as Record<string, unknown>) : {};
  const id = [fields.resource_id, fields.value].find((v): v is string => typeof v === 'string' && /^\d+$/.test(v));
  return { fields, id };
}
