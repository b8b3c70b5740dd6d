import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListPicker } from '@/entrypoints/popup/ListPicker';
import type { ActionRequest } from '@/lib/messaging';
import type { Outbox } from '@/lib/services/outbox';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { actionDone, outboxOver } from '../support/outbox-background';
import { renderInPage } from '../support/react-page';
import { ok, scripted, type Step } from '../x/support';

/**
 * "Add to list…" in the popup when X refuses a change (POST /2/lists/:id/members, addListsMember; DELETE
 * /2/lists/:id/members/:user_id, removeListsMemberByUserId): the alert names who and which List, then X's words, so a person
 * who pressed two Lists knows which one did not change. Starting a new List afterwards does not leave that alert
 * standing beside the form's own words. Two Lists pressed before X answers either are each followed to X's answer.
 */

const ACCOUNT = '1585841080431321088';
const GRACE = { id: '1452871219391512578', name: 'Grace Hopper', username: 'gracehop' };
const FORBIDDEN_WORDS = 'You are not permitted to perform this action.';
const FORBIDDEN: Step = {
  status: 403,
  body: { title: 'Forbidden', detail: FORBIDDEN_WORDS, type: 'about:blank', status: 403 },
};

withFocus();
beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
});
afterEach(() => vi.restoreAllMocks());

/** The background: two Lists (Grace on "Reading"), and `action.do` through a real outbox against a scripted X. */
function background(...steps: Step[]) {
  const box = outboxOver(scripted(...steps).client, { published: true });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; action?: ActionRequest }) => {
    if (message.type === 'user.lists')
      return {
        ok: true,
        data: [
          { id: '97', name: 'Birds', private: false, member: false },
          { id: '98', name: 'Reading', private: false, member: true },
        ],
      };
    if (message.type === 'action.do' && message.action) return actionDone(box, ACCOUNT, message.action);
    return { ok: true, data: null };
  }) as never);
  return box;
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function settleUntil(done: () => boolean) {
  for (let i = 0; i < 30 && !done(); i++) await settle();
}

async function openPicker(box: Outbox) {
  const page = await renderInPage(<ListPicker accountId={ACCOUNT} user={GRACE} onChanged={() => undefined} />, { settleMs: 40 });
  const doc = page.document;
  const button = (name: string) =>
    [...doc.querySelectorAll<HTMLButtonElement>('button')].find((b) => accessibleName(b as unknown as Element) === name);
  const alerts = () => [...doc.querySelectorAll('[role="alert"]')].flatMap((a) => a.textContent?.trim() || []);
  const alert = () => alerts().join(' ');
  const click = async (name: string) => {
    const b = button(name);
    if (!b) throw new Error(`no button ${name}`);
    await act(async () => b.click());
    await act(() => box.idle(ACCOUNT));
    await settle();
  };
  await settleUntil(() => !!button('New list'));
  return { page, button, alert, alerts, click };
}

describe('the popup’s list picker when X refuses a change', () => {
  it('names the person and the List in the alert when X refuses adding, and shows the List as it was', async () => {
    const box = background(FORBIDDEN);
    const { page, button, alert, click } = await openPicker(box);
    try {
      await click('Add to “Birds”');
      await settleUntil(() => alert() !== '');
      expect(alert()).toMatch(/^Could not add @gracehop to “Birds”\. /);
      expect(alert()).toContain(FORBIDDEN_WORDS);
      expect(button('Add to “Birds”')).toBeTruthy();
    } finally {
      await page.leave();
    }
  });

  it('names the person and the List when X refuses removing', async () => {
    const box = background(FORBIDDEN);
    const { page, button, alert, click } = await openPicker(box);
    try {
      await click('Remove from “Reading”');
      await settleUntil(() => alert() !== '');
      expect(alert()).toMatch(/^Could not remove @gracehop from “Reading”\. /);
      expect(button('Remove from “Reading”')).toBeTruthy();
    } finally {
      await page.leave();
    }
  });

  it('puts the first List back and says so when X refuses it after a second List was pressed and done', async () => {
    // Both pressed before X answered either: X refuses Birds (403) and removes Grace from Reading.
    const box = background(FORBIDDEN, ok({ data: { is_member: false } }));
    const { page, button, alert } = await openPicker(box);
    try {
      await act(async () => button('Add to “Birds”')!.click());
      await act(async () => button('Remove from “Reading”')!.click());
      await act(() => box.idle(ACCOUNT));
      await settleUntil(() => !!button('Add to “Birds”') && alert() !== '');
      await settle();
      expect(button('Add to “Birds”')).toBeTruthy();
      expect(button('Add to “Reading”')).toBeTruthy();
      // Reading's success, later, does not hide Birds's refusal.
      expect(alert()).toMatch(/^Could not add @gracehop to “Birds”\. /);
    } finally {
      await page.leave();
    }
  });

  it('says only the new List’s refusal once the person has made one after a refused add', async () => {
    const box = background(FORBIDDEN, FORBIDDEN);
    const { page, alert, alerts, click } = await openPicker(box);
    try {
      await click('Add to “Birds”');
      await settleUntil(() => alert() !== '');
      expect(alert()).toContain(FORBIDDEN_WORDS);
      await click('New list');
      const doc = page.document;
      const input = doc.querySelector<HTMLInputElement>('form input[type="text"]')!;
      Object.assign(page.window, { getSelection: () => ({ anchorNode: null, anchorOffset: 0, focusNode: null, focusOffset: 0 }) });
      await act(async () => {
        input.dispatchEvent(new page.window.Event('focusin', { bubbles: true }));
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, 'Cats');
        input.dispatchEvent(new page.window.Event('keyup', { bubbles: true }));
      });
      await act(async () => doc.querySelector('form')!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true })));
      await act(() => box.idle(ACCOUNT));
      await settleUntil(() => alert().includes('Could not create “Cats”.'));
      // One alert, about the List just refused: the add to Birds is not said again beside it.
      expect(alerts()).toHaveLength(1);
      expect(alerts()[0]).toMatch(/^Could not create “Cats”\. /);
      expect(input.value).toBe('Cats');
    } finally {
      await page.leave();
    }
  });
});

describe('the popup’s list picker while X does not answer a change', () => {
  it('says after “Adding…” that the change waits for X, and until when', async () => {
    // addListsMember answered 503: the outbox keeps the change and tries again later (lib/services/outbox-failure.ts).
    const box = background({
      status: 503,
      body: { title: 'Service Unavailable', detail: 'Over capacity', type: 'about:blank', status: 503 },
    });
    const { page, button, click } = await openPicker(box);
    const status = () => page.document.querySelector('[role="status"]')?.textContent?.trim() ?? '';
    try {
      await click('Add to “Birds”');
      await settleUntil(() => status().includes('X is not answering'));
      expect(status()).toMatch(/^Adding @gracehop to “Birds”\. Queued until \d\d:\d\d \(X is not answering\)\.$/);
      expect(button('Remove from “Birds”')).toBeTruthy();
    } finally {
      await page.leave();
    }
  });
});
