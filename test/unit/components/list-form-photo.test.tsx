import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ListForm } from '@/components/manager/lists/ListForm';
import { renderInPage } from '../support/react-page';

/**
 * X lets apps change a List's name, description and privacy, nothing more (openapi.json's ListUpdateRequest): the
 * List's form says where its photo is changed, for a person who looks for it there.
 */

const PHOTO = 'X lets apps set only a List’s name, description and privacy: change its photo on x.com.';

describe('the List form', () => {
  it.each([
    ['a new List', { name: '', description: '', private: false }, false],
    ['an edit', { name: 'Compiler folks', description: 'People who write compilers', private: true }, true],
  ])('says where the photo of %s is changed', async (_, initial, requireChange) => {
    const page = await renderInPage(
      createElement(ListForm, {
        initial,
        submit: { short: 'Save', label: 'Save' },
        label: 'List',
        requireChange,
        onSubmit: () => Promise.resolve(true),
        onCancel: () => undefined,
      }),
    );
    try {
      const notes = [...page.document.querySelectorAll('form p')].map((p) => p.textContent);
      expect(notes).toContain(PHOTO);
    } finally {
      await page.leave();
    }
  });
});
