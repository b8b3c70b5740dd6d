import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { sessionView } from '@/lib/storage';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * Walked in Firefox: on the settings page, "Copy callback URL" (and Save, and the Enterprise box) answered in one
 * status line drawn under "Check my X app", a screen below the control, where it read as that check's outcome. Each
 * answer is now said in the section of the control that asked for it.
 */

const ADA = { id: '1585841080431321088', name: 'Ada', username: 'ada' };
const SETTINGS = {
  clientId: 'perch-test-client',
  clientIdFromBuild: true,
  redirectUrl: 'https://0123abcd.extensions.allizom.org/',
  enterprisePlan: false,
};

afterEach(() => vi.restoreAllMocks());

async function settingsPage(): Promise<ReactPage> {
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((m: { type: string; enterprisePlan?: boolean }) =>
    Promise.resolve(
      m.type === 'settings.get' || m.type === 'settings.setClientId'
        ? { ok: true, data: SETTINGS }
        : m.type === 'settings.setEnterprisePlan'
          ? { ok: true, data: { ...SETTINGS, enterprisePlan: m.enterprisePlan } }
          : { ok: true, data: null },
    )) as never);
  const page = await renderInPage(createElement(App));
  Object.defineProperty(globalThis.navigator, 'clipboard', { value: { writeText: () => Promise.resolve() }, configurable: true });
  for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  return page;
}

async function press(page: ReactPage, control: Element): Promise<void> {
  await act(async () => {
    control.dispatchEvent(new page.window.Event(control.tagName === 'FORM' ? 'submit' : 'click', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
}

const byText = (page: ReactPage, selector: string, text: string) =>
  [...page.document.querySelectorAll(selector)].find((e) => e.textContent === text)!;

describe('the settings page’s answers', () => {
  it.each([
    ['Copy callback URL', 'Callback URL copied.'],
    ['Save', 'Client ID saved.'],
  ])('to %s are said in its own section, “Your X app”', async (label, said) => {
    const page = await settingsPage();
    try {
      const control = byText(page, 'button', label);
      await press(page, label === 'Save' ? control.closest('form')! : control);
      const status = page.document.querySelector('[role="status"]')!;
      expect(status.textContent).toBe(said);
      expect(status.closest('section')).toBe(control.closest('section'));
    } finally {
      await page.leave();
    }
  });

  it('to the Enterprise box are said beside it', async () => {
    const page = await settingsPage();
    try {
      const box = page.document.querySelector('input[type="checkbox"]')!;
      await press(page, box);
      const status = page.document.querySelector('[role="status"]')!;
      expect(status.textContent).not.toBe('');
      expect(status.closest('section')).toBe(box.closest('section'));
    } finally {
      await page.leave();
    }
  });
});
