import { describe, expect, it } from 'vitest';
import { TagsDialog } from '@/components/manager/bookmarks/TagsDialog';
import { SAVED_SEARCH_NAME_MAX } from '@/lib/limits';
import { button, press, withDialogStandIn } from '../support/dialog-page';
import { accessibleName } from '../support/label-in-name';
import { renderInPage } from '../support/react-page';

/**
 * The reviewer's find: renaming a saved search to a name past what a saved search keeps (60 characters) was answered
 * "Perch did not understand that request…". The rename field takes no more than the field that named it did.
 */

withDialogStandIn();

const SEARCH = {
  accountId: '1',
  id: '0b7e9f0e-6f2b-4d3c-9a57-2f0c1d9e8a11',
  name: 'Later',
  query: 'tag:later',
  pinned: true,
  createdAt: '2026-11-23T00:00:00.000Z',
};

/** Opens the rename field of the row `renamed` names, and says how many characters it takes. */
async function renameFieldMax(renamed: string): Promise<number> {
  const page = await renderInPage(
    <TagsDialog accountId="1" tags={[{ tag: 'later', count: 2 }]} saved={[SEARCH]} onRun={() => undefined} onClose={() => undefined} />,
  );
  Object.assign(Object.getPrototypeOf(page.document.createElement('input')) as object, { select: () => undefined });
  try {
    await press(
      page,
      [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === `Rename ${renamed}`),
    );
    expect(button(page, 'Save')).toBeDefined();
    // The field is named by its <label for>.
    const label = [...page.document.querySelectorAll('label')].find((l) => l.textContent.startsWith('New name'));
    const field = label && page.document.getElementById(label.getAttribute('for') ?? '');
    // linkedom keeps the attribute as React wrote it, maxLength.
    return Number(field?.getAttribute('maxLength') ?? -1);
  } finally {
    await page.leave();
  }
}

describe('the tags dialog’s rename field', () => {
  it('takes no more characters than a saved search keeps, for a saved search', async () => {
    expect(await renameFieldMax('saved search Later')).toBe(SAVED_SEARCH_NAME_MAX);
  });

  it('takes no more than a card’s Add tag box, for a tag', async () => {
    expect(await renameFieldMax('tag later')).toBe(64);
  });
});
