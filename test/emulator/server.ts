/**
 * The X API emulator: a node:http server on 127.0.0.1 that answers like api.x.com / x.com for the
 * endpoints registered in `createRouter()`, plus the control API under /__emulator/.
 *
 * Request pipeline for API/OAuth requests: log entry → injected fault (if any) → route match (404/405)
 * → bearer auth (401) → per-user rate limit (429) → scopes (403) → query validation (400) → handler.
 * Every answer outside /__emulator/ carries x-rate-limit-limit / -remaining / -reset.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bareAnswer } from './bare';
import { CONTROL_PREFIX, handleControl } from './control';
import { ContractObserver } from './contract-observer';
import { liveObservers } from './contract-registry';
import {
  checkAllowedQuery,
  missingScopes,
  methodNotAllowed,
  problem,
  ReplyError,
  routeNotFound,
  tooManyRequests,
  usageCapped,
  unauthorized,
  type AuthInfo,
  type Reply,
  type RequestContext,
} from './http';
import { registerBlockRoutes } from './blocks';
import { registerBookmarkRoutes } from './bookmarks';
import { registerFollowRoutes } from './follows';
import { registerLikeRoutes } from './likes';
import { registerListRoutes } from './lists';
import { registerMediaRoutes } from './media';
import { registerMuteRoutes } from './mutes';
import { registerOAuthRoutes } from './oauth';
import { registerPostRoutes } from './posts';
import { registerRepostRoutes } from './reposts';
import { consumeRate, exhaustedHeaders, peekRate } from './rate-limits';
import { Router } from './router';
import type { SeedName } from './seed';
import { EmulatorState, type LogEntry } from './state';
import { registerUserRoutes } from './users';

export interface EmulatorClient {
  clientId: string;
  redirectUris: string[];
}
export interface EmulatorOptions {
  /** 0 = any free port (default). */
  port?: number;
  /** Registered OAuth 2.0 public clients. Default: perch-test-client and perch-demo-client with no callback URLs yet. */
  clients?: EmulatorClient[];
  /** Enterprise plan: unlocks Enterprise-only endpoints (blocks, quote posts) once they exist. */
  enterprise?: boolean;
  /**
   * Whether a self-serve reply to one's own post counts as summoned (default true); see
   * `EmulatorState.selfRepliesAllowed` and README.md ("Decisions the docs left open").
   */
  selfRepliesAllowed?: boolean;
  seed?: SeedName;
  /**
   * Start with bare answers (bare.ts: every successful answer stripped to what X must send; `reset()` restores
   * this). Default: the environment variable `EMULATOR_BARE_ANSWERS=1`, else off.
   */
  bareAnswers?: boolean;
}
export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Direct access for in-process tests. */
  state: EmulatorState;
  /**
   * Every request and answer checked against X's OpenAPI description (contract-observer.ts). Test teardowns fail
   * on its violations; a test that sends a bad request on purpose claims it with `contract.take({ rule, … })`.
   */
  contract: ContractObserver;
}

/** Fault kinds whose answer the test broke on purpose: exempt from the response check (the request is not). */
const EXEMPT_FAULTS = new Set(['cut', 'drop', 'status', 'rate_limit', 'malformed']);

export const DEFAULT_CLIENTS: EmulatorClient[] = [
  { clientId: 'perch-test-client', redirectUris: [] },
  { clientId: 'perch-demo-client', redirectUris: [] },
];

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Every resource's routes. Later resources add one `registerXRoutes(router)` line here. */
export function createRouter(): Router {
  const router = new Router();
  registerOAuthRoutes(router);
  registerUserRoutes(router);
  registerPostRoutes(router);
  registerMediaRoutes(router);
  registerBookmarkRoutes(router);
  registerListRoutes(router);
  registerMuteRoutes(router);
  registerBlockRoutes(router);
  registerRepostRoutes(router);
  registerLikeRoutes(router);
  registerFollowRoutes(router);
  return router;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  let body: string | Buffer;
  let contentType: string;
  if (reply.raw !== undefined) {
    body = reply.raw;
    contentType = reply.contentType ?? 'application/octet-stream';
  } else if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    contentType = reply.contentType ?? 'application/json; charset=utf-8';
  } else {
    body = '';
    contentType = reply.contentType ?? 'text/plain; charset=utf-8';
  }
  res.writeHead(reply.status, {
    ...extraHeaders,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...reply.headers,
  });
  res.end(body);
}

/**
 * An answer spoiled on the way (the `malformed` fault): its status and headers as X sent them, its JSON cut short
 * (a body cut anywhere before its last character never parses), so the client cannot read what X did.
 */
