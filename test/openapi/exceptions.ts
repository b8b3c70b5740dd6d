/**
 * Where X's OpenAPI description (../shared/x-openapi/openapi.json, v2.159) is wrong and the doc pages
 * (../shared/x-docs/pages/) are right, and what the description does not cover at all. contract.ts applies
 * `DESCRIPTION_FIXES` to its copy of the description before compiling anything, and checks `DOCS_OPERATIONS`
 * against the doc pages instead. Every entry names its page and says why; nothing else is exempt.
 */
import type { ContractRequest, OpenApiDoc, JsonSchema } from './contract';

/** A correction of the description, backed by a doc page. */
export interface DescriptionFix {
  /** What is corrected, in the description's words (schema or operation). */
  target: string;
  /** The doc page (file name in ../shared/x-docs/pages/) that shows what X does. */
  page: string;
  reason: string;
  apply(doc: OpenApiDoc): void;
}

function schema(doc: OpenApiDoc, name: string): JsonSchema {
  const s = doc.components.schemas[name];
  if (!s) throw new Error(`exceptions.ts: the description has no schema ${name} any more; drop or update this fix`);
  return s;
}

function dropRequired(doc: OpenApiDoc, name: string, field: string): void {
  const s = schema(doc, name);
  const required = s.required as string[] | undefined;
  if (!required?.includes(field)) throw new Error(`exceptions.ts: ${name} no longer requires ${field}; drop this fix`);
  s.required = required.filter((r) => r !== field);
  if ((s.required as string[]).length === 0) delete s.required;
}

export const DESCRIPTION_FIXES: DescriptionFix[] = [
  {
    target: 'MediaUploadResponse.required: ["meta"]',
    page: 'x-api--media--quickstart--media-upload-chunked.txt',
    reason:
      'The upload, INIT/FINALIZE and STATUS answers are {"data":{…}} with no `meta` in every example of the media pages ' +
      '(the schema declares no `meta` property at all, yet requires it).',
    apply: (doc) => dropRequired(doc, 'MediaUploadResponse', 'meta'),
  },
  {
    target: 'MediaUploadAppendResponse.required: ["meta"]',
    page: 'x-api--media--quickstart--media-upload-chunked.txt',
    reason:
      'The same defect as MediaUploadResponse: `meta` is required but not declared. The APPEND step of the chunked ' +
      'quickstart shows no answer body with a `meta`, and the append page (x-api--media--append-media-upload) none at all.',
    apply: (doc) => dropRequired(doc, 'MediaUploadAppendResponse', 'meta'),
  },
  {
    target: 'ProcessingInfo.required: ["type"]',
    page: 'x-api--media--quickstart--media-upload-chunked.txt',
    reason:
      'processing_info is {"state":"pending","check_after_secs":1} in the FINALIZE example; ProcessingInfo declares no ' +
      '`type` property, yet requires it.',
    apply: (doc) => dropRequired(doc, 'ProcessingInfo', 'type'),
  },
];

// ---- operations the description omits ----

export interface DocsOperation {
  /** Our name for it, in the description's style (muteUser / unmuteUser → blockUser / unblockUser). */
  operationId: string;
  method: string;
  /** OpenAPI path template. */
  template: string;
  /** OAuth 2.0 scopes the doc page asks for ([] for the OAuth endpoints, which take no bearer token). */
  scopes: string[];
  page: string;
  reason: string;
  /** Messages for what the request does differently from the page (none: as documented). */
  checkRequest(req: ContractRequest & { pathParams: Record<string, string> }): string[];
  /** Messages for what the answer does differently from the page. */
  checkResponse(status: number, body: unknown): string[];
}

