import { act as reactAct } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Act } from '@/components/manager/lists/ListActions';
import { ListDetail } from '@/components/manager/lists/ListDetail';
import type { ListRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, type ReactPage } from '../support/react-page';

/**
 * A list one owns whose privacy X did not say (X's List: `private` is optional): its page offers no toggle that
 * claims a state, and an edit sends X only what the person changed, never a `private` made up from the blank.
 */

const SAID: ListRow = {
  accountId: '1',
  id: '99',
  name: 'Reading list 📚',
  description: 'Long reads',
  private: true,
  memberCount: 4,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
};
const { private: _, ...UNSAID } = SAID;

type Sent = Parameters<Act>[0];

async function openPage(list: ListRow): Promise<{ page: ReactPage; sent: Sent[] }> {
  const sent: Sent[] = [];
  const act = vi.fn<Act>((action) => {
    sent.push(action);
    return Promise.resolve(true);
  });
  const page = await renderInPage(<ListDetail accountId="1" list={list} act={act} onBack={() => undefined} onActed={() => undefined} />);
  return { page, sent };
}

const buttons = (page: ReactPage) => [...page.document.querySelectorAll('button')].map((b) => accessibleName(b as unknown as Element));

async function press(page: ReactPage, name: string): Promise<void> {
  const button = [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
  expect(button, `a button named “${name}”`).toBeTruthy();
  await reactAct(async () => {
    button!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
}

describe('a list whose privacy X did not say', () => {
  it.each([
    ['en', 'Make private: Reading list 📚', 'Make public: Reading list 📚', 'X did not say whether this list is private or public.'],
    ['ja', '非公開にする: Reading list 📚', '公開する: Reading list 📚', 'このリストが非公開か公開か、Xは答えていません。'],
  ] as const)('(%s) offers both, and says X did not say which it is', async (language, makePrivate, makePublic, note) => {
    if (language === 'ja') readInJapanese();
    const { page } = await openPage(UNSAID);
    try {
      expect(buttons(page)).toEqual(expect.arrayContaining([makePrivate, makePublic]));
      expect([...page.document.querySelectorAll('p.note')].map((p) => p.textContent)).toContain(note);
    } finally {
      await page.leave();
    }
  });

  it.each(['Make private: Reading list 📚', 'Make public: Reading list 📚'])('describes “%s” with the note', async (name) => {
    const { page } = await openPage(UNSAID);
    try {
      const button = [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
      const ids = (button?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      expect(ids.map((id) => page.document.getElementById(id)?.textContent)).toEqual([
        'X did not say whether this list is private or public.',
      ]);
    } finally {
      await page.leave();
    }
  });

  it('is made public when the person asks for that', async () => {
    const { page, sent } = await openPage(UNSAID);
    try {
      await press(page, 'Make public: Reading list 📚');
      expect(sent).toEqual([{ type: 'list.update', params: { listId: '99', listName: 'Reading list 📚', private: false } }]);
    } finally {
      await page.leave();
    }
  });

  it('has no Private box in its edit form, whose blank would claim it public', async () => {
    const { page } = await openPage(UNSAID);
    try {
      await press(page, 'Edit Reading list 📚');
      const form = page.document.querySelector('form');
      expect(form).toBeTruthy();
      expect(form!.querySelector('input[type="checkbox"]')).toBeNull();
    } finally {
      await page.leave();
    }
  });
});

describe('a list whose privacy X said', () => {
  it('offers the one change from it, and the box shows it', async () => {
    const { page, sent } = await openPage(SAID);
    try {
      expect(buttons(page)).not.toContain('Make private: Reading list 📚');
      await press(page, 'Make public: Reading list 📚');
      expect(sent).toEqual([{ type: 'list.update', params: { listId: '99', listName: 'Reading list 📚', private: false } }]);
      expect(page.document.querySelector('p.note')?.textContent ?? '').not.toContain('X did not say');
      await press(page, 'Edit Reading list 📚');
      const box = page.document.querySelector('form input[type="checkbox"]') as unknown as HTMLInputElement | null;
      expect(box?.checked).toBe(true);
    } finally {
      await page.leave();
    }
  });
});
