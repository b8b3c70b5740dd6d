import { act, type ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListsView } from '@/components/manager/ListsView';
import { RelationView } from '@/components/manager/RelationView';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';
import { renderInPage } from '../support/react-page';

/**
 * Rows of a shape this version does not draw (another version's, a write cut off, a store edited by hand): the tab
 * says it could not be shown in Perch's words, with Try again. Before, it said so in the browser's English: "The muted
 * accounts could not be shown: name.trim is not a function", "The lists could not be shown: Unknown argument at
 * index 0. Must be a number for pluralization…".
 */

const ACCOUNT = '2244994945';

/** What the tab shows once its store reads have answered: the alert's words and its buttons' names. */
async function shown(view: ReactElement): Promise<{ alert: string | undefined; buttons: string[] }> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: null } as never);
  // React reports the caught error on the console; the test is about what the person sees.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const page = await renderInPage(view, { settleMs: 20 });
  try {
    // The store's reads answer in their own time (slower on a busy machine): wait for the tab's alert, up to 5 s.
    const tabAlert = () => [...page.document.querySelectorAll('[role="alert"]')].find((e) => e.textContent?.includes('could not be shown'));
    for (let i = 0; i < 200 && !tabAlert(); i++) await act(() => new Promise((r) => setTimeout(r, 25)));
    const alert = tabAlert();
    return {
      alert: alert?.querySelector('p')?.textContent ?? undefined,
      buttons: [...(alert?.querySelectorAll('button') ?? [])].map((b) => b.textContent ?? ''),
    };
  } finally {
    await page.leave();
    quiet.mockRestore();
  }
}

describe('a manager tab over stored rows of another shape', () => {
  beforeEach(freshDb);

  it('Muted says it could not be shown in Perch’s words, with Try again', async () => {
    await db().muted.put({ accountId: ACCOUNT, userId: '5', position: 1 });
    await db().users.put({ accountId: ACCOUNT, id: '5', name: 42, username: null } as never);
    const { alert, buttons } = await shown(<RelationView accountId={ACCOUNT} relation="muted" />);
    expect(alert).toBe('The muted accounts could not be shown: Perch could not read what it keeps on this device.');
    expect(buttons).toEqual(['Try again']);
  });

  it('Lists says it could not be shown in Perch’s words, with Try again', async () => {
    await db().lists.put({ accountId: ACCOUNT, id: '9', name: 7, owned: 'yes', memberCount: 'many' } as never);
    const { alert, buttons } = await shown(<ListsView accountId={ACCOUNT} />);
    expect(alert).toBe('The lists could not be shown: Perch could not read what it keeps on this device.');
    expect(buttons).toEqual(['Try again']);
  });
});
