import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { actionPhase, phaseNote, phaseSentence, phaseWords } from '@/components/manager/action-state';
import { actionErrorText } from '@/lib/action-words';
import { storedError } from '@/lib/services/outbox-failure';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import type { XClient, XRequest, XResponse } from '@/lib/x/client';
import { XApiError, type RateLimitInfo } from '@/lib/x/errors';
import { createLimitedClient, type RateLimitStore } from '@/lib/x/limiter';
import { readInJapanese } from '../locales/in-japanese';
import { withEmptyStore } from '../support/store';

/**
 * A 429 from X with no reset (no `x-rate-limit-reset`, no Retry-After): Perch pauses the endpoint 15 minutes on its
 * own, and used to word that pause as X's ("X’s limit for this is used up. It will work again at 14:32."), stored with
 * the action and said again on each held-back try. X did not say when (x-api--fundamentals--rate-limits: the reset is
 * the header's); the words now name no time as X's, while Perch still waits its own 15 minutes.
 */

const NOW = 1_800_000_000_000;
const MUTE: XRequest<unknown> = { method: 'POST', path: '/2/users/42/muting', body: { target_user_id: '7' }, schema: z.unknown() };
const SAID_TIME = /work again at/;

withEmptyStore();

function memoryStore(): RateLimitStore {
  const rows = new Map<string, RateLimitInfo>();
  return { get: async (e) => rows.get(e), put: async (e, i) => void rows.set(e, i) };
}

/** A client that answers each request with the next of `answers`. */
function answering(...answers: XApiError[]) {
  const request = vi.fn(async (_req: XRequest<unknown>): Promise<XResponse<unknown>> => {
    const next = answers.shift();
    throw next ?? new Error('no more answers');
  });
  return { client: { request } as unknown as XClient, request };
}

const limited = (client: XClient, store: RateLimitStore, now = NOW) =>
  createLimitedClient({ client, store, now: () => now, sleep: async () => undefined, random: () => 0.5 });

/** The failure `request` ends in, and its words as a screen shows them stored with the action. */
async function failure(client: XClient, store: RateLimitStore, now = NOW): Promise<{ error: XApiError; message: string; stored: string }> {
  const error = (await limited(client, store, now)
    .request(MUTE)
    .catch((e: unknown) => e)) as XApiError;
  return { error, message: error.message, stored: actionErrorText(storedError(error)) };
}

describe('a 429 from X that gave no reset time', () => {
  it('is worded without a time of X’s, while Perch still waits its own 15 minutes; X’s own reset still is', async () => {
    // The limiter's memory as the extension keeps it (in the store), which a held-back try reads again.
    const store = rateLimitStore('1585841080431321088');
    const { client, request } = answering(new XApiError('rate-limited', { status: 429 }));
    const first = await failure(client, store);
    expect(first.message).toBe('X’s limit for this is used up. Try again later.');
    expect(first.stored).toBe('X’s limit for this is used up. Try again later.');
    // The outbox and the limiter still hold off 15 minutes: the pause is kept, only not said as X's.
    expect(first.error.rateLimitReset).toBe(NOW / 1000 + 15 * 60);
    // Held back by Perch ten minutes on (nothing sent): the same words, no time of X's.
    const held = await failure(client, store, NOW + 600_000);
    expect(held.error).toMatchObject({ kind: 'rate-limited', local: true });
    expect(held.message).not.toMatch(SAID_TIME);
    expect(held.stored).not.toMatch(SAID_TIME);
    expect(request).toHaveBeenCalledTimes(1);
    // X's own reset is still said as X's time.
    const reset = NOW / 1000 + 300;
    const said = await failure(answering(new XApiError('rate-limited', { status: 429, rateLimitReset: reset })).client, memoryStore());
    expect(said.message).toMatch(SAID_TIME);
    expect(said.stored).toMatch(SAID_TIME);
  });

  it('is said on the screens as Perch’s own next try, at the time Perch waits for', async () => {
    const { client } = answering(new XApiError('rate-limited', { status: 429 }));
    const { error } = await failure(client, memoryStore());
    // The outbox waits for the limiter's pause, a second past it (lib/services/outbox-failure.ts).
    const notBefore = (error.rateLimitReset ?? 0) * 1000 + 1000;
    const phase = actionPhase({ state: 'queued', notBefore, error: storedError(error) }, undefined, NOW);
    const at = new Date(notBefore);
    const clock = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    expect(phaseNote(phase)).toMatch(new RegExp(`^X is limiting this; Perch tries again at .*${clock}\\.$`));
    expect(phaseSentence('Mute @ada', phase)).toMatch(new RegExp(`^Mute @ada: X is limiting this; Perch tries again at .*${clock}\\.$`));
    expect(phaseWords(phase)).toContain('X is limiting this and did not say until when; Perch tries again then.');
  });

  it('says in Japanese what X limits: this action', async () => {
    readInJapanese();
    const { client } = answering(new XApiError('rate-limited', { status: 429 }));
    const { error } = await failure(client, memoryStore());
    const notBefore = (error.rateLimitReset ?? 0) * 1000 + 1000;
    const phase = actionPhase({ state: 'queued', notBefore, error: storedError(error) }, undefined, NOW);
    expect(phaseNote(phase)).toMatch(/^Xがこの操作を制限しています。Perchが.+にもう一度試します。$/);
    expect(phaseSentence('ミュート', phase)).toMatch(/^ミュート: Xがこの操作を制限しています。/);
    expect(phaseWords(phase)).toContain('Xがこの操作を制限していますが、いつまでかは示していません。');
  });
});
