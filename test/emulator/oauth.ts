/**
 * OAuth 2.0 Authorization Code with PKCE for public clients, as described in
 * fundamentals--authentication--oauth-2-0--authorization-code and --user-access-token:
 *   GET  /i/oauth2/authorize            consent page (HTML, works without JavaScript)
 *   POST /i/oauth2/authorize/decision   the consent form's target; 302 back to the redirect_uri
 *   POST /2/oauth2/token                authorization_code and refresh_token grants (form-encoded)
 *   POST /2/oauth2/revoke               token revocation (form-encoded)
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { escapeHtml, formBody, html, isForm, json, type Reply, type RequestContext } from './http';
import type { Router } from './router';
import {
  CODE_TTL_MS,
  PENDING_AUTHORIZATION_TTL_MS,
  X_SCOPES,
  randomToken,
  type AuthorizationCode,
  type EmulatorState,
  type Grant,
  type PendingAuthorization,
} from './state';

/**
 * 1 to 128 unreserved characters. No minimum of 43 (RFC 7636's for a verifier): X's own example authorize URL sends
 * `code_challenge=challenge&code_challenge_method=plain` and then `code_verifier=challenge`
 * (fundamentals--authentication--oauth-2-0--authorization-code, "Authorize URL"; --user-access-token, steps 2 and 3).
 */
const CHALLENGE_PATTERN = /^[A-Za-z0-9\-._~]{1,128}$/;
const MAX_STATE_LENGTH = 500;

// ---- OAuth error bodies (RFC 6749 §5.2 shape; X's wording where known) ----

function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description }, { 'cache-control': 'no-store', pragma: 'no-cache' });
}
/** X's answer for a bad / used / revoked refresh token (and for a token of another client on revoke). */
const invalidToken = () => oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');
const missingParam = (name: string) => oauthError(400, 'invalid_request', `Missing required parameter [${name}].`);
const unauthorizedClient = () => oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
const invalidGrant = (description: string) => oauthError(400, 'invalid_grant', description);
/**
 * X's answer for an authorization code it does not take: unknown, already exchanged or past its 30 seconds. Observed
 * (no X page gives token error bodies): a code exchanged a second time got `invalid_request`, "Value passed for the
 * authorization code was invalid." (plhery/node-twitter-api-v2 issue 496), the words X uses for a bad refresh token.
 */
const invalidCode = () => oauthError(400, 'invalid_request', 'Value passed for the authorization code was invalid.');

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Client identification on the token endpoints: a Basic header (confidential style) or `client_id` in the body. */
function identifyClient(ctx: RequestContext, body: URLSearchParams): { clientId?: string; error?: Reply } {
  const header = ctx.req.headers.authorization;
  if (header && /^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const clientId = decodeURIComponent(decoded.split(':')[0] ?? '');
    if (!ctx.state.clients.has(clientId)) return { error: unauthorizedClient() };
    return { clientId };
  }
  const clientId = body.get('client_id');
  if (!clientId) return { error: missingParam('client_id') };
  const client = ctx.state.clients.get(clientId);
  // A confidential client must authenticate with its Basic header; named only in the body, X refuses it.
  if (!client || client.confidential) return { error: unauthorizedClient() };
  return { clientId };
}

function tokenResponse(state: EmulatorState, grant: Grant): Reply {
  const { access, refresh } = state.issueTokenPair(grant);
  const body: Record<string, unknown> = {
    token_type: 'bearer',
    expires_in: 7200,
    access_token: access.token,
    scope: grant.scopes.join(' '),
  };
  if (refresh) body.refresh_token = refresh.token;
  return json(200, body, { 'cache-control': 'no-store', pragma: 'no-cache' });
}

function formRateSubject(ctx: RequestContext): string {
  const id = isForm(ctx) ? formBody(ctx).get('client_id') : null;
  return `client:${id ?? 'anonymous'}`;
}

// ---- authorize ----

interface AuthorizeCheck {
  problems: string[];
  /** Set when client and redirect_uri were verified, so the page may mention where it would go back to. */
  request?: Omit<PendingAuthorization, 'id' | 'userId' | 'createdAt'>;
}

/** The raw (still encoded) value of `name` in a query string, or undefined. */
function rawQueryValue(search: string, name: string): string | undefined {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    if ((eq < 0 ? pair : pair.slice(0, eq)) === name) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return undefined;
}

