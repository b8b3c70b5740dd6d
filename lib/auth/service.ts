import type { KeepChoice } from '../db/wipe';
import { readSessionView, type AccountView } from '../storage';
import { createXClient, type XClient } from '../x/client';
import { getMe } from '../x/users';
import { AuthError, answeredByX, consentWindowError, noAccountWords, renewalWords, toXApiError, type AuthWords } from './errors';
import type { AuthDeps } from './deps';
import { RenewalLimits } from './renewal-limit';
import { failedOutcome, saveSignInOutcome, type SignInOutcome, type SignInStage } from './sign-in-outcome';
import { Revoker, settingsForGrant } from './grant-client';
import { beginAuthorization, checkRedirect, exchangeCode, refreshTokens, stateOf, type OAuthSettings } from './oauth';
import { savePending, takePending } from './pending';
import { accountViewOf, missingScopesOf, updateView, withoutAccount } from './session';
import { Turns } from './turns';
import { keepSignedInPair, savePairOrRevoke, type PairKeeper } from './pair-save';
import { finishSignOuts, signOutAccount } from './sign-out';
import { beginRenewal, clearTokens, endRenewal, fresh, readAccessToken, readGrantClientId, readRefreshToken } from './token-store';

export { REFRESH_AHEAD_MS } from './token-store';

export type { AuthDeps } from './deps';

/** How far a sign-in attempt got, and what it learnt on the way, for its recorded outcome. */
interface SignInTrace {
  stage: SignInStage;
  settings?: OAuthSettings;
  scope?: string;
}

/**
 * Owns signing in and out and handing out access tokens. Lives in the background only: UIs ask it through
 * messages and never see a token.
 */
export class AuthService {
  private readonly refreshing = new Map<string, Promise<string>>();
  /** Per account, until when X's limit on renewing the sign-in holds (kept in storage): X's token endpoint is asked nothing. */
  private readonly renewalLimited = new RenewalLimits();
  /** Grants being handed back to X in the background (sign-out, a replaced sign-in), each with its own Client ID. */
  private readonly revoker = new Revoker();
  /** Bumped by every sign-out, so a refresh that was in flight cannot bring the account's tokens back. */
  private readonly generation = new Map<string, number>();
  /** Each account's token writes, one after the other: a sign-out never clears between a refresh's check and save. */
  private readonly writes = new Turns();
  /** What keeping and clearing a grant need of this service (lib/auth/pair-save.ts, lib/auth/sign-out.ts). */
  private readonly keeper: PairKeeper = { writes: this.writes, generation: this.generation, revoker: this.revoker };
  private signingIn: Promise<AccountView> | undefined;

