import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { SignOutDialog, type SignOutLoss } from '@/components/SignOutDialog';
import { withDialogStandIn } from '../support/dialog-page';
import { renderInPage, type ReactPage } from '../support/react-page';

withDialogStandIn();

const account = { id: '1', username: 'ada', name: 'Ada', profileImageUrl: '' } as Parameters<typeof SignOutDialog>[0]['account'];
const NOTHING_LOST = 'Nothing that has not reached X will be lost.';

/** The checkbox labelled "Keep my bookmark tags and notes". */
function keepNotesBox(page: ReactPage): HTMLInputElement {
  const label = [...page.document.querySelectorAll('label')].find((l) => l.textContent === 'Keep my bookmark tags and notes');
  const box = label ? page.document.getElementById(label.getAttribute('for') ?? '') : null;
  expect(box).not.toBeNull();
  return box as unknown as HTMLInputElement;
}

/** Opens the dialog for this count, ticks or unticks Keep my bookmark tags and notes, and gives the dialog's words. */
async function wordsWith(loss: SignOutLoss, keepNotes: boolean): Promise<string> {
  const page = await renderInPage(<SignOutDialog account={account} loss={loss} onClose={() => undefined} />);
  try {
    const box = keepNotesBox(page);
    expect(box.checked).toBe(true);
    if (!keepNotes)
      await act(async () => {
        box.checked = false;
        box.dispatchEvent(new page.window.Event('click', { bubbles: true }));
      });
    expect(box.checked).toBe(keepNotes);
    return page.document.body.textContent ?? '';
  } finally {
    await page.leave();
  }
}

describe('the sign-out dialog, with Keep my bookmark tags and notes unticked', () => {
  it.each([
    ['the account has tagged or noted bookmarks', { queued: 0, drafts: 0, notes: 3 }],
    ['they were not counted', { queued: 0, drafts: 0 }],
  ])('does not say that nothing will be lost when %s', async (_, loss) => {
    expect(await wordsWith(loss, false)).not.toContain(NOTHING_LOST);
  });

  it('names the tags and notes among what will be deleted for good', async () => {
    const words = await wordsWith({ queued: 1, drafts: 0, notes: 3 }, false);
    expect(words).toContain('These have not reached X and will be deleted for good:');
    expect(words).toContain('1 queued action');
    expect(words).toContain('Your tags and notes on 3 bookmarks');
    expect(await wordsWith({ queued: 0, drafts: 0, notes: 1 }, false)).toContain('Your tags and note on 1 bookmark');
  });

  it('says that nothing will be lost when the account has no tags or notes', async () => {
    expect(await wordsWith({ queued: 0, drafts: 0, notes: 0 }, false)).toContain(NOTHING_LOST);
  });
});

describe('the sign-out dialog, keeping the bookmark tags and notes', () => {
  it('says that nothing will be lost when nothing else would be', async () => {
    const words = await wordsWith({ queued: 0, drafts: 0, notes: 3 }, true);
    expect(words).toContain(NOTHING_LOST);
    expect(words).not.toContain('Your tags and notes');
  });
});
