/**
 * X's own OpenAPI 3.0 description of API v2 (../shared/x-openapi/openapi.json, read in place) as an executable
 * contract: `validateRequest` checks a request (path, method, path and query parameters, JSON or form body,
 * the token's scopes) and `validateResponse` checks an answer against the response schema of its status.
 *
 * Validation is ajv 8 (draft-07 semantics; the description uses no `nullable`), with ajv-formats, `strict: false`
 * for OpenAPI's extra keywords (`example`, `externalDocs`). Validators are compiled lazily and cached.
 *
 * Two things ajv does not do, done here:
 * - `discriminator` mappings (Problem by `type`, Media by `type`): each schema with one is compiled without it, and a
 *   keyword of ours, `x-discriminator`, checks that the value names a mapped schema and validates it against that
 *   schema. Problem `type` URIs are accepted on both hosts, https://api.x.com/2/problems/… (the docs) and
 *   https://api.twitter.com/2/problems/… (the description).
 * - OpenAPI parameter serialisation: query values are strings; `style: form, explode: false` arrays
 *   (`tweet.fields`, `expansions`, `ids`, …) are comma-separated, integers and booleans are parsed before validation.
 *
 * Where the description is wrong and the docs are right, `exceptions.ts` patches the description before anything is
 * compiled; what the description does not cover (OAuth token endpoints, the Enterprise blocking writes) is checked
 * there against the doc pages.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DESCRIPTION_FIXES, DOCS_OPERATIONS, type DocsOperation } from './exceptions';
import { operationsSeenInProcess } from './operations-seen';

export type Violation = { operationId: string; rule: string; message: string };

/** The parts of an OpenAPI 3.0 document this module reads. */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; parameters: Record<string, ParameterObject>; securitySchemes?: unknown };
}
export type JsonSchema = Record<string, unknown>;
interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: JsonSchema;
}
interface MediaTypeObject {
  schema?: JsonSchema;
}
interface OperationObject {
  operationId: string;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, { content?: Record<string, MediaTypeObject> }>;
  security?: Record<string, string[]>[];
}

export interface OperationMatch {
  operationId: string;
  template: string;
  pathParams: Record<string, string>;
  /** The OAuth2UserToken scopes the operation needs ([] when it takes no OAuth 2.0 user token). */
  security: string[];
  /** False when no security alternative of the operation takes an OAuth 2.0 user token (app-only, OAuth 1.0a). */
  userToken: boolean;
  /** True for the operations the description omits, checked against the doc pages (exceptions.ts). */
  docsOnly: boolean;
}

export interface ContractRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON, or the fields of a form (`multipart/form-data`, `application/x-www-form-urlencoded`) as strings. */
  body?: unknown;
  contentType?: string | undefined;
  /** The bearer token's scopes; omit when the token could not be read (expired, revoked): scopes are not checked. */
  scopes?: string[];
  /** False when the request carries no credentials at all (every operation Perch calls needs a user token). */
  authenticated?: boolean;
  /** True when it carries `Authorization: Basic …` (a confidential client at the OAuth token endpoints). */
  basicAuth?: boolean;
}

export interface ContractResponse {
  operationId: string;
  status: number;
  body: unknown;
  /**
   * The answer's `content-type`, when known: the body is then checked against that media type's schema alone (a
   * failure's `default` pairs application/json with Error and application/problem+json with Problem), and a media
   * type the status does not list is a violation. Without it, a body any of the status's schemas takes passes.
   */
  contentType?: string | undefined;
}

const SPEC_URL = new URL('../../../shared/x-openapi/openapi.json', import.meta.url);
/** The id the whole description is registered under in ajv; every `#/…` ref is rewritten to `SPEC_ID#/…`. */
const SPEC_ID = 'https://x-openapi.local/openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const PROBLEMS_DESCRIPTION_HOST = 'https://api.twitter.com/2/problems/';
const PROBLEMS_DOCS_HOST = 'https://api.x.com/2/problems/';

