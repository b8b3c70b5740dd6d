/**
 * A small route table. Each resource file exports `registerXRoutes(router)` and adds routes with
 * `router.add({ method, path, auth, scopes, query, handler })`. The server does auth, rate limits,
 * scope checks and query validation from this metadata before calling the handler.
 */
import type { Reply, RequestContext } from './http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** "/2/users/:id/bookmarks"; literal segments win over `:params` when both match. */
  path: string;
  /**
   * 'user': OAuth 2.0 user-context bearer token required (401 otherwise), per-user rate limit from
   *   RATE_LIMITS, then `scopes` checked (403).
   * 'none': OAuth endpoints and pages; rate limited per `rateSubject` (client id or "anonymous").
   */
  auth: 'user' | 'none';
  /** Scopes the token must carry (v2-authentication-mapping), e.g. ['tweet.read', 'users.read']. */
  scopes?: string[];
  /** Allowed query parameter names; unknown ones answer 400 as X does. Omit to skip the check. */
  query?: readonly string[];
  /** For auth 'none' routes: who the rate bucket belongs to. */
  rateSubject?: (ctx: RequestContext) => string;
  handler: (ctx: RequestContext) => Reply | Promise<Reply>;
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
  /** "METHOD /path/pattern", the key into RATE_LIMITS. */
  key: string;
}

export type MatchResult = { kind: 'match'; match: RouteMatch } | { kind: 'method'; allowed: string[] } | { kind: 'none' };

export class Router {
  readonly routes: RouteDef[] = [];

  add(route: RouteDef): void {
    this.routes.push(route);
  }

  match(method: string, path: string): MatchResult {
    const segments = splitPath(path);
    let best: { route: RouteDef; params: Record<string, string>; score: number[] } | undefined;
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const m = matchSegments(splitPath(route.path), segments);
      if (!m) continue;
      allowed.add(route.method);
      if (route.method !== method) continue;
      if (!best || compareScore(m.score, best.score) > 0) best = { route, params: m.params, score: m.score };
    }
    if (best) return { kind: 'match', match: { route: best.route, params: best.params, key: `${best.route.method} ${best.route.path}` } };
    if (allowed.size) return { kind: 'method', allowed: [...allowed] };
    return { kind: 'none' };
  }
}

function splitPath(p: string): string[] {
  return p.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): { params: Record<string, string>; score: number[] } | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  const score: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = actual[i]!;
    if (p.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(a);
      } catch {
        return undefined;
      }
      params[p.slice(1)] = value;
      score.push(0);
    } else if (p === a) {
      score.push(1);
    } else {
      return undefined;
    }
  }
  return { params, score };
}

function compareScore(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
