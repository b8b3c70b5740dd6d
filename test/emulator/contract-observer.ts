/**
 * The emulator's contract observer: every request it receives and every answer it sends is checked against X's
 * OpenAPI description (test/openapi/contract.ts) and, for what the description omits, against the doc pages
 * (test/openapi/exceptions.ts). It only records: the emulator answers as before. Test teardowns (test/unit/setup.ts,
 * the Playwright fixtures) fail the test that caused a violation.
 *
 * Exempt: answers a test broke on purpose with a fault (`malformed`, `cut`, `drop`, `status`, `rate_limit`), and
 * what is not X's API (exceptions.ts `NOT_API`). Nothing else.
 */
import type { IncomingMessage } from 'node:http';
import { findOperation, validateRequest, validateResponse } from '../openapi/contract';
import { NOT_API } from '../openapi/exceptions';
import type { Reply } from './http';
import type { RecordedViolation, ViolationFilter, ViolationSource } from './contract-registry';
import { parseMultipart } from './media';

export interface ContractReport {
  violations: RecordedViolation[];
  operationsSeen: string[];
}

function parseBody(contentType: string, body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  if (type === 'multipart/form-data') {
    try {
      const out: Record<string, string> = {};
      for (const part of parseMultipart(body, contentType)) {
        // A file part is binary (MediaPayloadBinary); its bytes are not the description's business.
        out[part.name] = part.filename !== undefined || part.contentType ? '(binary)' : part.data.toString('utf8');
      }
      return out;
    } catch {
      return body.toString('latin1');
    }
  }
  const text = body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The body the server is about to send, as JSON (undefined when it is not JSON). */
function replyBody(reply: Reply): unknown {
  if (reply.json !== undefined) return reply.json;
  if (reply.raw === undefined) return undefined;
  if (!/json/.test(reply.contentType ?? '')) return undefined;
  try {
    return JSON.parse(reply.raw.toString()) as unknown;
  } catch {
    return undefined;
  }
}

/** The content type the server sends with `reply` (server.ts `write`: its defaults, then the reply's own headers). */
function replyContentType(reply: Reply): string {
  const fallback = reply.raw !== undefined ? 'application/octet-stream' : reply.json !== undefined ? 'application/json' : 'text/plain';
  return reply.headers?.['content-type'] ?? reply.contentType ?? fallback;
}

export class ContractObserver implements ViolationSource {
  /** Violations not yet claimed by a test teardown, oldest first. */
  violations: RecordedViolation[] = [];
  /** Every operationId a request was matched to since the emulator started (never cleared by reset). */
  readonly operationsSeen = new Set<string>();
  closed = false;

  /** True for what is not X's API (the consent page, control API, avatars, media bytes). */
  static notApi(path: string): boolean {
    return NOT_API.some((n) => (n.exact ? path === n.prefix : path.startsWith(n.prefix)));
  }

  /**
   * Checks a request as it arrives; returns its operationId (undefined when the description has none, which is
   * itself recorded as a violation).
   */
  request(req: IncomingMessage, method: string, url: URL, body: Buffer, scopes: string[] | undefined): string | undefined {
    const path = url.pathname;
    if (ContractObserver.notApi(path)) return undefined;
    try {
      return this.checkRequest(req, method, url, body, scopes);
    } catch (err) {
      // The observer never breaks an answer; a check that cannot run fails the test instead.
      this.violations.push({ operationId: `${method} ${path}`, rule: 'validator-error', message: String(err), method, path });
      return undefined;
    }
  }

  private checkRequest(req: IncomingMessage, method: string, url: URL, body: Buffer, scopes: string[] | undefined): string | undefined {
    const path = url.pathname;
    const contentType = req.headers['content-type'] ?? '';
    const violations = validateRequest({
      method,
      path,
      query: url.searchParams,
      body: parseBody(contentType, body),
      contentType,
      ...(scopes ? { scopes } : {}),
      authenticated: req.headers.authorization !== undefined,
      basicAuth: /^Basic\s/i.test(req.headers.authorization ?? ''),
    });
    for (const v of violations) this.violations.push({ ...v, method, path });
    const op = findOperation(method, path);
    if (op) this.operationsSeen.add(op.operationId);
    return op?.operationId;
  }

  /** Checks an answer about to be sent for `operationId`. */
  response(operationId: string, method: string, path: string, reply: Reply): void {
    try {
      const body = replyBody(reply);
      const contentType = replyContentType(reply);
      for (const v of validateResponse({ operationId, status: reply.status, body, contentType })) {
        this.violations.push({ ...v, method, path, status: reply.status });
      }
    } catch (err) {
      this.violations.push({ operationId, rule: 'validator-error', message: String(err), method, path, status: reply.status });
    }
  }

  /** Removes and returns the violations matching `filter` (all of them without one). */
  take(filter: ViolationFilter = {}): RecordedViolation[] {
    const matches = (v: RecordedViolation) =>
      Object.entries(filter).every(([k, want]) => want === undefined || v[k as keyof RecordedViolation] === want);
    const taken = this.violations.filter(matches);
    this.violations = this.violations.filter((v) => !matches(v));
    return taken;
  }

  /**
   * For a test that breaks the contract on purpose (an emulator test of a refusal): removes the violations matching
   * `filter` and returns them; throws when there is none, so the claim itself checks the validator caught it.
   */
  claim(filter: ViolationFilter): RecordedViolation[] {
    const taken = this.take(filter);
    if (taken.length === 0) {
      const left = this.violations.map((v) => `${v.operationId} [${v.rule}]`).join(', ') || 'none';
      throw new Error(`expected a contract violation matching ${JSON.stringify(filter)}; unclaimed: ${left}`);
    }
    return taken;
  }

  report(): ContractReport {
    return { violations: [...this.violations], operationsSeen: [...this.operationsSeen].sort() };
  }
}
