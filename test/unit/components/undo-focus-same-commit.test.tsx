import 'fake-indexeddb/auto';
import { act, createElement, Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActionNote } from '@/components/manager/ActionNote';
import { ActivityView } from '@/components/manager/ActivityView';
import { db, type ActionRow } from '@/lib/db';
import { actionRow, ROW_ACCOUNT } from '../support/action-row';
import { withFocus } from '../support/focus-standin';
import { renderInPage, type ReactPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';

/**
 * Undo on a tab's status line, and Undo, Retry or Cancel on an Activity row, take their own button away once the
 * background has the request: the words saying the new state take the focus. They took it in an effect run after the
 * browser had drawn the change, so for that frame the focus was on the page itself: Firefox moved it there, a screen
 * reader said the page's name, and a Tab pressed then started again from the page's top (the Firefox walk of the
 * Blocked tab saw it after Undo). The focus now moves in the same commit that takes the button away: at every commit
 * React makes (a Profiler's onRender, which runs after the commit's layout effects and before its passive ones) the
 * focus is on a control or on the words, never on the page.
 */

withEmptyStore();
withFocus();

const WHO = { userId: '4', username: 'ada' };
const settle = () => act(() => new Promise((r) => setTimeout(r, 25)));

/** What has the focus at each commit of `element` from now on: a button's name, the words' class, or "the page". */
async function commitsOf(element: ReturnType<typeof createElement>): Promise<{ page: ReactPage; seen: string[] }> {
  const seen: string[] = [];
  const page = await renderInPage(
    createElement(
      Profiler,
      {
        id: 'tab',
        onRender: () => {
          const at = document.activeElement;
          seen.push(!at || at === document.body ? 'the page' : (at.getAttribute('aria-label') ?? at.getAttribute('class') ?? at.tagName));
        },
      },
      element,
    ),
    { visible: true },
  );
  return { page, seen };
}

/** Presses the button named `name` from the keyboard's focus, and waits until `gone` says the new state is drawn. */
async function press(page: ReactPage, name: string, gone: () => boolean): Promise<void> {
  const button = page.document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
  expect(button, name).not.toBeNull();
  await act(async () => {
    button.focus();
    button.click();
  });
  for (let i = 0; i < 200 && !gone(); i++) await settle();
  expect(gone()).toBe(true);
}

/** The background as the outbox answers: an undo is queued and linked at once; a cancel fails the action as cancelled. */
function background(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type?: string; seq?: number }) => {
    if (message.type === 'action.undo' && message.seq !== undefined) {
      const seq = await db().actions.add(actionRow(99, 'unmute', WHO, { state: 'sending', undoOf: message.seq }));
      await db().actions.update(message.seq, { undoneBy: seq });
      return { ok: true, data: { seq } };
    }
    if (message.type === 'action.cancel' && message.seq !== undefined) {
      await db().actions.update(message.seq, { state: 'failed', error: { kind: 'cancelled' } });
      return { ok: true, data: null };
    }
    return new Promise<never>(() => undefined);
  }) as never);
}

describe('a button that goes once pressed hands the focus on in the same commit', () => {
  it('the status line takes it from its Undo: never the page between', async () => {
    background();
    await db().actions.add(actionRow(1, 'mute', WHO));
    let undoSeq: number | undefined;
    const { page, seen } = await commitsOf(
      createElement(ActionNote, {
        accountId: ROW_ACCOUNT,
        seq: 1,
        undoSeq,
        onUndo: (seq: number) => {
          void fakeBrowser.runtime.sendMessage({ type: 'action.undo', seq }).then((r: unknown) => {
            undoSeq = (r as { data: { seq: number } }).data.seq;
          });
        },
      }),
    );
    try {
      for (let i = 0; i < 200 && !page.document.querySelector('[data-undo]'); i++) await settle();
      seen.length = 0;
      await press(page, 'Undo: Mute @ada', () => !page.document.querySelector('[data-undo]'));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).not.toContain('the page');
      expect(page.document.activeElement?.getAttribute('role')).toBe('status');
    } finally {
      await page.leave();
    }
  });

  it.each([
    ['Undo', 'Undo: Mute @ada', actionRow(1, 'mute', WHO)],
    [
      'Cancel',
      'Cancel: Mute @ada',
      actionRow(1, 'mute', WHO, { state: 'queued', notBefore: Date.now() + 600_000, error: { kind: 'unavailable' } }),
    ],
  ] as [string, string, ActionRow][])('an Activity row’s words take it from its %s: never the page between', async (_, name, row) => {
    background();
    await db().actions.add(row);
    const { page, seen } = await commitsOf(createElement(ActivityView, { accountId: ROW_ACCOUNT }));
    try {
      const button = () => page.document.querySelector(`li button[aria-label="${name}"]`);
      for (let i = 0; i < 200 && !button(); i++) await settle();
      seen.length = 0;
      await press(page, name, () => !button());
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).not.toContain('the page');
      expect(page.document.activeElement?.className).toContain('activity-state');
    } finally {
      await page.leave();
    }
  });
});
