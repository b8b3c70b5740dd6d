import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { AuthError } from '@/lib/auth/errors';
import { authWordsText } from '@/lib/auth-words-text';
import { emu, withTestEmulator } from '../support/emulator';
import { browserFlow, consent, makeService, tokenRequests } from './support';

withTestEmulator();

/** The sign-in's error when X's redirect comes back carrying `state`. */
async function signInWithState(state: string) {
  const h = makeService(emu, {
    flow: browserFlow('authorize', (l) => {
      const u = new URL(l);
      u.searchParams.set('state', state);
      return u.href;
    }),
  });
  return h.auth.signIn().then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('a redirect whose state names a member every object has', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'with state %s is refused as a state mismatch, in words, and the attempt is dropped',
    async (state) => {
      const error = await signInWithState(state);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).kind).toBe('state-mismatch');
      expect(authWordsText((error as AuthError).words)).toBe(
        'That sign-in answer did not belong to this sign-in attempt. Nothing was saved; please try again.',
      );
      expect(tokenRequests(emu)).toHaveLength(0);
      expect(await browser.storage.session.get('auth.pending')).toEqual({});
    },
  );
});

describe('a redirect carrying the code and state of another sign-in attempt', () => {
  it('is refused as a state mismatch, exchanges no code, and keeps neither attempt', async () => {
    // An earlier attempt whose window the worker lost (it stopped): its state and verifier are still in storage.
    let earlierUrl = '';
    const lost = makeService(emu, {
      flow: (url) => {
        earlierUrl = url;
        return new Promise<string>(() => undefined);
      },
    });
    void lost.auth.signIn();
    await expect.poll(() => earlierUrl).not.toBe('');
    // This attempt's window ends on the earlier attempt's answer: a real code, for that attempt's state.
    const h = makeService(emu, { flow: () => consent(earlierUrl, 'authorize') });

    const error = await h.auth.signIn().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).kind).toBe('state-mismatch');
    expect(tokenRequests(emu)).toHaveLength(0);
    expect(await browser.storage.session.get('auth.pending')).toEqual({});
  });
});
