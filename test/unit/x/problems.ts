/**
 * One entry of a 200 answer's `errors`, shaped as X's Problem schema (x-api--fundamentals--response-codes-and-errors):
 * its type under X's problems host, the title X gives that type, X's detail, and any other fields.
 */
const TITLES = {
  'not-authorized-for-resource': 'Forbidden',
  'resource-not-found': 'Not Found Error',
} as const;

export function xProblem(type: keyof typeof TITLES, detail: string, more: Record<string, string> = {}) {
  return { type: `https://api.twitter.com/2/problems/${type}`, title: TITLES[type], detail, ...more };
}
