import { vi } from 'vitest';
import { z } from 'zod';
import type { ActionDef } from '@/lib/services/outbox';
import type { XClient, XRequest } from '@/lib/x/client';
import type { XApiError } from '@/lib/x/errors';

/** Stand-ins the outbox's unit tests share: X, and a toggle action like mute. */

/** One answer of the stand-in X: success, or this failure. */
export type Step = 'ok' | XApiError;

/** An X stand-in: answers each request from a script, and records what it was sent. */
export function fakeX(...script: Step[]) {
  const sent: string[] = [];
  const client = {
    request: vi.fn(async (req: XRequest<unknown>) => {
      sent.push(`${req.method} ${req.path}`);
      const step = script.shift() ?? 'ok';
      if (step !== 'ok') throw step;
      return { body: {}, status: 200, rateLimit: undefined };
    }),
  } as unknown as XClient;
  return { client, sent };
}

/** A toggle like mute: the optimistic change is a row in `muted`, placed at `now()`. */
export function toggle(on: boolean, now: () => number): ActionDef {
  return {
    target: (p) => `user:${String(p.userId)}`,
    tables: (d) => [d.muted],
    async apply(d, accountId, p) {
      const before = await d.muted.get([accountId, String(p.userId)]);
      if (on) await d.muted.put({ accountId, userId: String(p.userId), position: now() });
      else await d.muted.delete([accountId, String(p.userId)]);
      return before ?? null;
    },
    async rollback(d, accountId, p, snapshot) {
      if (snapshot) await d.muted.put(snapshot as never);
      else await d.muted.delete([accountId, String(p.userId)]);
    },
    async execute(client, accountId, p) {
      await client.request({
        method: on ? 'POST' : 'DELETE',
        path: on ? `/2/users/${accountId}/muting` : `/2/users/${accountId}/muting/${String(p.userId)}`,
        schema: z.unknown(),
      });
    },
    idempotent: true,
    inverse: (p) => ({ type: on ? 'unmute' : 'mute', params: p }),
  };
}
