/**
 * Control API for tests, under /__emulator/ (JSON in and out, not rate limited, not logged as API traffic).
 * See README.md for the list.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { json, type Reply } from './http';
import { seedOversize } from './oversize';
import { seedBookmarks } from './seed';
import type { EmulatorState } from './state';

export const CONTROL_PREFIX = '/__emulator/';

const clientBody = z.object({
  client_id: z.string().min(1),
  redirect_uris: z.array(z.string().min(1)).default([]),
  name: z.string().min(1).optional(),
  confidential: z.boolean().optional(),
});
const sessionBody = z.object({
  user_id: z
    .string()
    .regex(/^[0-9]+$/)
    .nullable(),
});
const clockBody = z.object({ advance_seconds: z.number().finite().nonnegative() });
const faultBody = z
  .object({
    method: z.string().min(1).optional(),
    path: z.string().startsWith('/'),
    count: z.number().int().positive().default(1),
    kind: z.enum(['status', 'rate_limit', 'usage_capped', 'drop', 'cut', 'slow', 'hold', 'malformed']),
    status: z.number().int().min(400).max(599).optional(),
    delay_ms: z.number().int().nonnegative().optional(),
  })
  .refine((f) => f.kind !== 'slow' || f.delay_ms !== undefined, { message: 'delay_ms is required for kind "slow"' });
const revokeGrantsBody = z.object({ user_id: z.string().regex(/^[0-9]+$/) });
const configBody = z.object({
  enterprise: z.boolean().optional(),
  self_replies_allowed: z.boolean().optional(),
  /** X's words for a failed video processing, or null for processing that succeeds (the default). */
  video_processing_error: z.string().min(1).nullable().optional(),
  /** Post answers (getPostsByIds, getPostsById…) leave the posts' authors out of includes.users: EmulatorState.postsWithoutAuthor. */
  posts_without_author: z.boolean().optional(),
  /** Every successful answer stripped to what X must send (bare.ts): EmulatorState.bareAnswers. */
  bare_answers: z.boolean().optional(),
});
const idString = z.string().regex(/^[0-9]{1,19}$/);
const followRequestBody = z.object({ source_user_id: idString, target_user_id: idString, action: z.enum(['accept', 'deny']) });
const oversizeBody = z.object({ user_id: idString.optional() });
const seedBookmarksBody = z.object({ user_id: idString.optional(), count: z.number().int().positive().max(20_000) });

function bad(message: string): Reply {
  return json(400, { error: message });
}