/** Formats the description uses that ajv-formats does not define; each accepted as is (the type is checked). */
const EXTRA_FORMATS = ['long', 'integer', 'data-time', '^[0-9]{1,19}$'];

let specCache: OpenApiDoc | undefined;

/** The description as X publishes it, read once. */
export function loadSpec(): OpenApiDoc {
  specCache ??= JSON.parse(readFileSync(SPEC_URL, 'utf8')) as OpenApiDoc;
  return specCache;
}

// ---- the patched, ref-absolute copy ajv compiles ----

interface Compiled {
  doc: OpenApiDoc;
  ajv: Ajv;
  operations: IndexedOperation[];
  byId: Map<string, IndexedOperation>;
  validators: Map<string, ValidateFunction>;
}
interface IndexedOperation {
  method: string;
  template: string;
  segments: string[];
  op: OperationObject;
  params: ParameterObject[];
}

let compiled: Compiled | undefined;

function clone<T>(v: T): T {
  return structuredClone(v);
}

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
  } else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    visit(obj);
    for (const v of Object.values(obj)) walk(v, visit);
  }
}

/** Rewrites `$ref`s equal to `from` (anywhere below `node`) to `to`. */
function replaceRefs(node: unknown, from: string, to: string): void {
  walk(node, (o) => {
    if (o.$ref === from) o.$ref = to;
  });
}

/**
 * Moves every `discriminator` out of ajv's sight: schema N becomes `{allOf: [N__base], x-discriminator}`, N__base is
 * N without it, and the mapped schemas (which extend N through allOf) extend N__base instead, so no cycle remains.
 */
function liftDiscriminators(doc: OpenApiDoc): void {
  const schemas = doc.components.schemas;
  for (const [name, schema] of Object.entries(schemas)) {
    const disc = schema.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
    if (!disc) continue;
    delete schema.discriminator;
    // A property outside the object (`../event_type`) cannot be read from here: compiled without the mapping.
    if (disc.propertyName.includes('/') || !disc.mapping) continue;
    const baseName = `${name}__base`;
    schemas[baseName] = schema;
    const ref = `#/components/schemas/${name}`;
    for (const target of new Set(Object.values(disc.mapping))) {
      const targetName = target.split('/').pop()!;
      replaceRefs(schemas[targetName], ref, `#/components/schemas/${baseName}`);
    }
    schemas[name] = { allOf: [{ $ref: `#/components/schemas/${baseName}` }], 'x-discriminator': disc };
  }
}

function normalizeProblemType(value: string): string {
  return value.startsWith(PROBLEMS_DOCS_HOST) ? PROBLEMS_DESCRIPTION_HOST + value.slice(PROBLEMS_DOCS_HOST.length) : value;
}

