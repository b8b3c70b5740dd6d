import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AccountMenu } from '@/components/AccountMenu';

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };
const noop = () => undefined;

describe('the account menu button', () => {
  it('is named "Ada Perch @adaperch", as it reads, even where names are read from the text alone', () => {
    // axe-core and other name computations that do not lay the page out join the text nodes as they are: without a
    // space between them the button is "Ada Perch@adaperch", a name that does not start with its visible label.
    const html = renderToStaticMarkup(
      <AccountMenu
        accounts={[ADA]}
        active={ADA}
        busy={false}
        showSettings
        onSwitch={noop}
        onAddAccount={noop}
        onSettings={noop}
        onSignOut={noop}
      />,
    );
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const button = document.querySelector('button[aria-haspopup="menu"]');
    // What is hidden from assistive technology (the avatar's initials) is no part of the name.
    button?.querySelectorAll('[aria-hidden="true"]').forEach((el) => el.remove());
    expect(button?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Ada Perch @adaperch');
  });
});