const ID = /^[0-9]{1,19}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function contentTypeIs(req: ContractRequest, type: string): string[] {
  const actual = (req.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return actual === type ? [] : [`the body must be ${type}, not "${actual || 'none'}"`];
}

function formOf(req: ContractRequest): URLSearchParams | undefined {
  if (req.body instanceof URLSearchParams) return req.body;
  if (typeof req.body === 'string') return new URLSearchParams(req.body);
  if (isObject(req.body)) return new URLSearchParams(req.body as Record<string, string>);
  return undefined;
}

/** Form fields: each `required` present and non-empty, nothing outside `required` + `optional`. */
function formFieldsAre(form: URLSearchParams | undefined, required: string[], optional: string[]): string[] {
  if (!form) return ['the body is missing'];
  const out: string[] = [];
  for (const name of required) if (!form.get(name)) out.push(`form field ${name} is missing`);
  for (const name of new Set(form.keys()))
    if (!required.includes(name) && !optional.includes(name)) out.push(`form field ${name} is not one the page lists`);
  return out;
}

/** RFC 6749 §5.2 error answer, which the OAuth 2.0 pages follow: {"error": "...", "error_description"?: "..."}. */
function oauthErrorShape(body: unknown): string[] {
  if (!isObject(body) || typeof body.error !== 'string') return ['an OAuth error answer is {"error": "…", "error_description": "…"}'];
  if (body.error_description !== undefined && typeof body.error_description !== 'string') return ['error_description must be a string'];
  return [];
}

/** Blocking writes answer like the mute writes: {"data":{"blocking": true|false}}; failures are problem JSON. */
function blockingAnswer(expected: boolean) {
  return (status: number, body: unknown): string[] => {
    if (status >= 400) return isObject(body) && typeof body.title === 'string' ? [] : ['a failure is problem JSON with a title'];
    if (status !== 200) return [`the page shows 200, not ${status}`];
    const data = isObject(body) ? body.data : undefined;
    if (!isObject(data) || data.blocking !== expected) return [`the answer is {"data":{"blocking":${String(expected)}}}`];
    return [];
  };
}

export const DOCS_OPERATIONS: DocsOperation[] = [
  {
    operationId: 'oauth2Token',
    method: 'POST',
    template: '/2/oauth2/token',
    scopes: [],
    page: 'fundamentals--authentication--oauth-2-0--user-access-token.txt',
    reason: 'The description lists /2/oauth2/token only as the tokenUrl of OAuth2UserToken, with no operation.',
    checkRequest(req) {
      const out = contentTypeIs(req, 'application/x-www-form-urlencoded');
      const form = formOf(req);
      const grant = form?.get('grant_type');
      // "code, grant_type, client_id and redirect_uri, and the code_verifier" / "refresh_token, grant_type … client_id";
      // a confidential client sends Authorization: Basic instead of client_id.
      const client = req.basicAuth ? [] : ['client_id'];
      const clientOptional = req.basicAuth ? ['client_id'] : [];
      if (grant === 'authorization_code')
        out.push(...formFieldsAre(form, ['code', 'grant_type', ...client, 'redirect_uri', 'code_verifier'], clientOptional));
      else if (grant === 'refresh_token') out.push(...formFieldsAre(form, ['refresh_token', 'grant_type', ...client], clientOptional));
      else out.push(`grant_type is authorization_code or refresh_token, not "${grant ?? ''}"`);
      return out;
    },
    checkResponse(status, body) {
      if (status >= 400) return oauthErrorShape(body);
      if (status !== 200) return [`the token endpoint answers 200, not ${status}`];
      if (!isObject(body)) return ['the answer is a JSON object'];
      const out: string[] = [];
      if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer') out.push('token_type is "bearer"');
      if (typeof body.access_token !== 'string' || !body.access_token) out.push('access_token is a string');
      if (typeof body.expires_in !== 'number') out.push('expires_in is a number of seconds');
      if (typeof body.scope !== 'string') out.push('scope is the space-separated granted scopes');
      if (body.refresh_token !== undefined && typeof body.refresh_token !== 'string') out.push('refresh_token is a string');
      return out;
    },
  },
  {
    operationId: 'oauth2Revoke',
    method: 'POST',
    template: '/2/oauth2/revoke',
    scopes: [],
    page: 'fundamentals--authentication--oauth-2-0--user-access-token.txt',
    reason: 'The description has no /2/oauth2/revoke at all; the page shows a form with token and client_id.',
    checkRequest(req) {
      const client = req.basicAuth ? [] : ['client_id'];
      const optional = ['token_type_hint', ...(req.basicAuth ? ['client_id'] : [])];
      return [...contentTypeIs(req, 'application/x-www-form-urlencoded'), ...formFieldsAre(formOf(req), ['token', ...client], optional)];
    },
    checkResponse(status, body) {
      if (status >= 400) return oauthErrorShape(body);
      if (status !== 200) return [`the revoke endpoint answers 200, not ${status}`];
      return isObject(body) && typeof body.revoked === 'boolean' ? [] : ['the answer is {"revoked": true}'];
    },
  },
  {
    operationId: 'blockUser',
    method: 'POST',
    template: '/2/users/{id}/blocking',
    scopes: ['block.write', 'tweet.read', 'users.read'],
    page: 'x-api--users--blocks--quickstart.txt',
    reason: 'Enterprise-only, so not in the description (its README says so); blocks--integrate lists the scopes.',
    checkRequest(req) {
      const out = ID.test(req.pathParams.id ?? '') ? [] : ['path parameter id is a user id'];
      out.push(...contentTypeIs(req, 'application/json'));
      const body = req.body;
      if (!isObject(body) || typeof body.target_user_id !== 'string' || !ID.test(body.target_user_id))
        out.push('the body is {"target_user_id": "<user id>"}');
      else if (Object.keys(body).length !== 1) out.push('the body has only target_user_id');
      return out;
    },
    checkResponse: blockingAnswer(true),
  },
  {
    operationId: 'unblockUser',
    method: 'DELETE',
    template: '/2/users/{source_user_id}/blocking/{target_user_id}',
    scopes: ['block.write', 'tweet.read', 'users.read'],
    page: 'x-api--users--blocks--quickstart.txt',
    reason: 'Enterprise-only, so not in the description (its README says so); blocks--integrate lists the scopes.',
    checkRequest(req) {
      const out: string[] = [];
      for (const name of ['source_user_id', 'target_user_id'])
        if (!ID.test(req.pathParams[name] ?? '')) out.push(`path parameter ${name} is a user id`);
      if (req.body !== undefined && req.body !== '') out.push('an unblock has no body');
      return out;
    },
    checkResponse: blockingAnswer(false),
  },
];

/**
 * What the emulator serves that is not X's API at all, and so is not checked against the description: the consent
 * page (x.com/i/oauth2/authorize, a web page; oauth.test.ts and the sign-in tests check it against
 * fundamentals--authentication--oauth-2-0--authorization-code), the test control API, avatars and uploaded media bytes
 * (served by X's CDNs, pbs.twimg.com, not api.x.com).
 */
export const NOT_API: { prefix: string; exact?: boolean; reason: string }[] = [
  { prefix: '/i/oauth2/authorize', reason: "X's consent page (x.com), not an API operation" },
  { prefix: '/', exact: true, reason: 'the host root a browser may open (the consent page shares the emulator host)' },
  { prefix: '/favicon.ico', exact: true, reason: "the browser's own request for the consent page's icon" },
  { prefix: '/__emulator/', reason: 'the emulator control API for tests' },
  { prefix: '/profile_images/', reason: 'avatars, served by pbs.twimg.com' },
  { prefix: '/media/', reason: 'uploaded media bytes, served by pbs.twimg.com' },
];
