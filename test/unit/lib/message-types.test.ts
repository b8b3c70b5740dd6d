import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AuthErrorKind } from '@/lib/auth/errors';
import { messages, parseRequest, type Handlers, type Responses } from '@/lib/message-contract';
import { sendMessage, type ErrorKind, type UserView } from '@/lib/messaging';
import type { ComposeErrorKind } from '@/lib/services/compose';
import type { OutboxError } from '@/lib/services/outbox';
import { ERROR_KINDS, errorKindOf } from '@/lib/views';
import type { XErrorKind } from '@/lib/x/errors';

/**
 * The contract's types are checked by `tsc` (this file is in the project): a wrong payload or a wrong reading of a
 * reply fails the typecheck, which `npm test` runs. The runtime half checks the table the background validates with.
 */
describe('the message contract', () => {
  it('types each request’s payload and its reply from the one table entry', () => {
    const send = () => sendMessage({ type: 'user.lookup', accountId: '1', username: 'a' });
    expectTypeOf(send).returns.resolves.toEqualTypeOf<UserView>();
    expectTypeOf<Responses['draft.save']>().toEqualTypeOf<{ saved: boolean }>();
    expectTypeOf<Parameters<Handlers['tab.post']>[0]>().toEqualTypeOf<{ type: 'tab.post' } & { accountId: string; postId: string }>();
    // @ts-expect-error a missing field is a type error
    const missing = () => sendMessage({ type: 'auth.signOut' });
    // @ts-expect-error a field of the wrong type is a type error
    const wrong = () => sendMessage({ type: 'action.undo', accountId: '1', seq: '3' });
    // @ts-expect-error a field another message has is a type error
    const extra = () => sendMessage({ type: 'auth.signIn', accountId: '1' });
    // @ts-expect-error reading a reply as another message's is a type error
    const misread: () => Promise<{ saved: boolean }> = () => sendMessage({ type: 'user.lookup', accountId: '1', username: 'a' });
    expect([missing, wrong, extra, misread, send].every((f) => typeof f === 'function')).toBe(true);
  });

  it('accepts each type with its own fields only', () => {
    expect(parseRequest({ type: 'tab.profile', accountId: '7', username: 'perch_app' })).toEqual({
      type: 'tab.profile',
      accountId: '7',
      username: 'perch_app',
    });
    expect(parseRequest({ type: 'tab.profile', accountId: '7', postId: '1' })).toBeUndefined();
    expect(parseRequest({ type: 'constructor' })).toBeUndefined();
    expect(parseRequest({ type: '__proto__' })).toBeUndefined();
    expect(Object.keys(messages)).toContain('action.do');
  });
});

describe('error kinds', () => {
  it('lists every kind the background’s error types carry (a new kind without a listing fails the typecheck)', () => {
    expectTypeOf<XErrorKind | AuthErrorKind | ComposeErrorKind | OutboxError['kind']>().toExtend<ErrorKind>();
    expect(new Set(ERROR_KINDS).size).toBe(ERROR_KINDS.length);
  });

  it.each([
    ['rate-limited', 'rate-limited'],
    ['no-such-kind', 'error'],
    [undefined, 'error'],
    [42, 'error'],
  ])('reads the kind %s as %s', (kind, expected) => {
    expect(errorKindOf(kind)).toBe(expected);
  });
});
