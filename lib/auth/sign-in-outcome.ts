import * as oauth from 'oauth4webapi';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { XApiError, xWords } from '../x/errors';
import { AuthError, isPageLoadFailure } from './errors';

/**
 * How the most recent sign-in attempt ended, kept so "Check my X app" can say whether X accepted the Client ID and
 * the callback URL without asking X again:
 *   ok                 X sent the person back with a code and the token exchange worked
 *   cancelled          X sent the person back with `error=access_denied` (they pressed Cancel)
 *   closed             the window closed before X sent anyone back — the person closed it, or X showed an error
 *                      page (an unknown Client ID or a callback URL the app does not list never comes back)
 *   page-error         X's page did not load (Chrome ends the flow on an HTTP error page, or when X is unreachable)
 *   authorize-error    X sent the person back with another `error` (invalid_request, unauthorized_client, …)
 *   redirect-mismatch  the window ended on an address other than Perch's callback URL
 *   state-mismatch     the answer carried a state this sign-in did not send
 *   token-error        X refused the code exchange at /2/oauth2/token (invalid_client, unauthorized_client, …)
 *   no-account         tokens were issued but GET /2/users/me failed
 *   network / server   X could not be reached, or failed
 *   not-configured     no Client ID
 * Stored in storage.local under `signIn.last`. clearOn: never — it holds no secret (an outcome, X's error code, the
 * Client ID and callback URL in use, the scopes X granted), and it is replaced by the next attempt.
 */
export type SignInOutcomeKind =
  | 'ok'
  | 'cancelled'
  | 'closed'
  | 'page-error'
  | 'authorize-error'
  | 'redirect-mismatch'
  | 'state-mismatch'
  | 'token-error'
  | 'no-account'
  | 'network'
  | 'server'
  | 'not-configured';

/** Where a sign-in attempt was when it ended. */
export type SignInStage = 'settings' | 'window' | 'redirect' | 'token' | 'account' | 'done';

// Built on first use (z.lazy), as lib/x's schemas: a woken worker rarely reads the last sign-in's outcome.
const outcomeSchema = z.lazy(() =>
  z.object({
    kind: z.literal([
      'ok',
      'cancelled',
      'closed',
      'page-error',
      'authorize-error',
      'redirect-mismatch',
      'state-mismatch',
      'token-error',
      'no-account',
      'network',
      'server',
      'not-configured',
    ]),
    /** ISO time the attempt ended. */
    at: z.string(),
    clientId: z.string(),
    redirectUri: z.string(),
    /** X's OAuth `error` code (authorize-error, token-error), e.g. `unauthorized_client`. */
    error: z.optional(z.string().check(z.maxLength(200))),
    /**
     * X's own words about the failure, as X sent them (never translated): the OAuth answer's `error_description`, or
     * for no-account the API refusal's words (`errors[].message`, `detail`).
     */
    description: z.optional(z.string().check(z.maxLength(500))),
    /** The HTTP status of the failed answer (token-error, server, no-account). */
    status: z.optional(z.int()),
    /** For no-account: the kind of X API failure (e.g. usage-capped, rate-limited), worded by the screen. */
    apiErrorKind: z.optional(z.string().check(z.maxLength(100))),
    /** Outcomes stored before issue 13 only: no-account's sentence, in the language the background spoke. Never written now. */
    message: z.optional(z.string().check(z.maxLength(500))),
    /** For ok: the scopes X granted (the token answer's `scope`, space-separated) and the account. */
    scope: z.optional(z.string().check(z.maxLength(2000))),
    accountId: z.optional(z.string()),
    username: z.optional(z.string()),
  }),
);
export type SignInOutcome = z.infer<typeof outcomeSchema>;

export const SIGN_IN_OUTCOME_KEY = 'signIn.last';

/** The last sign-in attempt's outcome, or undefined when there was none (or what is stored is malformed). */
export async function readSignInOutcome(): Promise<SignInOutcome | undefined> {
  const stored: Record<string, unknown> = await browser.storage.local.get(SIGN_IN_OUTCOME_KEY);
  const parsed = outcomeSchema.safeParse(stored[SIGN_IN_OUTCOME_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/** Replaces the stored outcome. Never throws: a failed write must not change how the sign-in itself ended. */
export async function saveSignInOutcome(outcome: SignInOutcome): Promise<void> {
  await browser.storage.local.set({ [SIGN_IN_OUTCOME_KEY]: outcome }).catch(() => undefined);
}

const clip = (s: string | undefined, n: number) => (s === undefined ? undefined : s.slice(0, n));

/** X's words within `n` UTF-16 units: cut between two code points (never inside a surrogate pair), ending with "…". */
function clipWords(s: string, n: number): string {
  if (s.length <= n) return s;
  let cut = n - 1;
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

/** X's OAuth error code, description and status, from an AuthError's cause (oauth4webapi's error types). */
function oauthDetails(error: unknown): Pick<SignInOutcome, 'error' | 'description' | 'status'> {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof oauth.AuthorizationResponseError || cause instanceof oauth.ResponseBodyError) {
    const status = cause instanceof oauth.ResponseBodyError ? cause.status : undefined;
    return {
      error: clip(cause.error, 200),
      ...(cause.error_description ? { description: clipWords(cause.error_description, 500) } : {}),
      ...(status !== undefined ? { status } : {}),
    };
  }
  if (cause instanceof oauth.OperationProcessingError) {
    const status = (cause.cause as Response | undefined)?.status;
    return typeof status === 'number' ? { status } : {};
  }
  return {};
}

/**
 * Classifies how a sign-in attempt failed, from the error it threw and the stage it had reached.
 * @throws never
 */
export function failedOutcome(error: unknown, stage: SignInStage): Omit<SignInOutcome, 'at' | 'clientId' | 'redirectUri'> {
  const kind = error instanceof AuthError ? error.kind : undefined;
  if (kind === 'not-configured') return { kind: 'not-configured' };
  if (stage === 'window') {
    if (kind === 'cancelled') return { kind: 'closed' };
    return { kind: error instanceof Error && isPageLoadFailure(error.cause) ? 'page-error' : 'network' };
  }
  if (stage === 'redirect') {
    if (kind === 'redirect-mismatch') return { kind: 'redirect-mismatch' };
    if (kind === 'cancelled') return { kind: 'cancelled', error: 'access_denied' };
    if (kind === 'denied') return { kind: 'authorize-error', ...oauthDetails(error) };
    return { kind: 'state-mismatch' };
  }
  if (stage === 'token') {
    if (kind === 'network') return { kind: 'network' };
    if (kind === 'server') return { kind: 'server', ...oauthDetails(error) };
    return { kind: 'token-error', ...oauthDetails(error) };
  }
  if (stage === 'account') {
    // X's refusal by kind and X's own words: the settings page words it in its reader's language.
    const api = error instanceof Error && error.cause instanceof XApiError ? error.cause : undefined;
    const said = api && xWords(api.problem);
    return {
      kind: 'no-account',
      ...(api ? { apiErrorKind: api.kind } : {}),
      ...(said ? { description: clipWords(said, 500) } : {}),
      ...(api?.status !== undefined ? { status: api.status } : {}),
    };
  }
  return { kind: kind === 'network' ? 'network' : 'server' };
}
