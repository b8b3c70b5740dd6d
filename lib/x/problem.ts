import type { XProblem } from './errors';

/** True for a JSON media type: `application/json` or any `+json` (`application/problem+json`), parameters aside. */
export function isJson(contentType: string | null | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/** HTTP's names of the 5xx statuses (RFC 9110), lower-cased. */
const SERVER_REASONS: Record<number, string> = {
  500: 'internal server error',
  501: 'not implemented',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

/**
 * X's usual 5xx problem repeats its title, or the status's name, as its `detail` (or as the `message` of its
 * description's `Error` shape, {code, message}): quoted after Perch's "X is not answering right now" it says nothing
 * more ("X said: “Service Unavailable”"), so such words are dropped; words of their own (an outage, a status page) are
 * kept as X's.
 */
export function withoutEcho(problem: XProblem, status: number): XProblem {
  const bare = (text: string | undefined) => text?.trim().toLowerCase();
  const echo = (text: string) => bare(text) === bare(problem.title) || bare(text) === SERVER_REASONS[status];
  const { detail, messages, ...rest } = problem;
  const said = messages?.filter((m) => !echo(m));
  return { ...rest, ...(detail && echo(detail) ? {} : { detail }), ...(said?.length ? { messages: said } : {}) };
}
