import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { HeaderProblem } from '@/components/AccountHeader';
import { errorOf } from '@/components/error-text';
import { getTokenKey, resetTokenKeyCache } from '@/lib/auth/key-store';
import { handle, type Handlers, type Reply } from '@/lib/message-contract';
import { MessageError, readReply } from '@/lib/messaging';
import { CLIENT_ID, makeService } from '../auth/support';
import { readInJapanese } from '../locales/in-japanese';
import { FSI, PDI, emu, withTestEmulator } from '../support/sign-in-suite';

/**
 * Issue 13, "Two languages": a sign-in failure leaves the background as its words by kind and facts (X's OAuth code,
 * X's own words), never as a sentence in the background's language at that moment; the screen words it in its
 * reader's language, X's words quoted as X wrote them and bidi-isolated.
 */

withTestEmulator();

/** The background's answer to "Sign in with X" when X refuses the app at its token endpoint. */
async function refusedSignIn(): Promise<Reply<unknown>> {
  const h = makeService(emu);
  // X knows the app at the consent page but refuses it at /2/oauth2/token (e.g. a confidential "Web App").
  h.settings.fetch = (input, init) =>
    fetch(input, { ...init, body: String(init?.body).replace(`client_id=${CLIENT_ID}`, 'client_id=not-this-app') });
  const handlers = { 'auth.signIn': () => h.auth.signIn() } as unknown as Handlers;
  return handle(handlers, { type: 'auth.signIn' });
}

/** What the account header shows for the answer. */
async function shown(reply: Reply<unknown>): Promise<string> {
  const error = await readReply(Promise.resolve(reply)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MessageError);
  const html = renderToStaticMarkup(createElement(HeaderProblem, { error: errorOf(error) }));
  return html.replace(/<[^>]+>/g, '').trim();
}

describe('the background’s answer to a refused sign-in', () => {
  it('carries the kind and X’s code and words, and no sentence', async () => {
    expect(await refusedSignIn()).toEqual({
      ok: false,
      error: {
        kind: 'denied',
        message: '',
        auth: { kind: 'refused-code', code: 'unauthorized_client', said: 'Missing valid authorization header' },
      },
    });
  });

  it('is worded by the screen in its reader’s language, though the background spoke English', async () => {
    const reply = await refusedSignIn();
    expect(await shown(reply)).toBe(
      `X refused the sign-in (unauthorized_client). X said: “${FSI}Missing valid authorization header${PDI}”`,
    );
    readInJapanese();
    expect(await shown(reply)).toBe(
      `Xがログインを拒否しました（unauthorized_client）。Xのメッセージ:「${FSI}Missing valid authorization header${PDI}」`,
    );
  });

  it('gives the thrown error’s message in the reader’s language too, for screens that show it as it is', async () => {
    const reply = await refusedSignIn();
    readInJapanese();
    const error = await readReply(Promise.resolve(reply)).catch((e: unknown) => e);
    expect((error as MessageError).message).toMatch(/^Xがログインを拒否しました（unauthorized_client）。/);
  });
});

describe('the background’s answer when this device could not keep the sign-in’s key', () => {
  it('is worded by the screen in its reader’s language', async () => {
    resetTokenKeyCache();
    await new Promise((resolve) => {
      const deleting = indexedDB.deleteDatabase('perch-keys');
      deleting.onsuccess = deleting.onerror = resolve;
    });
    // The browser refuses to store the new key (a full disk, say), and no other context stored one.
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const handlers = { 'auth.signIn': () => getTokenKey() } as unknown as Handlers;
      const reply = await handle(handlers, { type: 'auth.signIn' });
      expect(reply).toEqual({ ok: false, error: { kind: 'server', message: '', auth: { kind: 'key-not-stored' } } });
      readInJapanese();
      expect(await shown(reply)).toBe('この端末にログインを保存できませんでした。もう一度お試しください。');
    } finally {
      add.mockRestore();
      resetTokenKeyCache();
    }
  });
});