  constructor(private readonly deps: AuthDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /**
   * Runs the whole sign-in: PKCE, X's consent page, code exchange, the account's profile.
   * A second call while one is open joins it.
   * @throws AuthError
   */
  signIn(): Promise<AccountView> {
    this.signingIn ??= this.recordedSignIn().finally(() => {
      this.signingIn = undefined;
    });
    return this.signingIn;
  }

  /** Runs the sign-in and records how it ended (lib/auth/sign-in-outcome.ts), for "Check my X app". */
  private async recordedSignIn(): Promise<AccountView> {
    const trace: SignInTrace = { stage: 'settings' };
    const record = (outcome: Omit<SignInOutcome, 'at' | 'clientId' | 'redirectUri'>) =>
      saveSignInOutcome({
        ...outcome,
        at: new Date(this.now()).toISOString(),
        clientId: trace.settings?.clientId ?? '',
        redirectUri: trace.settings?.redirectUri ?? '',
      });
    try {
      const account = await this.runSignIn(trace);
      await record({
        kind: 'ok',
        accountId: account.id,
        username: account.username,
        ...(trace.scope !== undefined ? { scope: trace.scope } : {}),
      });
      return account;
    } catch (error) {
      await record(failedOutcome(error, trace.stage));
      throw error;
    }
  }

  private async runSignIn(trace: SignInTrace): Promise<AccountView> {
    const s = await this.deps.settings();
    trace.settings = s;
    if (!s.clientId) throw new AuthError('not-configured');
    const { url, pending } = await beginAuthorization(s);
    await savePending(pending, this.now());

    let responseUrl: string;
    trace.stage = 'window';
    try {
      responseUrl = await this.deps.launchWebAuthFlow(url);
    } catch (error) {
      await takePending(pending.state, this.now());
      throw consentWindowError(error);
    }

    // This attempt's answer only: another attempt's state (one a stopped worker left) is refused, and that one dropped.
    trace.stage = 'redirect';
    const state = stateOf(responseUrl);
    const stored = await takePending(pending.state, this.now());
    if (!stored || state !== pending.state) {
      if (state) await takePending(state, this.now());
      throw new AuthError('state-mismatch');
    }
    const params = checkRedirect(s, responseUrl, stored);
    trace.stage = 'token';
    const pair = await exchangeCode(s, params, stored);
    trace.scope = pair.access.scope;

    trace.stage = 'account';
    let user;
    try {
      user = await getMe(this.client(s, () => Promise.resolve(pair.access.token)));
    } catch (error) {
      // Signed in at X but we could not learn who: give the grant back rather than keep an orphan token.
      this.revoker.later(s, [pair.refreshToken, pair.access.token]);
      // X's reason when it gave one (an app out of credits is not fixed by trying again), by kind and X's words.
      throw new AuthError('server', noAccountWords(error, this.now()), { cause: error });
    }
    trace.stage = 'done';
    await keepSignedInPair(this.keeper, s, user.id, pair);
    // What X did not grant is said under the account from now on, not first when an action needing it is refused.
    const account = { ...accountViewOf(user), ...missingScopesOf(s.scopes, pair.access.scope) };
    await updateView((v) => ({
      accounts: [...v.accounts.filter((a) => a.id !== account.id), account],
      activeAccountId: account.id,
      notice: null,
    }));
    return account;
  }

  /**
   * Returns a usable access token for the account, refreshing when it is near expiry or when `rejected`
   * (a token X just answered 401 to) is still the stored one. One refresh at a time per account, across
   * every caller: an in-flight promise here plus a Web Lock across contexts.
   * @throws AuthError — 'signed-out' after X refuses the refresh token, or when the pair X issued could not be saved
   * (the account is then signed out locally with the reason shown); 'network' / 'server' leave the user signed in.
   */
  async getAccessToken(userId: string, rejected?: string): Promise<string> {
    const current = await readAccessToken(userId);
    if (current && current.token !== rejected && fresh(current, this.now())) return current.token;
    // X limited the last renewal: refused here, as X's 429 was, until X's window ends; nothing is asked of X.
    await this.renewalLimited.check(userId, this.now());
    let inflight = this.refreshing.get(userId);
    if (!inflight) {
      inflight = this.withLock(`perch-refresh-${userId}`, () => this.refreshLocked(userId, rejected)).finally(() => {
        this.refreshing.delete(userId);
      });
      this.refreshing.set(userId, inflight);
    }
    return inflight;
  }

  private async refreshLocked(userId: string, rejected: string | undefined): Promise<string> {
    // Re-read inside the lock: another context may have refreshed while we waited.
    const current = await readAccessToken(userId);
    if (current && current.token !== rejected && fresh(current, this.now())) return current.token;
    const generation = this.generation.get(userId) ?? 0;
    const refreshToken = await readRefreshToken(userId);
    if (!refreshToken) {
      // Signed in as far as the screens know, yet no usable refresh token: say so. Signed out on purpose: just refuse.
      if ((await readSessionView()).accounts.some((a) => a.id === userId)) {
        await this.signOutLocally(userId, { kind: 'sign-in-gone' });
      }
      throw new AuthError('signed-out');
    }
    // Refreshed with the app that issued the grant, even when the person has since set another Client ID.
    const s = settingsForGrant(await this.deps.settings(), await readGrantClientId(userId));
    const moved = () => (this.generation.get(userId) ?? 0) !== generation;
    const cutOff = await beginRenewal(userId); // marked until X answers; one left from before: a renewal cut off
    let pair;
    try {
      pair = await refreshTokens(s, refreshToken);
    } catch (error) {
      if (answeredByX(error)) await endRenewal(userId);
      const limited = await this.renewalLimited.note(userId, error, this.now());
      if (limited) throw limited;
      if (error instanceof AuthError && error.kind === 'signed-out') {
        const again = await readRefreshToken(userId);
        if (again && again !== refreshToken) {
          // Someone rotated the pair while we were refused: theirs is the live one.
          const fresh = await readAccessToken(userId);
          if (fresh) return fresh.token;
        }
        // Signed out by the person meanwhile (the generation moved on): they asked, so no notice says otherwise.
        if (!moved()) await this.signOutLocally(userId, renewalWords(error.words, cutOff));
      }
      throw error;
    }
    const saved = await this.writes.run(userId, async () => {
      if (moved()) return 'moved';
      return (await savePairOrRevoke(this.revoker, s, userId, pair)) ? 'saved' : 'lost';
    });
    await endRenewal(userId);
    // Signed out while X was answering: hand the new grant back instead of keeping it. Signed out during the save:
    // that sign-out waited its turn, and clears and revokes the pair just saved (so not here as well).
    if (saved === 'moved') this.revoker.later(s, [pair.refreshToken, pair.access.token]);
    if (saved === 'lost') {
      // Not saved, and handed back to X: X retired the refresh token stored for the new one, so nothing is left to refresh
      // with. Signed out now, saying Perch could not keep the sign-in, not later as though X had ended it.
      const why = { kind: 'key-not-stored' } as const;
      if (!moved()) await this.signOutLocally(userId, why);
      throw new AuthError('signed-out', why);
    }
    if (moved()) throw new AuthError('signed-out');
    return pair.access.token;
  }

  /**
   * Signs one account out, keeping `keep` of its data: takes it off the screens, clears its tokens locally, then
   * revokes them at X in the background (lib/auth/sign-out.ts): signing out never waits for X. Others are untouched.
   */
  signOut(userId: string, keep: readonly KeepChoice[] = []): Promise<void> {
    return signOutAccount(this.keeper, this.deps, userId, keep);
  }

  /** Finishes, quietly, the sign-outs a stopped worker left half done (at a worker's start); not during a sign-in. */
  async finishSignOuts(): Promise<void> {
    if (!this.signingIn) await finishSignOuts(this.keeper, this.deps);
  }

  /** Resolves once the revocations started so far have ended, however they ended (tests). */
  revoked(): Promise<void> {
    return this.revoker.settled();
  }

  /** The scopes X granted to the account's current access token (X's `scope`, space-separated), when Perch holds one. */
  async grantedScope(userId: string): Promise<string | undefined> {
    return (await readAccessToken(userId))?.scope;
  }

  /** Makes another signed-in account the active one. @throws AuthError 'signed-out' for an unknown account. */
  async switchAccount(userId: string): Promise<void> {
    const view = await readSessionView();
    if (!view.accounts.some((a) => a.id === userId)) throw new AuthError('signed-out');
    await updateView((v) => ({ ...v, activeAccountId: userId }));
  }

  /**
   * Reads the account's profile from X (GET /2/users/me, x-api--users--lookup--get-me) and updates its entry in
   * the session view: a new name, @username or picture shows everywhere. Answers the entry with its sign-in's scopes.
   * `client` acts as the account: the background hands its rate-limited one (lib/x/limiter.ts), so X's limits on
   * GET /2/users/me are kept, and a reset X gives is believed at most a day ahead, as for every other request.
   * @throws XApiError as the client does ('signed-out' when X refuses its grant).
   */
  async refreshAccount(userId: string, client: XClient): Promise<AccountView> {
    const account = accountViewOf(await getMe(client));
    const kept = (a: AccountView) => (a.missingScopes ? { ...account, missingScopes: a.missingScopes } : account);
    await updateView((v) => ({ ...v, accounts: v.accounts.map((a) => (a.id === account.id ? kept(a) : a)) }));
    return (await readSessionView()).accounts.find((a) => a.id === account.id) ?? account;
  }

  /** An X API client acting as this account. Token failures reach it as XApiError, like every other failure. */
  clientFor(userId: string, s: OAuthSettings): XClient {
    return this.client(
      s,
      (rejected) =>
        this.getAccessToken(userId, rejected).catch((error: unknown) => {
          throw toXApiError(error);
        }),
      async () => (await readAccessToken(userId))?.scope.split(' ').filter(Boolean),
    );
  }

  private client(
    s: OAuthSettings,
    getAccessToken: (rejected?: string) => Promise<string>,
    grantedScopes?: () => Promise<readonly string[] | undefined>,
  ): XClient {
    return createXClient({
      baseUrl: s.apiBaseUrl,
      getAccessToken,
      ...(grantedScopes ? { grantedScopes } : {}),
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
  }

  /** Signs an account out that did not ask to be, with why by kind and facts: each screen words it for its reader. */
  private async signOutLocally(userId: string, why: AuthWords): Promise<void> {
    await clearTokens(userId);
    const view = await readSessionView();
    const username = view.accounts.find((a) => a.id === userId)?.username;
    await updateView((v) => withoutAccount(v, userId, { why, at: new Date(this.now()).toISOString(), ...(username ? { username } : {}) }));
  }

  private async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const locks = this.deps.locks;
    return locks ? locks.request(name, fn) : fn();
  }
}