function compile(): Compiled {
  if (compiled) return compiled;
  const doc = clone(loadSpec());
  for (const fix of DESCRIPTION_FIXES) fix.apply(doc);
  liftDiscriminators(doc);
  walk(doc, (o) => {
    if (typeof o.$ref === 'string' && o.$ref.startsWith('#/')) o.$ref = SPEC_ID + o.$ref;
  });

  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, inlineRefs: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  for (const f of EXTRA_FORMATS) ajv.addFormat(f, true);
  ajv.addKeyword({
    keyword: 'x-discriminator',
    schemaType: 'object',
    errors: true,
    validate: function discriminate(
      this: unknown,
      disc: { propertyName: string; mapping: Record<string, string> },
      data: unknown,
      _parent?: unknown,
      cxt?: { instancePath: string },
    ): boolean {
      const self = discriminate as unknown as { errors?: Partial<ErrorObject>[] };
      if (!data || typeof data !== 'object' || Array.isArray(data)) return true; // the base schema reports the type
      const value = (data as Record<string, unknown>)[disc.propertyName];
      if (typeof value !== 'string') return true; // the base schema reports a missing or non-string value
      const target = disc.mapping[normalizeProblemType(value)];
      const at = cxt?.instancePath ?? '';
      if (!target) {
        self.errors = [
          {
            keyword: 'x-discriminator',
            instancePath: `${at}/${disc.propertyName}`,
            message: `"${value}" is not a ${disc.propertyName} the description maps (${Object.keys(disc.mapping).length} known)`,
            params: { allowedValues: Object.keys(disc.mapping) },
          },
        ];
        return false;
      }
      const validate = ajv.getSchema(SPEC_ID + target);
      if (!validate) throw new Error(`no schema ${target}`);
      if (validate(data)) return true;
      self.errors = (validate.errors ?? []).map((e) => ({ ...e, instancePath: at + e.instancePath }));
      return false;
    },
  });
  ajv.addSchema(doc, SPEC_ID, undefined, false);

  const operations: IndexedOperation[] = [];
  const byId = new Map<string, IndexedOperation>();
  for (const [template, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters ?? []) as OperationObject['parameters'];
    for (const method of HTTP_METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op?.operationId) continue;
      const params = [...(shared ?? []), ...(op.parameters ?? [])].map((p) => resolveParameter(doc, p));
      const indexed: IndexedOperation = { method: method.toUpperCase(), template, segments: splitPath(template), op, params };
      operations.push(indexed);
      byId.set(op.operationId, indexed);
    }
  }
  compiled = { doc, ajv, operations, byId, validators: new Map() };
  return compiled;
}

function resolveParameter(doc: OpenApiDoc, p: ParameterObject | { $ref: string }): ParameterObject {
  if ('$ref' in p) {
    const name = p.$ref.split('/').pop()!;
    const found = doc.components.parameters[name];
    if (!found) throw new Error(`unknown parameter ${p.$ref}`);
    return found;
  }
  return p;
}

function validatorFor(key: string, schema: () => JsonSchema | undefined): ValidateFunction | undefined {
  const c = compile();
  let v = c.validators.get(key);
  if (!v) {
    const s = schema();
    if (!s) return undefined;
    v = c.ajv.compile(s);
    c.validators.set(key, v);
  }
  return v;
}

// ---- operations ----

function splitPath(p: string): string[] {
  return p.split('/').filter((s) => s.length > 0);
}

function matchTemplate(segments: string[], actual: string[]): { params: Record<string, string>; literals: number[] } | undefined {
  if (segments.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  const literals: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const a = actual[i]!;
    const m = /^\{(.+)\}$/.exec(s);
    if (m) {
      try {
        params[m[1]!] = decodeURIComponent(a);
      } catch {
        return undefined;
      }
      literals.push(0);
    } else if (s === a) {
      literals.push(1);
    } else {
      return undefined;
    }
  }
  return { params, literals };
}

