import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText, thrownText } from '@/components/error-text';
import { actionErrorText } from '@/lib/action-words';
import { AuthError, toXApiError } from '@/lib/auth/errors';
import { resetTokenKeyCache } from '@/lib/auth/key-store';
import { handle, type Handlers, type Reply } from '@/lib/message-contract';
import { readReply } from '@/lib/messaging';
import { storedError } from '@/lib/services/outbox-failure';
import { XApiError } from '@/lib/x/errors';
import { getMe } from '@/lib/x/users';
import { readInJapanese } from '../locales/in-japanese';
import { emu, withTestEmulator } from '../support/emulator';
import { ADA_ID, TWO_HOURS, makeService } from './support';

/**
 * A request that needs a token Perch cannot unseal (the key store unreadable for a moment) reaches no X at all: every
 * screen says it is Perch's fault, not that X is unavailable, and the outbox still sends it again later.
 */

const UNREAD = 'Perch could not read your sign-in on this device, so nothing was sent to X. Please try again.';
const UNREAD_JA = 'この端末でログイン情報を読み取れなかったため、Xには何も送信していません。もう一度お試しください。';

withTestEmulator();
afterEach(() => {
  vi.restoreAllMocks();
  resetTokenKeyCache();
});

/** The background's answer, as the message listener gives it, to a request that failed with `error`. */
function answerOf(error: unknown): Promise<Reply<unknown>> {
  const handlers = { 'settings.get': () => Promise.reject(error) } as unknown as Handlers;
  return handle(handlers, { type: 'settings.get' });
}

const shownFor = async (error: unknown) => thrownText(await readReply(Promise.resolve(await answerOf(error))).catch((e: unknown) => e));

describe('a request whose sign-in key Perch cannot read', () => {
  it('fails as Perch’s own fault, on every screen and in the Activity log, in the reader’s language', async () => {
    const h = makeService(emu);
    await h.auth.signIn();
    h.clock.advance(TWO_HOURS);
    resetTokenKeyCache();
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(() => {
      throw new DOMException('Internal error.', 'UnknownError');
    });
    const error = await getMe(h.auth.clientFor(ADA_ID, h.settings)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    // Still a passing failure: the outbox sends it again later, as when X fails for a moment.
    expect((error as XApiError).kind).toBe('unavailable');
    expect(await shownFor(error)).toBe(UNREAD);
    expect(actionErrorText(storedError(error as XApiError))).toBe(UNREAD);
    expect(errorText({ kind: 'unavailable', message: '', own: { kind: 'sign-in-unread' } })).toBe(UNREAD);
    readInJapanese();
    expect(await shownFor(error)).toBe(UNREAD_JA);
    expect(actionErrorText(storedError(error as XApiError))).toBe(UNREAD_JA);
  });

  it('leaves X’s own failures at the token endpoint worded as X’s', () => {
    const error = toXApiError(new AuthError('server', { kind: 'server-status', status: 503 }));
    expect(error.kind).toBe('unavailable');
    expect(actionErrorText(storedError(error))).toBe('X is not answering right now. Try again in a moment.');
  });
});
