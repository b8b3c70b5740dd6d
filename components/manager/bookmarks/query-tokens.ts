/**
 * The search box's operators the filter chips switch on and off (`tag:name`, `is:unread`), edited as words of the
 * query so that what a chip does is always written in the box, and a query typed by hand lights the chips it names.
 */

/** The query's words, split on white space outside "quoted phrases". */
function wordsOf(query: string): string[] {
  return query.match(/"[^"]*"?|\S+/g) ?? [];
}

/** Whether the query holds this operator as a word of its own (operators are matched without regard to case). */
export function hasToken(query: string, token: string): boolean {
  const t = token.toLowerCase();
  return wordsOf(query).some((w) => w.toLowerCase() === t);
}

/** The query with the operator added at its end, or taken out wherever it is when it is there. */
export function toggleToken(query: string, token: string): string {
  const t = token.toLowerCase();
  const words = wordsOf(query);
  const kept = words.filter((w) => w.toLowerCase() !== t);
  return (kept.length === words.length ? [...words, token] : kept).join(' ');
}

/** The tags a query asks for (`tag:name`), lower-cased. */
export function tagsIn(query: string): string[] {
  return wordsOf(query).flatMap((w) => (/^tag:./i.test(w) ? [w.slice(4).toLowerCase()] : []));
}