function moreLiteral(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

function oauth2Alternatives(op: OperationObject): string[][] | undefined {
  if (!op.security) return undefined;
  return op.security.filter((alt) => 'OAuth2UserToken' in alt).map((alt) => alt.OAuth2UserToken ?? []);
}

function docsOperation(method: string, path: string): { docs: DocsOperation; params: Record<string, string> } | undefined {
  const actual = splitPath(path);
  for (const docs of DOCS_OPERATIONS) {
    if (docs.method !== method) continue;
    const m = matchTemplate(splitPath(docs.template), actual);
    if (m) return { docs, params: m.params };
  }
  return undefined;
}

/**
 * The operation `method path` is, from the description (literal segments win over parameters, so `/2/users/me`
 * is getUsersMe, not getUsersById), or from the doc pages for what the description omits (exceptions.ts).
 */
export function findOperation(method: string, path: string): OperationMatch | undefined {
  const upper = method.toUpperCase();
  const docs = docsOperation(upper, path);
  if (docs) {
    const { docs: d, params } = docs;
    return { operationId: d.operationId, template: d.template, pathParams: params, security: d.scopes, userToken: true, docsOnly: true };
  }
  const actual = splitPath(path);
  let best: { op: IndexedOperation; params: Record<string, string>; literals: number[] } | undefined;
  for (const op of compile().operations) {
    if (op.method !== upper) continue;
    const m = matchTemplate(op.segments, actual);
    if (m && (!best || moreLiteral(m.literals, best.literals))) best = { op, ...m };
  }
  if (!best) return undefined;
  const alternatives = oauth2Alternatives(best.op.op);
  return {
    operationId: best.op.op.operationId,
    template: best.op.template,
    pathParams: best.params,
    security: alternatives?.[0] ?? [],
    userToken: alternatives === undefined || alternatives.length > 0,
    docsOnly: false,
  };
}

// ---- value parsing and messages ----

function schemaType(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (typeof schema.type === 'string') return schema.type;
  const ref = schema.$ref;
  if (typeof ref === 'string') return schemaType(resolveRef(ref));
  return undefined;
}

function resolveRef(ref: string): JsonSchema | undefined {
  const pointer = ref.startsWith(SPEC_ID) ? ref.slice(SPEC_ID.length) : ref;
  if (!pointer.startsWith('#/')) return undefined;
  let node: unknown = compile().doc;
  for (const part of pointer.slice(2).split('/')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node as JsonSchema | undefined;
}

/** A query, path or form value (always a string on the wire) as the JSON value its schema describes. */
function parseScalar(raw: string, schema: JsonSchema | undefined): unknown {
  switch (schemaType(schema)) {
    case 'integer':
    case 'number':
      return /^-?[0-9]+(\.[0-9]+)?$/.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      return raw;
  }
}

function itemsOf(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.items) return schema.items as JsonSchema;
  return typeof schema.$ref === 'string' ? itemsOf(resolveRef(schema.$ref)) : undefined;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** ajv's errors as one line: where, what, and the offending value (at most a few, deepest first). */
function describe(errors: ErrorObject[] | null | undefined, data: unknown, limit = 4): string {
  const list = errors ?? [];
  // anyOf/oneOf failures repeat every branch's errors; the branch-level ones say the least.
  const useful = list.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'allOf');
  const chosen = (useful.length ? useful : list).slice(0, limit);
  const parts = chosen.map((e) => {
    const where = e.instancePath || '(root)';
    let extra = '';
    if (e.keyword === 'additionalProperties') extra = ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`;
    else if (e.keyword === 'required') extra = '';
    else {
      const v = valueAt(data, e.instancePath);
      if (v !== undefined && typeof v !== 'object') extra = ` (got ${JSON.stringify(v)})`;
    }
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
  const more = list.length > chosen.length ? ` (+${list.length - chosen.length} more)` : '';
  return parts.join('; ') + more;
}

// ---- requests ----

function contentTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function isFormType(mediaType: string): boolean {
  return mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded';
}

/** The schema of a top-level property of an (anyOf/allOf of) object schema(s), for parsing form fields. */
function propertySchema(schema: JsonSchema | undefined, name: string, depth = 0): JsonSchema | undefined {
  if (!schema || depth > 8) return undefined;
  if (typeof schema.$ref === 'string') return propertySchema(resolveRef(schema.$ref), name, depth + 1);
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (props?.[name]) return props[name];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const sub of (schema[key] as JsonSchema[] | undefined) ?? []) {
      const found = propertySchema(sub, name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function formFields(body: unknown, schema: JsonSchema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries: [string, unknown][] =
    body instanceof URLSearchParams ? [...body.entries()] : Object.entries((body ?? {}) as Record<string, unknown>);
  for (const [name, raw] of entries) {
    const prop = propertySchema(schema, name);
    const value = typeof raw === 'string' ? (schemaType(prop) === 'array' ? raw.split(',') : parseScalar(raw, prop)) : raw;
    if (name in out) {
      const prev = out[name];
      out[name] = Array.isArray(prev) ? [...(prev as unknown[]), value] : [prev, value];
    } else {
      out[name] = value;
    }
  }
  return out;
}

function checkScopes(match: OperationMatch, op: OperationObject | undefined, req: ContractRequest, out: Violation[]): void {
  const operationId = match.operationId;
  if (match.docsOnly && match.security.length === 0) return; // the OAuth endpoints take a client id, not a token
  if (req.authenticated === false) {
    out.push({ operationId, rule: 'security', message: `${operationId} needs an OAuth 2.0 user token; the request carries none` });
    return;
  }
  if (!req.scopes) return;
  const alternatives = match.docsOnly ? [match.security] : op ? oauth2Alternatives(op) : undefined;
  if (alternatives === undefined) return;
  if (alternatives.length === 0) {
    out.push({ operationId, rule: 'security', message: `${operationId} does not take an OAuth 2.0 user token` });
    return;
  }
  // Any one security requirement object suffices; an alternative without OAuth2UserToken (UserToken = OAuth 1.0a,
  // BearerToken = app-only) is not one a user token can satisfy, however empty its scope list.
  if (alternatives.some((alt) => alt.every((s) => req.scopes!.includes(s)))) return;
  const missing = alternatives[0]!.filter((s) => !req.scopes!.includes(s));
  out.push({
    operationId,
    rule: 'scopes',
    message: `the token's scopes [${req.scopes.join(' ')}] lack ${missing.join(', ')} (${operationId} needs ${alternatives[0]!.join(' ')})`,
  });
}

/**
 * Checks one request against the description: the path and method exist, path parameters match their schema, every
 * query parameter is declared and valid (form style: comma-separated arrays, integer ranges, enums), required ones
 * are present, the body matches the request schema for its content type, and the token's scopes cover the
 * operation's OAuth2UserToken scopes. Returns the violations (none: the request is what X's description allows).
 */
export function validateRequest(req: ContractRequest): Violation[] {
  const method = req.method.toUpperCase();
  const match = findOperation(method, req.path);
  if (!match) {
    return [{ operationId: `${method} ${req.path}`, rule: 'unknown-operation', message: `the description has no ${method} ${req.path}` }];
  }
  const out: Violation[] = [];
  const { operationId } = match;
  operationsSeenInProcess.add(operationId);
  if (match.docsOnly) {
    const { docs } = docsOperation(method, req.path)!;
    for (const message of docs.checkRequest({ ...req, pathParams: match.pathParams }))
      out.push({ operationId, rule: 'docs-request', message });
    checkScopes(match, undefined, req, out);
    return out;
  }
  const c = compile();
  const indexed = c.byId.get(operationId)!;
  const { op, params } = indexed;

  for (const p of params.filter((q) => q.in === 'path')) {
    const value = match.pathParams[p.name];
    const v = validatorFor(`${operationId} path ${p.name}`, () => p.schema);
    if (value === undefined || !v) continue;
    const parsed = parseScalar(value, p.schema);
    if (!v(parsed)) out.push({ operationId, rule: 'path-param', message: `path parameter ${p.name}: ${describe(v.errors, parsed)}` });
  }

  const declared = new Map(params.filter((q) => q.in === 'query').map((q) => [q.name, q]));
  for (const name of new Set(req.query.keys())) {
    if (!declared.has(name)) {
      out.push({
        operationId,
        rule: 'query-undeclared',
        message: `query parameter ${name} is not one of ${operationId}'s [${[...declared.keys()].join(', ')}]`,
      });
    }
  }
  for (const p of declared.values()) {
    const values = req.query.getAll(p.name);
    if (values.length === 0) {
      if (p.required) out.push({ operationId, rule: 'query-required', message: `query parameter ${p.name} is required` });
      continue;
    }
    let parsed: unknown;
    if (schemaType(p.schema) === 'array') {
      const explode = p.explode ?? (p.style ?? 'form') === 'form';
      if (!explode && values.length > 1) {
        out.push({ operationId, rule: 'query-value', message: `query parameter ${p.name} is comma-separated, not repeated` });
      }
      const items = itemsOf(p.schema);
      const raw = explode ? values : values.join(',').split(',');
      parsed = raw.map((v) => parseScalar(v, items));
    } else {
      if (values.length > 1)
        out.push({ operationId, rule: 'query-value', message: `query parameter ${p.name} appears ${values.length} times` });
      parsed = parseScalar(values[0]!, p.schema);
    }
    const v = validatorFor(`${operationId} query ${p.name}`, () => p.schema);
    if (v && !v(parsed))
      out.push({ operationId, rule: 'query-value', message: `query parameter ${p.name}: ${describe(v.errors, parsed)}` });
  }

  const hasBody = req.body !== undefined && req.body !== '' && !(req.body instanceof URLSearchParams && [...req.body.keys()].length === 0);
  if (op.requestBody) {
    const mediaType = contentTypeOf(req.contentType);
    const content = op.requestBody.content[mediaType];
    if (!hasBody) {
      if (op.requestBody.required) out.push({ operationId, rule: 'request-body', message: `${operationId} needs a body` });
    } else if (!content) {
      out.push({
        operationId,
        rule: 'request-content-type',
        message: `content type "${mediaType}" is not one of [${Object.keys(op.requestBody.content).join(', ')}]`,
      });
    } else {
      let body = req.body;
      if (typeof body === 'string' && !isFormType(mediaType)) {
        try {
          body = JSON.parse(body) as unknown;
        } catch {
          out.push({ operationId, rule: 'request-body', message: 'the body is not JSON' });
          return checkAndReturn(match, op, req, out);
        }
      }
      if (isFormType(mediaType)) body = formFields(body, content.schema);
      const v = validatorFor(`${operationId} body ${mediaType}`, () => content.schema);
      if (v && !v(body)) out.push({ operationId, rule: 'request-body', message: describe(v.errors, body) });
    }
  } else if (hasBody) {
    // A GET or DELETE included: the description gives none of them a requestBody, and X's pages send them without one.
    out.push({ operationId, rule: 'request-body', message: `${operationId} takes no body` });
  }
  return checkAndReturn(match, op, req, out);
}

function checkAndReturn(match: OperationMatch, op: OperationObject, req: ContractRequest, out: Violation[]): Violation[] {
  checkScopes(match, op, req, out);
  return out;
}

// ---- responses ----

function responseObject(op: OperationObject, status: number): { key: string; content?: Record<string, MediaTypeObject> } | undefined {
  const exact = op.responses[String(status)];
  if (exact) return { key: String(status), ...exact };
  const range = op.responses[`${String(status)[0]}XX`];
  if (range) return { key: `${String(status)[0]}XX`, ...range };
  // `default` describes the failures ("The request has failed."): a success must be listed by its status.
  if (status >= 400 && op.responses.default) return { key: 'default', ...op.responses.default };
  return undefined;
}

function jsonSchemasOf(content: Record<string, MediaTypeObject> | undefined): [string, JsonSchema][] {
  return Object.entries(content ?? {})
    .filter(([type, m]) => /json/.test(type) && m.schema)
    .map(([type, m]) => [type, m.schema!]);
}

/**
 * Checks an answer against the description's schema for its status (`default` for an unlisted error status; an
 * unlisted success status, or an error status with no `default`, is a violation itself). Problem objects anywhere
 * in it are checked against the schema their `type` maps to.
 */
export function validateResponse(res: ContractResponse): Violation[] {
  const { operationId, status } = res;
  const docs = DOCS_OPERATIONS.find((d) => d.operationId === operationId);
  if (docs) return docs.checkResponse(status, res.body).map((message) => ({ operationId, rule: 'docs-response', message }));
  const indexed = compile().byId.get(operationId);
  if (!indexed) return [{ operationId, rule: 'unknown-operation', message: `the description has no operation ${operationId}` }];
  const response = responseObject(indexed.op, status);
  if (!response) {
    return [
      {
        operationId,
        rule: 'response-status',
        message: `${operationId} does not answer ${status} (it lists ${Object.keys(indexed.op.responses).join(', ')})`,
      },
    ];
  }
  let schemas = jsonSchemasOf(response.content);
  if (res.contentType !== undefined && response.content && Object.keys(response.content).length > 0) {
    const mediaType = contentTypeOf(res.contentType);
    const listed = Object.keys(response.content);
    if (!listed.includes(mediaType)) {
      const message = `${operationId} ${status}: content type "${mediaType}" is not one of [${listed.join(', ')}]`;
      return [{ operationId, rule: 'response-content-type', message }];
    }
    schemas = schemas.filter(([type]) => type === mediaType);
    if (schemas.length === 0) return []; // a listed media type that is not JSON: its bytes are not checked here
  }
  if (schemas.length === 0) {
    if (res.body === undefined || res.body === '') return [];
    return [{ operationId, rule: 'response-body', message: `${operationId} ${response.key} has no body, but one was sent` }];
  }
  if (res.body === undefined)
    return [{ operationId, rule: 'response-body', message: `${operationId} ${status}: the body is missing or not JSON` }];
  const failures: string[] = [];
  for (const [type, schema] of schemas) {
    const v = validatorFor(`${operationId} response ${response.key} ${type}`, () => schema)!;
    if (v(res.body)) return [];
    failures.push(`${type}: ${describe(v.errors, res.body)}`);
  }
  return [{ operationId, rule: 'response-body', message: `${operationId} ${status}: ${failures.join(' | ')}` }];
}

// ---- resolved schemas (for generators) ----

const resolvedCache = new Map<string, JsonSchema | undefined>();

function deref(node: unknown, stack: string[]): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(n, stack));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string') {
    const ref = obj.$ref;
    if (stack.includes(ref)) throw new Error(`cyclic schema: ${[...stack, ref].join(' → ')}`);
    return deref(resolveRef(ref), [...stack, ref]);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'x-discriminator') continue;
    out[k] = deref(v, stack);
  }
  const disc = obj['x-discriminator'] as { propertyName: string; mapping: Record<string, string> } | undefined;
  if (disc) {
    // One branch per mapped value, its property fixed to that value: a generator then makes only valid problems.
    return {
      anyOf: Object.entries(disc.mapping).map(([value, target]) => ({
        allOf: [deref({ $ref: SPEC_ID + target.replace(/^.*#/, '#') }, stack), { properties: { [disc.propertyName]: { enum: [value] } } }],
      })),
    };
  }
  return out;
}

/**
 * The JSON schema of `operationId`'s answer with `status` (application/json), every `$ref` inlined and every
 * discriminator turned into an `anyOf` of its mapped schemas; undefined when the operation has no such answer.
 */
export function responseSchema(operationId: string, status: number): object | undefined {
  const key = `${operationId} ${status}`;
  if (resolvedCache.has(key)) return resolvedCache.get(key);
  const indexed = compile().byId.get(operationId);
  const response = indexed ? responseObject(indexed.op, status) : undefined;
  const schema = response?.content?.['application/json']?.schema ?? jsonSchemasOf(response?.content)[0]?.[1];
  const resolved = schema ? (deref(schema, []) as JsonSchema) : undefined;
  resolvedCache.set(key, resolved);
  return resolved;
}

/** Every operationId in the description, and the docs-only ones exceptions.ts adds. */
export function operationIds(): string[] {
  return [...compile().byId.keys(), ...DOCS_OPERATIONS.map((d) => d.operationId)];
}

/** The description's `info.version` (shown in summaries). */
export function specVersion(): string {
  return loadSpec().info.version;
}
