import { act, createElement, useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AccountHeader } from '@/components/AccountHeader';
import { PostEditor } from '@/components/PostEditor';
import { sessionView } from '@/lib/storage';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs } from '../support/react-page';

// A post box drawn late (the popup's composer loads when used and reads its draft first; switching accounts draws the
// new account's composer) takes the focus only where the person has not put it. Choosing an account in the menu gives
// the focus back to the account button: the new account's box must not take it from there, or the key the person
// presses next (ArrowDown to open the menu again) goes into the box, and an open menu closes under their pointer.

const ADA = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };

withFocus();
withComposerStubs();

/** The popup's own account header (Ada signed in) and, once `drawn` resolves, a post box that asks for the focus. */
async function screenWithLateBox() {
  await sessionView.setValue({ accounts: [ADA], activeAccountId: ADA.id, notice: null });
  let draw!: () => void;
  const drawn = new Promise<void>((resolve) => (draw = resolve));
  function Screen() {
    const [ready, setReady] = useState(false);
    useEffect(() => void drawn.then(() => setReady(true)), []);
    return (
      <>
        <AccountHeader />
        <main>
          <button type="button" className="new-post">
            New post
          </button>
          {ready ? createElement(PostEditor, { text: '', onChange: () => undefined, label: 'Post text', autoFocus: true }) : null}
        </main>
      </>
    );
  }
  const page = await renderInPage(<Screen />);
  const drawBox = () => act(async () => draw());
  return { page, drawBox };
}

describe('a post box drawn late', () => {
  it('leaves the focus on the account button the person was on', async () => {
    const { page, drawBox } = await screenWithLateBox();
    try {
      const account = [...page.document.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.includes('@adaperch'));
      expect(account, 'the header’s account button').toBeDefined();
      account!.focus();
      await drawBox();
      expect(page.document.querySelector('textarea')).not.toBeNull();
      expect(page.document.activeElement).toBe(account);
    } finally {
      await page.leave();
    }
  });

  it('leaves the focus in an open menu', async () => {
    const { page, drawBox } = await screenWithLateBox();
    try {
      const menu = page.document.createElement('div');
      menu.setAttribute('role', 'menu');
      const item = page.document.createElement('button');
      menu.append(item);
      page.document.querySelector('main')!.append(menu);
      item.focus();
      await drawBox();
      expect(page.document.activeElement).toBe(item);
    } finally {
      await page.leave();
    }
  });

  it('takes the focus from the New post button that asked for it', async () => {
    const { page, drawBox } = await screenWithLateBox();
    try {
      page.document.querySelector<HTMLElement>('.new-post')!.focus();
      await drawBox();
      expect(page.document.activeElement).toBe(page.document.querySelector('textarea'));
    } finally {
      await page.leave();
    }
  });

  it('takes the focus when the person has put it nowhere yet, as the popup opening on a new post does', async () => {
    const { page, drawBox } = await screenWithLateBox();
    try {
      expect(page.document.activeElement).toBe(page.document.body);
      await drawBox();
      expect(page.document.activeElement).toBe(page.document.querySelector('textarea'));
    } finally {
      await page.leave();
    }
  });
});
