import { parseHTML } from 'linkedom';
import { act, createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SaveSearchForm } from '@/components/manager/bookmarks/OrganiseBar';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * Save search with a search longer than a saved search holds (500 characters): the form says so in the reader's
 * language before anything is sent, and the name the person gave stays in its field while they shorten the search.
 */

const ACCOUNT = '1585841080431321088';

afterEach(() => vi.restoreAllMocks());

// The form is a modal dialog: linkedom has no `showModal` or `close`, so they only open and close it here.
beforeAll(() => {
  const proto = Object.getPrototypeOf(parseHTML('<dialog></dialog>').document.createElement('dialog')) as Record<string, unknown>;
  proto.showModal ??= function (this: { open: boolean }) {
    this.open = true;
  };
  proto.close ??= function (this: { open: boolean }) {
    this.open = false;
  };
});

/** The Save search form for `query`, with every message to the background recorded (and answered). */
async function openForm(query: string): Promise<{ page: ReactPage; sent: () => unknown[] }> {
  const saved: unknown = { ok: true, data: { id: 'saved-1' } };
  const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(saved as never);
  const sent = () => send.mock.calls.map((call) => call[0]);
  const page = await renderInPage(createElement(SaveSearchForm, { accountId: ACCOUNT, query, onDone: () => undefined }), {
    settleMs: 10,
  });
  return { page, sent };
}

/** Presses the form's Save as a person would (or tries to: a disabled button does nothing), then lets it settle. */
async function pressSave(page: ReactPage): Promise<void> {
  const save = [...page.document.querySelectorAll('button')].find((b) => /^(Save|保存)$/.test(b.textContent ?? ''))!;
  await act(async () => {
    if (!save.hasAttribute('disabled'))
      save.closest('form')!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
}

/** What the name field says about itself (its accessible description). */
function nameDescription(page: ReactPage): string {
  const field = page.document.querySelector('input[type="text"]')!;
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => page.document.getElementById(id)?.textContent ?? '').join(' ');
}

const long = 'from:ada '.repeat(70).trim(); // 629 characters

// The form selects its name field on opening; linkedom's fields have no `select`.
const blank = parseHTML('<!doctype html><html><body></body></html>').document;
const field = Object.getPrototypeOf(blank.createElement('input')) as Record<string, unknown>;
field.select ??= () => undefined;

describe('saving a search longer than a saved search holds', () => {
  it('says how long it is and the most it may be, beside the name, and sends nothing', async () => {
    const { page, sent } = await openForm(long);
    try {
      const said = 'This search is 629 characters long, and a saved search holds at most 500. Shorten it in the search box, then save.';
      expect(page.document.querySelector('[role="alert"]')?.textContent).toBe(said);
      expect(nameDescription(page)).toBe(said);
      await pressSave(page);
      expect(sent()).toEqual([]);
      // The name Perch offered (the search's first 60 characters) is still there to keep.
      expect((page.document.querySelector('input[type="text"]') as HTMLInputElement).value).toBe(long.slice(0, 60));
    } finally {
      await page.leave();
    }
  });

  it('says it in Japanese to a Japanese reader', async () => {
    readInJapanese();
    const { page } = await openForm(long);
    try {
      expect(page.document.querySelector('[role="alert"]')?.textContent).toBe(
        'この検索は629文字あります。保存できる検索は500文字までです。検索ボックスで短くしてから保存してください。',
      );
    } finally {
      await page.leave();
    }
  });

  it('saves a search of exactly 500 characters, with nothing said', async () => {
    const query = 'a'.repeat(500);
    const { page, sent } = await openForm(query);
    try {
      expect(page.document.querySelector('[role="alert"]')).toBeNull();
      await pressSave(page);
      expect(sent()).toEqual([expect.objectContaining({ type: 'savedSearch.save', query })]);
    } finally {
      await page.leave();
    }
  });
});
