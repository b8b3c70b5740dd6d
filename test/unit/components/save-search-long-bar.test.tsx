import { describe, expect, it } from 'vitest';
import { OrganiseBar } from '@/components/manager/bookmarks/OrganiseBar';
import { SAVED_SEARCH_QUERY_MAX } from '@/lib/limits';
import { press } from '../support/dialog-page';
import { withFocus } from '../support/focus-standin';
import { renderInPage } from '../support/react-page';

/**
 * The reviewer's find: Save search on a search longer than a saved search holds opened its modal form, which told the
 * person to shorten the search box it hid, and Cancel lost the name they typed. The bar says why instead, where the
 * box can be shortened, and the form never opens on a search it cannot save.
 */

withFocus();

/** Presses Save search in the bar over `query`, and says whether the form was asked for and what the bar said. */
async function saveSearch(query: string) {
  let opened = 0;
  const page = await renderInPage(
    <OrganiseBar query={query} setQuery={() => undefined} tags={[]} saved={[]} onManage={() => undefined} onSave={() => opened++} />,
  );
  try {
    const button = [...page.document.querySelectorAll('button')].find((b) => b.textContent === 'Save search')!;
    await press(page, button);
    const described = page.document.getElementById(button.getAttribute('aria-describedby') ?? '');
    return {
      opened,
      disabled: button.getAttribute('aria-disabled'),
      alert: page.document.querySelector('[role="alert"]')?.textContent,
      described: described?.textContent,
      focused: page.document.activeElement === button,
    };
  } finally {
    await page.leave();
  }
}

describe('Save search in the bar', () => {
  it('opens the form for a search a saved search can hold', async () => {
    expect(await saveSearch('x'.repeat(SAVED_SEARCH_QUERY_MAX))).toMatchObject({ opened: 1, disabled: null, alert: undefined });
  });

  it('says why it cannot save a longer search, where its box can be shortened, and opens no form', async () => {
    const said = 'This search is 629 characters long, and a saved search holds at most 500. Shorten it in the search box, then save.';
    expect(await saveSearch('from:ada '.repeat(70).trim())).toEqual({
      opened: 0,
      disabled: 'true',
      alert: said,
      described: said,
      focused: true,
    });
  });
});
