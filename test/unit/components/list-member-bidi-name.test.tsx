import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listMembers } from '@/lib/services/lookups';
import { hasBidiControls } from '@/lib/text/bidi';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { capturing } from '../x/capture';
import { ACCOUNT, LIST, LOAD, membersOf } from './list-members-focus';

/**
 * A member X names without a @username (openapi.json, User: `username` is required; an empty one reads as none) is
 * named on their Remove by their name alone. A name ending in U+202E carried that mark into the button's name: a
 * screen reader reads it, and voice control users say the name without it. The row's visible name keeps it, isolated.
 */

withFocus();

describe('Remove on a List member named by their name alone', () => {
  beforeEach(freshDb);

  it('is named without the name’s direction marks', async () => {
    const evil = { id: '8', name: 'Evil\u202E Corp', username: '' };
    const x = capturing(() => ({ body: { data: [evil], meta: { result_count: 1 } } }));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { paginationToken?: string }) => ({
      ok: true,
      data: await listMembers(x.client, ACCOUNT, LIST, message.paginationToken),
    })) as never);
    const page = await membersOf(true);
    try {
      await page.press(LOAD);
      const removes = [...page.document.querySelectorAll('button[aria-label^="Remove "]')].map((b) => b.getAttribute('aria-label')!);
      expect(removes).toEqual(['Remove Evil Corp from Reading list']);
      expect(removes.filter(hasBidiControls)).toEqual([]);
    } finally {
      await page.leave();
    }
  });
});
