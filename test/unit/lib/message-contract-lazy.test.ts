import { describe, expect, it, vi } from 'vitest';
import type * as Zod from 'zod/mini';

/** Every object schema zod/mini builds, counted: the message contract's are strict objects. */
const built = vi.hoisted(() => ({ objects: 0 }));
vi.mock('zod/mini', async (importOriginal) => {
  const z = await importOriginal<typeof Zod>();
  return {
    ...z,
    strictObject: (...args: Parameters<typeof z.strictObject>) => {
      built.objects += 1;
      return z.strictObject(...args);
    },
  };
});

const { parseRequest } = await import('@/lib/message-contract');

describe('the message contract, on a worker start (issue 13)', () => {
  it('builds no message schema while the worker script loads, and then only the schema of the message that arrived', () => {
    expect(built.objects).toBe(0);
    expect(parseRequest({ type: 'settings.get' })).toEqual({ type: 'settings.get' });
    expect(built.objects).toBe(1);
    // Canary: the counter does see the contract's schemas being built, here the action union's (dozens).
    const request = { type: 'action.do', accountId: '1', action: { type: 'like', params: { postId: '2' } } };
    expect(parseRequest(request)).toEqual(request);
    expect(built.objects).toBeGreaterThan(5);
    expect(parseRequest({ ...request, action: { type: 'like', params: { postId: 'x' } } })).toBeUndefined();
  });
});
