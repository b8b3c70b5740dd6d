import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tabErrorText } from '@/entrypoints/popup/tab-error-text';
import { postContext, profileContext } from '@/lib/services/tab-context';
import type { XClient } from '@/lib/x/client';
import { readInJapanese } from '../locales/in-japanese';
import { freshDb } from './support';

/**
 * Issue 13, "Two languages": a post or profile in the tab that Perch caught as not what X takes (a malformed
 * @username or post id: nothing is sent) reaches the popup as its kind, worded in the popup's reader's language, not as
 * the worker's English sentence.
 */

const ACCOUNT = '1585841080431321088';
const SESSION = { accounts: [{ id: ACCOUNT, username: 'ada', name: 'Ada' }] } as never;
/** A client that must never be asked: the request is refused before it is sent. */
const unused = () => Promise.resolve({ request: () => Promise.reject(new Error('sent to X')) } as unknown as XClient);

const profile = () => profileContext(unused, ACCOUNT, 'not a username!');
const post = () => postContext(unused, ACCOUNT, 'not-an-id', Date.now(), SESSION);

describe('a tab’s post or profile Perch did not ask X for', () => {
  beforeEach(freshDb);

  it.each([
    ['profile', profile],
    ['post', post],
  ] as const)('(%s) reads in English to a reader of English, though the worker read it while speaking Japanese', async (_, read) => {
    const english = { getMessage: fakeBrowser.i18n.getMessage, getUILanguage: fakeBrowser.i18n.getUILanguage };
    readInJapanese();
    const ctx = await read();
    Object.assign(fakeBrowser.i18n, english);
    expect(tabErrorText(ctx.error, 'fallback')).toBe('Perch did not send this to X: something in it is not what X takes.');
  });

  it('is worded in the popup reader’s language, not the worker’s', async () => {
    const ctx = await profile();
    readInJapanese();
    expect(tabErrorText(ctx.error, 'fallback')).toBe('PerchはこれをXに送信しませんでした。Xが受け付けない内容が含まれています。');
  });
});
