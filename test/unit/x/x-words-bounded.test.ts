import { describe, expect, it } from 'vitest';
import { errorText } from '@/components/error-text';
import { SAID_MAX } from '@/lib/compose-words';
import { handle, type Handlers } from '@/lib/message-contract';
import { storedError } from '@/lib/services/outbox-failure';
import { XApiError, xWords } from '@/lib/x/errors';

/**
 * X's own words go to a screen, into a stored failure and into the toolbar's title: however long X's answer, what
 * Perch passes on is bounded (SAID_MAX), shortened rather than dropped so the person still reads X's reason.
 */
const HUGE = 200_000;
const detail = 'The request was refused. '.padEnd(HUGE, 'y');
const refusal = () => new XApiError('invalid-request', { status: 400, problem: { detail } });

describe('X’s words, however long X’s answer', () => {
  it('are cut to SAID_MAX characters ending with “…”, starting with X’s reason', () => {
    const said = xWords({ detail })!;
    expect(said).toHaveLength(SAID_MAX);
    expect(said.startsWith('The request was refused. ')).toBe(true);
    expect(said.endsWith('…')).toBe(true);
  });

  it('are cut the same when X gives them as errors[].message', () => {
    const said = xWords({ messages: ['m'.repeat(HUGE), 'n'.repeat(HUGE)] })!;
    expect(said).toHaveLength(SAID_MAX);
  });

  it('stay whole when they fit', () => {
    expect(xWords({ detail: 'Too many posts.' })).toBe('Too many posts.');
  });

  it('reach a screen bounded, in the reply to its request', async () => {
    const handlers = new Proxy({}, { get: () => () => Promise.reject(refusal()) }) as unknown as Handlers;
    const reply = await handle(handlers, { type: 'settings.get' });
    expect(JSON.stringify(reply).length).toBeLessThan(SAID_MAX + 500);
  });

  it('are stored bounded with a failed action, and shown bounded', () => {
    const stored = storedError(refusal());
    expect(stored.said).toHaveLength(SAID_MAX);
    expect(errorText({ kind: 'invalid-request', message: refusal().message }).length).toBeLessThan(SAID_MAX + 200);
  });
});
