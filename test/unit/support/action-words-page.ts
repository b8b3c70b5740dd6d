import { act, createElement } from 'react';
import { ActivityView } from '@/components/manager/ActivityView';
import type { ActionRow } from '@/lib/db';
import { ActionNotes } from '@/entrypoints/popup/ActionButton';
import { renderInPage } from './react-page';

const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));

/** The Activity tab's first row for the account's stored actions, as a person reads it (waits for the row to draw). */
export async function activityRowText(accountId: string): Promise<string> {
  const page = await renderInPage(createElement(ActivityView, { accountId }), { visible: true });
  try {
    for (let i = 0; i < 10 && !page.document.querySelector('li'); i++) await settle();
    return page.document.querySelector('li')?.textContent ?? '';
  } finally {
    await page.leave();
  }
}

/** The popup's note for one action, as ActionNotes words an action the background published under the note's id. */
export async function popupNoteText(action: ActionRow, id: string, names: Record<string, string> = {}): Promise<string> {
  const brief = { seq: action.seq ?? 1, type: action.type, state: action.state, notBefore: action.notBefore, error: action.error! };
  const page = await renderInPage(createElement(ActionNotes, { notes: [{ id, action: brief }], names }));
  try {
    return page.document.getElementById(id)?.textContent ?? '';
  } finally {
    await page.leave();
  }
}
