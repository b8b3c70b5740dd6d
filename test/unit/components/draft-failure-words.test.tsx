import 'fake-indexeddb/auto';
import { act, createElement, useEffect, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useDraft } from '@/components/use-draft';
import { renderInPage } from '../support/react-page';

/**
 * The composer's line about a draft it could not read or save ends in the reason, worded as every other failure is
 * (components/error-text.ts): a reply carrying Perch's words by kind has no message of its own to quote.
 */

const ACCOUNT = '1585841080431321088';
/** A refusal in Perch's own words, by kind: no message of its own. */
const REFUSED = { ok: false, error: { kind: 'invalid-request', message: '', own: { kind: 'not-sent' } } };

/** The draft's status line; `typed`: what the person types once the draft is shown (a draft is saved only then). */
function DraftLine({ typed }: { typed?: string }) {
  const { posts, saveError, update } = useDraft({ accountId: ACCOUNT, context: 'compose' });
  const wrote = useRef(false);
  useEffect(() => {
    if (!posts || !typed || wrote.current) return;
    wrote.current = true;
    update(() => [{ text: typed, media: [] }]);
  }, [posts, typed, update]);
  return createElement('p', { role: 'status' }, saveError ?? '');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the composer, when the background cannot read the saved draft', () => {
  it('says why in words, not a sentence ending in a colon', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(REFUSED as never);
    expect(await lineShown({})).toBe(
      'Your saved draft could not be read: Perch did not send this to X: something in it is not what X takes.',
    );
  });
});

describe('the composer, when the background cannot save the draft', () => {
  it('says why in words, not a sentence ending in a colon', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) =>
      Promise.resolve(message.type === 'draft.get' ? { ok: true, data: null } : REFUSED)) as never);
    expect(await lineShown({ typed: 'A page worth sharing' })).toBe(
      'Your draft could not be saved: Perch did not send this to X: something in it is not what X takes.',
    );
  });
});

/** What the composer's line says once the background has answered. */
async function lineShown(props: { typed?: string }): Promise<string> {
  const page = await renderInPage(createElement(DraftLine, props), { settleMs: 20 });
  try {
    for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, 20)));
    return page.document.querySelector('[role="status"]')?.textContent ?? '';
  } finally {
    await page.leave();
  }
}
