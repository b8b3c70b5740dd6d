import { scan } from '../support/axe-chromium';
import { expectFocusShown, tabTo } from '../support/focus';
import { focusDropped, walkTabStops } from '../support/tab-walk';
import { expect, signIn, test } from './fixtures';

/**
 * The popup on a page that is not X's, opened by another page, with the keyboard alone: the one button of the gate,
 * then the composer that shares the page — every control met in order, named for its words first, the focus shown,
 * never dropped to the page when the gate gives way or the post is published. Each state is scanned by axe.
 */

const PAGE = 'https://example.com/reading';

test('writes a post that shares the page with the keyboard alone, the focus kept, in Chromium', async ({ perch, emu }) => {
  await signIn(perch, await perch.open('options'));
  const popup = await perch.context.newPage();
  await popup.goto(`chrome-extension://${perch.id}/popup.html?url=${encodeURIComponent(PAGE)}&title=${encodeURIComponent('Reading')}`);
  const gate = popup.getByRole('region', { name: 'Opened by another page' });
  await expect(gate).toBeVisible();
  const gateStops = (await walkTabStops(popup)).map((s) => `${s.kind} ${s.words}`);
  // The account menu, then the gate's one button, before the popup's ways into the manager.
  expect(gateStops.slice(0, 2)).toEqual([expect.stringMatching(/^button Ada /), 'button Write a post about this page']);

  // The gate gives way to the composer: its text box has the focus, the page's title and address in it.
  await tabTo(popup, gate.getByRole('button', { name: 'Write a post about this page' }));
  await popup.keyboard.press('Enter');
  const text = popup.getByRole('textbox', { name: 'Post text' });
  await expect(text).toHaveValue(`Reading ${PAGE}`);
  expect(await focusDropped(popup), 'the focus is not dropped when the gate gives way').toBe(false);
  await expect(text).toBeFocused();
  await expectFocusShown(popup);

  const stops = (await walkTabStops(popup)).map((s) => `${s.kind} ${s.words}`);
  // In the order seen: the account menu, the text (named, though no words show on it but what is typed), the post's
  // own controls, then the popup's ways into the manager. No Clear draft: the page's text is shown, not kept, until
  // the person writes.
  expect(stops.slice(0, 8)).toEqual([
    expect.stringMatching(/^button Ada /),
    'textarea ',
    'button Add image',
    'button Add video',
    'button Got it',
    'button Add post to thread',
    'button Post',
    'button New post',
  ]);
  await scan(popup, 'popup sharing a page, walked');

  await emu.clearLog();
  await tabTo(popup, popup.getByRole('button', { name: 'Post', exact: true }));
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Your post is on X.' })).toBeVisible();
  expect(await focusDropped(popup), 'the focus is not dropped once posted').toBe(false);
  await expect(popup.getByRole('link', { name: 'View on X' })).toBeFocused();
  await expectFocusShown(popup);
  await scan(popup, 'popup sharing a page, posted');
  expect((await emu.log()).filter((e) => e.method === 'POST' && e.path === '/2/tweets')).toHaveLength(1);
});