function checkAuthorize(state: EmulatorState, q: URLSearchParams, rawSearch: string): AuthorizeCheck {
  const problems: string[] = [];
  // Scopes are space-separated and percent-encoded (%20); X has answered `+`-joined scope lists with HTTP 400
  // (fundamentals--authentication--oauth-2-0--authorization-code: "proper encoding", every example uses %20).
  if (rawQueryValue(rawSearch, 'scope')?.includes('+')) {
    problems.push('scope must separate scopes with a percent-encoded space (%20), not "+".');
  }
  const clientId = q.get('client_id');
  const client = clientId ? state.clients.get(clientId) : undefined;
  if (!clientId) problems.push('client_id is missing.');
  else if (!client) problems.push(`client_id "${clientId}" is not a registered app.`);

  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) problems.push('redirect_uri is missing.');
  else if (client && !client.redirectUris.includes(redirectUri))
    problems.push(`redirect_uri "${redirectUri}" does not exactly match a callback URL registered for this app.`);

  const responseType = q.get('response_type');
  if (responseType !== 'code')
    problems.push(responseType ? `response_type must be "code", not "${responseType}".` : 'response_type is missing (it must be "code").');

  const scopeParam = q.get('scope');
  const scopes = (scopeParam ?? '').split(/ +/).filter(Boolean);
  if (!scopes.length) problems.push('scope is missing.');
  const unknown = scopes.filter((s) => !(s in X_SCOPES));
  if (unknown.length) problems.push(`Unknown scope(s): ${unknown.join(', ')}.`);

  const st = q.get('state');
  if (!st) problems.push('state is missing.');
  else if (st.length > MAX_STATE_LENGTH) problems.push(`state is ${st.length} characters long; at most ${MAX_STATE_LENGTH} are allowed.`);

  const challenge = q.get('code_challenge');
  if (!challenge) problems.push('code_challenge is missing.');
  else if (!CHALLENGE_PATTERN.test(challenge))
    problems.push('code_challenge must be at most 128 characters of A–Z, a–z, 0–9, "-", ".", "_", "~".');

  const method = q.get('code_challenge_method');
  if (!method) problems.push('code_challenge_method is missing (S256 or plain).');
  else if (method !== 'S256' && method !== 'plain') problems.push(`code_challenge_method "${method}" is not supported (S256 or plain).`);

  if (problems.length) return { problems };
  return {
    problems,
    request: {
      clientId: clientId!,
      redirectUri: redirectUri!,
      scopes: [...new Set(scopes)],
      state: st!,
      codeChallenge: challenge!,
      codeChallengeMethod: method as 'S256' | 'plain',
    },
  };
}

