import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { freshDb } from '../services/support';
import { accessibleName } from '../support/label-in-name';
import { listMade, OFFLINE_X, outboxOver } from '../support/outbox-background';
import { renderInPage } from '../support/react-page';

/**
 * A List the person just made with Perch has no members: Perch made it (X's create answer, POST /2/lists, carries no
 * counts, and a new List starts empty), so its members view says so at once, beside Add, rather than "Members not loaded
 * yet." and a Load members button that would only read an empty page from X.
 */

const ACCOUNT = '1';

beforeEach(freshDb);

/** The person creates "Reading list" while X cannot be reached: Perch shows it at once, its creation waiting to be sent. */
async function createdList() {
  const [list] = await listMade(outboxOver(OFFLINE_X), ACCOUNT, 'Reading list');
  expect(list?.name).toBe('Reading list');
  return list!;
}

describe('the members of a List the person just made', () => {
  it('says it has no members yet, beside Add, without asking X', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const list = await createdList();
    const page = await renderInPage(
      <ListMembers accountId={ACCOUNT} list={list} act={() => Promise.resolve(true)} onActed={() => undefined} />,
      {
        settleMs: 40,
      },
    );
    try {
      // The stored members come through a live query: wait until it has answered (no "Loading members…" placeholder).
      for (let i = 0; i < 50 && page.document.querySelector('[aria-busy="true"]'); i++)
        await act(() => new Promise((r) => setTimeout(r, 20)));
      const text = page.document.querySelector('.mgr-members')?.textContent ?? '';
      expect(text).toContain('This list has no members yet.');
      expect(text).not.toContain('Members not loaded yet.');
      const names = [...page.document.querySelectorAll('button, input')].map((el) => accessibleName(el));
      expect(names).toContain('Add an account to Reading list by @username');
      expect(names).not.toContain('Load members of Reading list from X');
      expect(send).not.toHaveBeenCalled();
    } finally {
      await page.leave();
    }
  });
});
