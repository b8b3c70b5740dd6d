/** A small client for the X API emulator's control API (test/emulator/README.md), used by every e2e test. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatViolations, type RecordedViolation } from '../../emulator/contract-registry';
import type { OversizeSeed } from '../../emulator/oversize';
import { SECOND_USER_ID } from '../../emulator/seed';

export interface LogEntry {
  at: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  status: number;
  grant_type?: string;
  user_id?: string;
  aborted?: boolean;
}

export interface IssuedToken {
  token: string;
  kind: string;
  state: string;
}

/** What X (the emulator) holds for an account: its posts, people and lists (`GET /__emulator/users/:id/relations`). */
export interface Relations {
  user_id: string;
  following: string[];
  followers: string[];
  pending_follows: string[];
  muting: string[];
  blocking: string[];
  likes: string[];
  reposts: string[];
  bookmarks: string[];
  bookmark_folders: { id: string; name: string; post_ids: string[] }[];
  owned_lists: { id: string; name: string; description: string; private: boolean; member_ids: string[] }[];
  list_memberships: string[];
  followed_lists: string[];
  pinned_lists: string[];
}

export class EmulatorControl {
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  reset = () => this.call<void>('POST', 'reset');
  /** Registers a client or adds callback URLs; `confidential` makes it a Web App, which must send a Basic header. */
  registerClient = (clientId: string, redirectUris: string[], options: { confidential?: boolean } = {}) =>
    this.call<void>('POST', 'clients', { client_id: clientId, redirect_uris: redirectUris, ...options });
  advanceClock = (seconds: number) => this.call<void>('POST', 'clock', { advance_seconds: seconds });
  fault = (f: { method?: string; path: string; count: number; kind: string; status?: number; delay_ms?: number }) =>
    this.call<void>('POST', 'faults', f);
  clearFaults = () => this.call<void>('DELETE', 'faults');
  /** How many requests a `hold` fault is holding: they reached X, which has not answered. */
  held = async () => (await this.call<{ held: number }>('GET', 'faults')).held;
  /** Lets X answer every request a `hold` fault is holding (each is then handled as usual). */
  release = () => this.call<{ released: number }>('POST', 'faults/release');
  clearLog = () => this.call<void>('DELETE', 'log');
  revokeGrants = (userId: string) => this.call<void>('POST', 'revoke-grants', { user_id: userId });
  setSessionUser = (userId: string) => this.call<void>('POST', 'session', { user_id: userId });
  /** The emulator's plan switches (README, "Control API"): Enterprise, and whether self-serve replies to one's own posts pass. */
  config = (c: {
    enterprise?: boolean;
    self_replies_allowed?: boolean;
    video_processing_error?: string | null;
    posts_without_author?: boolean;
    /** Every successful answer stripped to what X must send (test/emulator/bare.ts). */
    bare_answers?: boolean;
  }) => this.call<{ enterprise: boolean; self_replies_allowed: boolean; video_processing_error: string | null }>('POST', 'config', c);
  /** Oversize accounts, posts and Lists for layout tests (test/emulator/oversize.ts), for Ada unless told. */
  oversize = (userId?: string) => this.call<OversizeSeed>('POST', 'oversize', userId ? { user_id: userId } : {});
  /** What X holds for the account (Ada, the demo account, unless told). */
  relations = (userId: string = ADA.id) => this.call<Relations>('GET', `users/${userId}/relations`);

  async log(): Promise<LogEntry[]> {
    const body = await this.call<LogEntry[] | { entries: LogEntry[] }>('GET', 'log');
    return Array.isArray(body) ? body : body.entries;
  }