function spoiled(reply: Reply): Reply {
  const whole = reply.raw ?? (reply.json !== undefined ? JSON.stringify(reply.json) : '');
  const text = typeof whole === 'string' ? whole : whole.toString('utf8');
  const raw = text.length > 1 ? text.slice(0, Math.ceil(text.length / 2)) : '{"data":{';
  return { ...reply, json: undefined, raw, contentType: 'application/json; charset=utf-8' };
}

function authenticate(state: EmulatorState, req: IncomingMessage): AuthInfo | undefined {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) return undefined;
  const token = state.tokens.get(m[1]!);
  if (!token || token.kind !== 'access' || state.tokenStatus(token) !== 'active') return undefined;
  const grant = state.grants.get(token.grantId);
  if (!grant || grant.revoked) return undefined;
  return { token: token.token, userId: token.userId, clientId: token.clientId, scopes: token.scopes, grantId: token.grantId };
}

/**
 * `GET /__emulator/contract`: `{violations, operationsSeen}` (violations not yet claimed); `DELETE` claims them all
 * and answers the same (a teardown reads and clears in one call).
 */
function contractControl(contract: ContractObserver, method: string): Reply {
  if (method === 'GET') return { status: 200, json: contract.report() };
  if (method === 'DELETE') {
    const report = contract.report();
    contract.take();
    return { status: 200, json: report };
  }
  return methodNotAllowed(['GET', 'DELETE']);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** A word's first whole character (grapheme) that is a letter or a digit: never half an emoji, a flag or an accent. */
function initialOf(word: string): string | undefined {
  for (const { segment } of graphemes.segment(word)) if (LETTER_OR_DIGIT.test(segment)) return segment;
  return undefined;
}

/**
 * The picture's initials, as Perch's own tile draws them (components/Avatar.tsx initialsOf, not imported here: that
 * module pulls React): the first letter or digit of the name's first two words that have one, else the username's.
 */
function pictureInitials(name: string, username: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.flatMap((w) => initialOf(w) ?? []).slice(0, 2);
  return (letters.join('') || initialOf(username) || '?').toLocaleUpperCase();
}

function avatarSvg(state: EmulatorState, path: string): Reply {
  const id = path.split('/')[2] ?? '';
  const user = state.users.get(id);
  const initials = pictureInitials(user?.name ?? '', user?.username ?? '').replace(/[<&>"]/g, '');
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="hsl(${hash},55%,45%)"/><text x="48" y="60" font-family="sans-serif" font-size="36" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return { status: user ? 200 : 404, raw: svg, contentType: 'image/svg+xml', headers: { 'cache-control': 'public, max-age=3600' } };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState({
    clients: opts.clients ?? DEFAULT_CLIENTS,
    ...(opts.enterprise !== undefined ? { enterprise: opts.enterprise } : {}),
    ...(opts.selfRepliesAllowed !== undefined ? { selfRepliesAllowed: opts.selfRepliesAllowed } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    bareAnswers: opts.bareAnswers ?? process.env.EMULATOR_BARE_ANSWERS === '1',
  });
  const router = createRouter();
  const timers = new Set<NodeJS.Timeout>();
  const contract = new ContractObserver();
  liveObservers.add(contract);

  function sleep(ms: number, res: ServerResponse): Promise<boolean> {
    // Resolves true when the delay passed, false as soon as the client went away.
    return new Promise((resolve) => {
      const onClose = () => {
        clearTimeout(t);
        timers.delete(t);
        resolve(false);
      };
      const t = setTimeout(() => {
        timers.delete(t);
        res.off('close', onClose);
        resolve(!res.destroyed);
      }, ms);
      timers.add(t);
      res.once('close', onClose);
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const entry: LogEntry = {
      at: new Date(state.now()).toISOString(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: null,
    };
    if (path === '/2/oauth2/token' && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      const grantType = new URLSearchParams(body.toString('utf8')).get('grant_type');
      if (grantType) entry.grant_type = grantType;
    }
    state.log.push(entry);
    // The request is checked whatever happens next; the answer too, unless a fault breaks it on purpose.
    const operationId = contract.request(req, method, url, body, authenticate(state, req)?.scopes);
    let answerExempt = false;
    let cut = false;
    let spoil = false;
    const finish = (answer: Reply, headers: Record<string, string>) => {
      if (res.destroyed) {
        entry.aborted = true;
        return;
      }
      // Bare answers (bare.ts): what a strict X must send, and no more; checked against the contract like any other.
      const reply =
        state.bareAnswers && operationId && !answerExempt && answer.json !== undefined && answer.status < 300
          ? { ...answer, json: bareAnswer(operationId, answer.status, answer.json) }
          : answer;
      entry.status = reply.status;
      if (operationId && !answerExempt) contract.response(operationId, method, path, reply);
      if (cut) {
        // Handled, then the connection breaks mid-answer: the client cannot know what happened.
        req.socket.end(`HTTP/1.1 ${reply.status} \r\n`, () => req.socket.destroy());
        return;
      }
      // Every answer carries the server's clock in `Date` (RFC 9110 §6.6.1), as X's do: the emulator's clock, moved
      // with it, so a client reading resets against `Date` sees what it would see from X.
      write(res, spoil ? spoiled(reply) : reply, { date: new Date(state.now()).toUTCString(), ...headers });
    };

    const matched = router.match(method, path);
    const routeKey = matched.kind === 'match' ? matched.match.key : `${method} ${path}`;

    const fault = state.takeFault(method, path);
    if (fault) {
      entry.fault = fault.kind;
      answerExempt = EXEMPT_FAULTS.has(fault.kind);
      switch (fault.kind) {
        case 'cut':
          cut = true;
          break;
        case 'drop':
          req.socket.destroy();
          return;
        case 'status':
          return finish(problem(fault.status ?? 503), peekRate(state, 'fault', routeKey));
        case 'rate_limit':
          return finish(tooManyRequests(), exhaustedHeaders(state, routeKey));
        case 'usage_capped':
          // The app is out of credits / over its spending limit: a 429 whose rate-limit window is not spent.
          return finish(usageCapped(), peekRate(state, 'fault', routeKey));
        case 'malformed':
          // Handled as usual, then its answer is spoiled on the way (spoiled): X did the request (a write too) and the
          // client cannot read what X said about it. Answering without doing it would leave the emulator's X holding
          // what real X would not: a List not made, a follow not done, which the client's look on X would then trust.
          spoil = true;
          break;
        case 'hold': {
          // Held until a test lets X answer (POST /__emulator/faults/release), then handled as usual.
          await state.holdRequest();
          if (res.destroyed) {
            entry.aborted = true;
            return;
          }
          break;
        }
        case 'slow': {
          const stillThere = await sleep(fault.delayMs ?? 0, res);
          if (!stillThere) {
            entry.aborted = true;
            return;
          }
          break;
        }
      }
    }

    if (matched.kind === 'none') return finish(routeNotFound(), peekRate(state, 'anonymous', 'unmatched'));
    if (matched.kind === 'method') return finish(methodNotAllowed(matched.allowed), peekRate(state, 'anonymous', 'unmatched'));

    const { route, params, key } = matched.match;
    const ctx: RequestContext = { state, req, method, path, query: url.searchParams, params, rawBody: body, log: entry };
    let rateHeaders: Record<string, string> = {};
    try {
      if (route.auth === 'user') {
        const auth = authenticate(state, req);
        if (!auth) return finish(unauthorized(), peekRate(state, 'anonymous', key));
        ctx.auth = auth;
        entry.user_id = auth.userId;
        entry.client_id = auth.clientId;
        // One window per user whatever the app: "the authenticated user ... can only call the endpoint a certain number
        // of times across any developer App" (x-api--lists--pinned-lists--integrate, x-api--posts--bookmarks--integrate).
        const rate = consumeRate(state, `user:${auth.userId}`, key);
        rateHeaders = rate.headers;
        if (rate.limited) return finish(tooManyRequests(), rateHeaders);
        const required = route.scopes ?? [];
        const missing = required.filter((s) => !auth.scopes.includes(s));
        if (missing.length) return finish(missingScopes(required, missing), rateHeaders);
      } else {
        const rate = consumeRate(state, route.rateSubject?.(ctx) ?? 'anonymous', key);
        rateHeaders = rate.headers;
        if (rate.limited) return finish(tooManyRequests(), rateHeaders);
      }
      if (route.query) checkAllowedQuery(ctx.query, route.query);
      finish(await route.handler(ctx), rateHeaders);
    } catch (err) {
      if (err instanceof ReplyError) return finish(err.reply, rateHeaders);
      console.error('[x-emulator] handler error', err);
      finish(problem(500), rateHeaders);
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        if (!res.destroyed) write(res, problem(400, 'Request body could not be read.'));
        return;
      }
      if (url.pathname === `${CONTROL_PREFIX}contract`) return write(res, contractControl(contract, req.method ?? 'GET'));
      if (url.pathname.startsWith(CONTROL_PREFIX)) return write(res, handleControl(state, req, url.pathname, body));
      if (url.pathname.startsWith('/profile_images/') && req.method === 'GET') return write(res, avatarSvg(state, url.pathname));
      await handleApi(req, res, url, body);
    })().catch((err: unknown) => {
      console.error('[x-emulator] request failed', err);
      if (!res.headersSent && !res.destroyed) write(res, problem(500));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  state.baseUrl = url;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    state,
    contract,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        // Violations nobody claimed yet stay visible to the next teardown check.
        contract.closed = true;
        if (contract.violations.length === 0) liveObservers.delete(contract);
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