const PAGE_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f7f9f9;color:#0f1419;margin:0}
main{max-width:480px;margin:48px auto;background:#fff;border:1px solid #cfd9de;border-radius:16px;padding:28px}
h1{font-size:22px;margin:0 0 12px}.logo{font-weight:800;font-size:28px;margin-bottom:16px}
.account{display:flex;align-items:center;gap:12px;padding:12px;border:1px solid #eff3f4;border-radius:12px;margin:16px 0}
.account img{width:48px;height:48px;border-radius:50%}.muted{color:#536471;font-size:14px}
ul{padding-left:20px}li{margin:6px 0}code{background:#eff3f4;padding:1px 4px;border-radius:4px}
.buttons{display:flex;gap:12px;margin-top:20px}
button{flex:1;font:inherit;font-weight:700;padding:12px;border-radius:999px;border:1px solid #cfd9de;background:#fff;cursor:pointer}
button.primary{background:#0f1419;color:#fff;border-color:#0f1419}.error{color:#b00020}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(
    title,
  )}</title><style>${PAGE_STYLE}</style></head><body><main><div class="logo" aria-hidden="true">𝕏</div>${body}</main></body></html>`;
}

function errorPage(status: number, problems: string[]): Reply {
  return html(
    status,
    page(
      'Something went wrong',
      `<h1>Something went wrong</h1><p>You weren’t able to give access to the App. The authorization request is invalid:</p><ul class="error" id="problems">${problems
        .map((p) => `<li>${escapeHtml(p)}</li>`)
        .join('')}</ul><p class="muted">Go back and try logging in again.</p>`,
    ),
  );
}

function consentPage(state: EmulatorState, pending: PendingAuthorization): string {
  const client = state.clients.get(pending.clientId)!;
  const user = state.users.get(pending.userId)!;
  const avatar = user.profile_image_url
    ? user.profile_image_url.startsWith('/')
      ? state.baseUrl + user.profile_image_url
      : user.profile_image_url
    : '';
  const title = `Authorize ${client.name} to access your account?`;
  const scopes = pending.scopes.map((s) => `<li><code>${escapeHtml(s)}</code> — ${escapeHtml(X_SCOPES[s] ?? '')}</li>`).join('');
  let host = pending.redirectUri;
  try {
    host = new URL(pending.redirectUri).host || pending.redirectUri;
  } catch {
    /* keep as is */
  }
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p><strong>${escapeHtml(client.name)}</strong> <span class="muted">(client id <code>${escapeHtml(client.clientId)}</code>)</span> wants to access your X account.</p>
<div class="account" data-testid="authorizing-account">${avatar ? `<img src="${escapeHtml(avatar)}" alt="">` : ''}<div><div><strong>${escapeHtml(
      user.name,
    )}</strong></div><div class="muted">@${escapeHtml(user.username)}</div></div></div>
<p>This app will be able to:</p><ul id="scopes">${scopes}</ul>
<p class="muted">You’ll be sent back to <code>${escapeHtml(host)}</code>. You can revoke access any time in your connected apps settings.</p>
<form method="post" action="/i/oauth2/authorize/decision">
<input type="hidden" name="request_id" value="${escapeHtml(pending.id)}">
<div class="buttons"><button type="submit" name="decision" value="cancel">Cancel</button><button type="submit" class="primary" name="decision" value="authorize">Authorize app</button></div>
</form>`,
  );
}

function authorize(ctx: RequestContext): Reply {
  const { state } = ctx;
  const check = checkAuthorize(state, ctx.query, new URL(ctx.req.url ?? '/', 'http://127.0.0.1').search);
  if (!check.request) return errorPage(400, check.problems);
  const userId = state.sessionUserId;
  const user = userId ? state.users.get(userId) : undefined;
  if (!userId || !user || (user.status && user.status !== 'active')) {
    return errorPage(400, ['No X account is signed in to authorize this app (POST /__emulator/session to choose one).']);
  }
  ctx.log.user_id = userId;
  ctx.log.client_id = check.request.clientId;
  const pending: PendingAuthorization = { ...check.request, id: randomToken(24), userId, createdAt: state.now() };
  state.pending.set(pending.id, pending);
  return html(200, consentPage(state, pending), { 'cache-control': 'no-store' });
}

function redirect(location: string): Reply {
  return { status: 302, raw: '', contentType: 'text/plain; charset=utf-8', headers: { location, 'cache-control': 'no-store' } };
}

function decision(ctx: RequestContext): Reply {
  const { state } = ctx;
  const form = formBody(ctx);
  const id = form.get('request_id') ?? '';
  const pending = state.pending.get(id);
  if (!pending) return errorPage(400, ['This authorization request is unknown or was already answered.']);
  state.pending.delete(id);
  if (state.now() - pending.createdAt > PENDING_AUTHORIZATION_TTL_MS) return errorPage(400, ['This authorization request has expired.']);
  ctx.log.user_id = pending.userId;
  ctx.log.client_id = pending.clientId;
  const target = new URL(pending.redirectUri);
  const choice = form.get('decision');
  if (choice !== 'authorize') {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('state', pending.state);
    return redirect(target.toString());
  }
  const now = state.now();
  const code: AuthorizationCode = {
    code: randomToken(),
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    scopes: pending.scopes,
    codeChallenge: pending.codeChallenge,
    codeChallengeMethod: pending.codeChallengeMethod,
    userId: pending.userId,
    approvedAt: now,
    expiresAt: now + CODE_TTL_MS,
    used: false,
  };
  state.codes.set(code.code, code);
  target.searchParams.set('state', pending.state);
  target.searchParams.set('code', code.code);
  return redirect(target.toString());
}

// ---- token ----

function codeGrant(ctx: RequestContext, body: URLSearchParams, clientId: string): Reply {
  const { state } = ctx;
  for (const name of ['code', 'redirect_uri', 'code_verifier']) if (!body.get(name)) return missingParam(name);
  const code = state.codes.get(body.get('code')!);
  if (!code) return invalidCode();
  ctx.log.user_id = code.userId;
  if (code.used) {
    // RFC 6749 §4.1.2 / OAuth security BCP: a replayed code revokes what was issued from it.
    if (code.grantId) state.revokeGrant(code.grantId, 'authorization code reused');
    return invalidCode();
  }
  if (state.now() > code.expiresAt) return invalidCode();
  if (code.clientId !== clientId) return invalidGrant('Authorization code was issued to another client.');
  if (code.redirectUri !== body.get('redirect_uri'))
    return invalidGrant('redirect_uri does not match the one used in the authorization request.');
  const verifier = body.get('code_verifier')!;
  const expected = code.codeChallengeMethod === 'S256' ? s256(verifier) : verifier;
  if (!safeEqual(expected, code.codeChallenge)) return invalidGrant('code_verifier does not match the code_challenge.');

  const grant: Grant = {
    id: randomToken(12),
    clientId,
    userId: code.userId,
    scopes: code.scopes,
    createdAt: state.now(),
    revoked: false,
  };
  state.grants.set(grant.id, grant);
  code.used = true;
  code.grantId = grant.id;
  return tokenResponse(state, grant);
}

function refreshGrant(ctx: RequestContext, body: URLSearchParams, clientId: string): Reply {
  const { state } = ctx;
  const value = body.get('refresh_token');
  if (!value) return missingParam('refresh_token');
  const token = state.tokens.get(value);
  if (!token || token.kind !== 'refresh') return invalidToken();
  ctx.log.user_id = token.userId;
  const grant = state.grants.get(token.grantId);
  if (token.clientId !== clientId || !grant) return invalidToken();
  if (token.used) {
    // Refresh token reuse: assume it leaked and kill the whole chain.
    state.revokeGrant(grant.id, 'refresh token reused');
    return invalidToken();
  }
  if (token.revoked || grant.revoked) return invalidToken();
  token.used = true;
  return tokenResponse(state, grant);
}

function tokenEndpoint(ctx: RequestContext): Reply {
  if (!isForm(ctx)) return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
  const body = formBody(ctx);
  const grantType = body.get('grant_type');
  if (grantType) ctx.log.grant_type = grantType;
  const client = identifyClient(ctx, body);
  if (client.clientId) ctx.log.client_id = client.clientId;
  if (client.error) return client.error;
  if (!grantType) return missingParam('grant_type');
  if (grantType === 'authorization_code') return codeGrant(ctx, body, client.clientId!);
  if (grantType === 'refresh_token') return refreshGrant(ctx, body, client.clientId!);
  return oauthError(400, 'unsupported_grant_type', `Grant type [${grantType}] is not supported.`);
}

function revokeEndpoint(ctx: RequestContext): Reply {
  if (!isForm(ctx)) return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
  const { state } = ctx;
  const body = formBody(ctx);
  const client = identifyClient(ctx, body);
  if (client.clientId) ctx.log.client_id = client.clientId;
  if (client.error) return client.error;
  const value = body.get('token');
  if (!value) return missingParam('token');
  const token = state.tokens.get(value);
  // RFC 7009 §2.2: an unknown token is not an error.
  if (!token) return json(200, { revoked: true });
  ctx.log.user_id = token.userId;
  if (token.clientId !== client.clientId) return invalidToken();
  if (token.kind === 'refresh') {
    // Emulator choice (RFC 7009 §2.1 SHOULD): revoking a refresh token ends the whole authorization,
    // every access and refresh token of the grant.
    state.revokeGrant(token.grantId, 'refresh token revoked by the app');
  } else {
    token.revoked = true;
  }
  return json(200, { revoked: true });
}

export function registerOAuthRoutes(router: Router): void {
  router.add({
    method: 'GET',
    path: '/i/oauth2/authorize',
    auth: 'none',
    rateSubject: (ctx) => `client:${ctx.query.get('client_id') ?? 'anonymous'}`,
    handler: authorize,
  });
  router.add({ method: 'POST', path: '/i/oauth2/authorize/decision', auth: 'none', rateSubject: () => 'consent', handler: decision });
  router.add({ method: 'POST', path: '/2/oauth2/token', auth: 'none', rateSubject: formRateSubject, handler: tokenEndpoint });
  router.add({ method: 'POST', path: '/2/oauth2/revoke', auth: 'none', rateSubject: formRateSubject, handler: revokeEndpoint });
}