  /**
   * Waits until X has been asked nothing for `quietMs` and every request has its answer (at most `maxMs`): a sync a
   * tab started runs on in the background after the tab closes, and a test that changes X's side next (revoking the
   * sign-in) must not race it. The emulator logs a request when it arrives (status null until answered).
   */
  async untilQuiet(quietMs = 1500, maxMs = 30_000): Promise<void> {
    const end = Date.now() + maxMs;
    let seen = -1;
    let since = Date.now();
    for (;;) {
      const log = await this.log();
      const answered = log.every((e) => e.status !== null);
      if (log.length !== seen || !answered) [seen, since] = [log.length, Date.now()];
      else if (Date.now() - since >= quietMs) return;
      if (Date.now() > end) throw new Error(`X was still being asked after ${maxMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async tokens(): Promise<string[]> {
    const body = await this.call<unknown>('GET', 'tokens');
    const list = Array.isArray(body) ? body : ((body as { tokens?: unknown[] }).tokens ?? []);
    return list.map((t) => (typeof t === 'string' ? t : (t as IssuedToken).token));
  }

  /**
   * Calls X's API (the emulator's) as the signed-in account, with the access token the emulator issued to Perch that
   * is still active: what X holds, read or changed behind Perch's back. A string body is sent as JSON, a form as multipart.
   */
  async asSignedIn(path: string, init: RequestInit = {}): Promise<Response> {
    const issued = await this.call<IssuedToken[]>('GET', 'tokens');
    const access = issued.find((t) => t.kind === 'access' && t.state === 'active');
    if (!access) throw new Error('the emulator holds no active access token issued to Perch');
    // A string body is JSON; a form sets its own multipart type.
    const json = typeof init.body === 'string' ? { 'content-type': 'application/json' } : {};
    return fetch(`${this.url}${path}`, { ...init, headers: { authorization: `Bearer ${access.token}`, ...json } });
  }

  /** GET on X's API as the signed-in account (`asSignedIn`): the answer's JSON body. */
  async readAsSignedIn(path: string): Promise<unknown> {
    return (await this.asSignedIn(path)).json();
  }

  /**
   * What the emulator's contract observer saw (GET /__emulator/contract): violations of X's OpenAPI description not
   * yet claimed, and every operationId requested since it started. `claim: true` also clears the violations.
   */
  contract = (claim = false) =>
    this.call<{ violations: RecordedViolation[]; operationsSeen: string[] }>(claim ? 'DELETE' : 'GET', 'contract');

  /** Token-endpoint requests in the log, by grant type. */
  async tokenRequests(grantType: 'authorization_code' | 'refresh_token'): Promise<LogEntry[]> {
    return (await this.log()).filter((e) => e.path === '/2/oauth2/token' && e.grant_type === grantType);
  }
}

/** The demo account the emulator's consent page signs in as. */
export const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
/** The emulator's second account, for specs that sign in as someone else (signInAs). */
export const GRACE = { id: SECOND_USER_ID, username: 'gracehop' } as const;
/** The port the test build (.env.test) points at. */
export const TEST_EMULATOR_PORT = 8787;
export const TEST_CLIENT_ID = 'perch-test-client';

/** Every operationId the emulator saw in the end-to-end run, merged across tests and workers (test/summary.ts reads it). */
export const OPERATIONS_SEEN_FILE = fileURLToPath(new URL('../../../.reports/operations-seen.json', import.meta.url));

function recordOperationsSeen(seen: readonly string[]): void {
  let known: string[] = [];
  try {
    known = JSON.parse(readFileSync(OPERATIONS_SEEN_FILE, 'utf8')) as string[];
  } catch {
    // first test of the run
  }
  mkdirSync(dirname(OPERATIONS_SEEN_FILE), { recursive: true });
  writeFileSync(OPERATIONS_SEEN_FILE, JSON.stringify([...new Set([...known, ...seen])].sort(), null, 1));
}

/**
 * The emulator fixture's teardown in both browsers: claims the violations of X's OpenAPI description the test caused
 * (requests Perch sent, answers the emulator gave; answers a fault broke on purpose are exempt) and fails the test
 * with each one's operationId and rule; records the operations seen for the summary.
 */
export async function assertContractKept(emu: EmulatorControl): Promise<void> {
  const { violations, operationsSeen } = await emu.contract(true);
  recordOperationsSeen(operationsSeen);
  if (violations.length)
    throw new Error(`X API contract: ${violations.length} violation(s) in this test:\n${formatViolations(violations)}`);
}
