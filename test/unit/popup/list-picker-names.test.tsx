import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPicker } from '@/entrypoints/popup/ListPicker';
import { hasBidiControls } from '@/lib/text/bidi';
import { accessibleName, labelMismatches } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';

/**
 * "Add to list…" in the popup: each list's button carries the list's name. A name ending in U+202E (RIGHT-TO-LEFT
 * OVERRIDE) must not reverse the button's own words on screen, nor reach its accessible name as a control character.
 */

const USER = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };

describe('the popup’s list picker with a list named to reverse its button', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the name isolated and names the button by its words without bidi marks', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: true,
      data: [
        { id: '99', name: 'Evil\u202E list', private: false, member: false },
        { id: '98', name: 'Reading', private: false, member: true },
      ],
    } as never);
    const page = await renderInPage(<ListPicker accountId="1" user={USER} onChanged={() => undefined} />, {
      settleMs: 30,
    });
    try {
      const buttons = [...page.document.querySelectorAll<HTMLButtonElement>('li button')];
      expect(buttons.map((b) => accessibleName(b as unknown as Element))).toEqual(['Add to “Evil list”', 'Remove from “Reading”']);
      expect(buttons.map((b) => b.getAttribute('aria-label') ?? '').filter(hasBidiControls)).toEqual([]);
      // On screen the name sits in its own isolate, so the closing quote stays after it.
      const evil = buttons[0]!;
      expect(evil.querySelector('bdi')?.textContent).toBe('Evil\u202E list');
      expect(evil.textContent).toBe('Add to “Evil\u202E list”');
      expect(labelMismatches(page.container.innerHTML)).toEqual([]);
    } finally {
      await page.leave();
    }
  });
});

describe('a row of the popup’s list picker', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says the List’s name once: in its one button, whose name starts with its visible label', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: true,
      data: [
        { id: '97', name: 'Birds', private: true, member: false },
        { id: '98', name: 'Reading', private: false, member: true },
      ],
    } as never);
    const page = await renderInPage(<ListPicker accountId="1" user={USER} onChanged={() => undefined} />, {
      settleMs: 30,
    });
    try {
      const rows = [...page.document.querySelectorAll('li')];
      expect(rows.map((r) => r.textContent)).toEqual(['Add to “Birds”(private)', 'Remove from “Reading”']);
      expect(rows.map((r) => r.querySelectorAll('button').length)).toEqual([1, 1]);
      expect(rows.map((r) => accessibleName(r.querySelector('button') as unknown as Element))).toEqual([
        'Add to “Birds”',
        'Remove from “Reading”',
      ]);
      expect(labelMismatches(page.container.innerHTML)).toEqual([]);
    } finally {
      await page.leave();
    }
  });
});