function parse<T>(schema: z.ZodType<T>, raw: Buffer): { ok: true; value: T } | { ok: false; reply: Reply } {
  let data: unknown;
  try {
    data = raw.length ? JSON.parse(raw.toString('utf8')) : {};
  } catch {
    return { ok: false, reply: bad('body is not valid JSON') };
  }
  const result = schema.safeParse(data);
  if (!result.success)
    return { ok: false, reply: bad(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')) };
  return { ok: true, value: result.data };
}

function clock(state: EmulatorState): Record<string, unknown> {
  const now = state.now();
  return { now: new Date(now).toISOString(), unix: Math.floor(now / 1000), offset_seconds: state.clockOffsetMs / 1000 };
}

export function handleControl(state: EmulatorState, req: IncomingMessage, path: string, body: Buffer): Reply {
  const method = req.method ?? 'GET';
  const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  switch (route) {
    case 'POST /reset':
      state.reset();
      return json(200, { ok: true });
    case 'POST /clients': {
      const p = parse(clientBody, body);
      if (!p.ok) return p.reply;
      const c = state.registerClient(p.value.client_id, p.value.redirect_uris, p.value.name, p.value.confidential);
      return json(200, { client_id: c.clientId, redirect_uris: c.redirectUris, name: c.name, confidential: c.confidential });
    }
    case 'GET /clients':
      return json(200, {
        clients: [...state.clients.values()].map((c) => ({ client_id: c.clientId, redirect_uris: c.redirectUris, name: c.name })),
      });
    case 'POST /session': {
      const p = parse(sessionBody, body);
      if (!p.ok) return p.reply;
      if (p.value.user_id !== null && !state.users.has(p.value.user_id)) return bad(`unknown user_id ${p.value.user_id}`);
      state.sessionUserId = p.value.user_id;
      return json(200, { user_id: state.sessionUserId });
    }
    case 'GET /session':
      return json(200, { user_id: state.sessionUserId });
    case 'GET /clock':
      return json(200, clock(state));
    case 'POST /clock': {
      const p = parse(clockBody, body);
      if (!p.ok) return p.reply;
      state.advance(p.value.advance_seconds);
      return json(200, clock(state));
    }
    case 'POST /faults': {
      const p = parse(faultBody, body);
      if (!p.ok) return p.reply;
      const f = p.value;
      const fault = state.addFault({
        path: f.path,
        remaining: f.count,
        kind: f.kind,
        ...(f.method ? { method: f.method.toUpperCase() } : {}),
        ...(f.status !== undefined ? { status: f.status } : {}),
        ...(f.delay_ms !== undefined ? { delayMs: f.delay_ms } : {}),
      });
      return json(200, { fault });
    }
    case 'GET /faults':
      return json(200, { faults: state.faults, held: state.heldCount });
    case 'POST /faults/release':
      return json(200, { released: state.releaseHeld() });
    case 'DELETE /faults':
      state.faults = [];
      return json(200, { ok: true });
    case 'GET /log':
      return json(200, state.log);
    case 'DELETE /log':
      state.log = [];
      return json(200, { ok: true });
    case 'GET /tokens':
      return json(200, state.tokenList());
    case 'POST /revoke-grants': {
      const p = parse(revokeGrantsBody, body);
      if (!p.ok) return p.reply;
      return json(200, { user_id: p.value.user_id, revoked_grants: state.revokeUserGrants(p.value.user_id) });
    }
    case 'POST /config': {
      const p = parse(configBody, body);
      if (!p.ok) return p.reply;
      if (p.value.enterprise !== undefined) state.enterprise = p.value.enterprise;
      if (p.value.self_replies_allowed !== undefined) state.selfRepliesAllowed = p.value.self_replies_allowed;
      if (p.value.video_processing_error !== undefined) state.videoProcessingError = p.value.video_processing_error ?? undefined;
      if (p.value.posts_without_author !== undefined) state.postsWithoutAuthor = p.value.posts_without_author;
      if (p.value.bare_answers !== undefined) state.bareAnswers = p.value.bare_answers;
      return json(200, {
        enterprise: state.enterprise,
        self_replies_allowed: state.selfRepliesAllowed,
        video_processing_error: state.videoProcessingError ?? null,
        posts_without_author: state.postsWithoutAuthor,
        bare_answers: state.bareAnswers,
      });
    }
    case 'GET /state':
      return json(200, state.snapshot());
    case 'POST /follow-requests': {
      // The protected account approves (or denies) a pending follow request.
      const p = parse(followRequestBody, body);
      if (!p.ok) return p.reply;
      const { source_user_id: source, target_user_id: target, action } = p.value;
      if (!state.pendingFollows.get(source)?.delete(target)) return bad(`no pending follow request from ${source} to ${target}`);
      if (action === 'accept') state.relation(state.following, source).add(target);
      return json(200, { source_user_id: source, target_user_id: target, following: action === 'accept' });
    }
    case 'POST /bookmarks': {
      // Adds `count` generated bookmarks (seedBookmarks in seed.ts), newest of all.
      const p = parse(seedBookmarksBody, body);
      if (!p.ok) return p.reply;
      const userId = p.value.user_id ?? state.sessionUserId;
      if (!userId || !state.users.has(userId)) return bad(`unknown user_id ${userId}`);
      const ids = seedBookmarks(state, p.value.count, { userId });
      return json(200, { user_id: userId, added: ids.length, total: state.bookmarksOf(userId).size });
    }
    case 'POST /oversize': {
      // Oversize names, texts and links (oversize.ts) for layout tests.
      const p = parse(oversizeBody, body);
      if (!p.ok) return p.reply;
      const userId = p.value.user_id ?? state.sessionUserId;
      if (!userId || !state.users.has(userId)) return bad(`unknown user_id ${userId}`);
      return json(200, seedOversize(state, userId));
    }
    default: {
      const m = /^GET \/users\/([0-9]{1,19})\/relations$/.exec(route);
      if (m) {
        if (!state.users.has(m[1]!)) return json(404, { error: `unknown user ${m[1]}` });
        return json(200, state.relationsOf(m[1]!));
      }
      return json(404, { error: `unknown control route ${route}` });
    }
  }
}
