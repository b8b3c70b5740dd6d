import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ListForm } from '@/components/manager/lists/ListForm';
import { withFocus } from '../support/focus-standin';
import { renderInPage } from '../support/react-page';

/**
 * The Lists tab's form, Save pressed from the keyboard: while X has the change, and when the name is missing, Save keeps
 * the focus, marked unavailable rather than natively disabled (a disabled button under the focus drops it to the page
 * in Firefox, and a keyboard user starts again from the top), and a second press sends nothing.
 */
withFocus();

async function form(name: string, onSubmit: () => Promise<boolean>) {
  const page = await renderInPage(
    <ListForm
      initial={{ name, description: '', private: false }}
      submit={{ short: 'Save', label: 'Save list' }}
      label="Edit list"
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
  );
  const save = page.document.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const press = () =>
    act(async () => {
      save.focus();
      page.document.querySelector('form')!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true }));
    });
  return { page, save, press };
}

describe('Save in the List form, pressed by keyboard', () => {
  it('keeps the focus while X has the change, and a second press sends nothing', async () => {
    const onSubmit = vi.fn(() => new Promise<boolean>(() => undefined));
    const { page, save, press } = await form('Birds', onSubmit);
    try {
      await press();
      expect(page.document.activeElement).toBe(save);
      expect(save.hasAttribute('disabled')).toBe(false);
      expect(save.getAttribute('aria-disabled')).toBe('true');
      await press();
      expect(onSubmit).toHaveBeenCalledTimes(1);
    } finally {
      await page.leave();
    }
  });

  it('keeps the focus when the name is missing, and sends nothing', async () => {
    const onSubmit = vi.fn(async () => true);
    const { page, save, press } = await form('', onSubmit);
    try {
      await press();
      expect(page.document.activeElement).toBe(save);
      expect(save.hasAttribute('disabled')).toBe(false);
      expect(save.getAttribute('aria-disabled')).toBe('true');
      expect(onSubmit).not.toHaveBeenCalled();
    } finally {
      await page.leave();
    }
  });
});
