import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TagsDialog } from '@/components/manager/bookmarks/TagsDialog';
import { readInJapanese } from '../locales/in-japanese';
import { accessibleName, labelMismatches } from '../support/label-in-name';

/**
 * The brief: a tag "later" and a saved search "Later" gave two buttons both named "Rename later"; a screen reader's
 * list of buttons could not tell them apart. Each says what it renames, its visible label first.
 */

const dialog = () =>
  renderToStaticMarkup(
    <TagsDialog
      accountId="1"
      tags={[{ tag: 'later', count: 2 }]}
      saved={[{ accountId: '1', id: 's1', name: 'Later', query: 'tag:later', pinned: true, createdAt: '2026-11-23T00:00:00.000Z' }]}
      onRun={() => undefined}
      onClose={() => undefined}
    />,
  );

const buttonNames = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('button')].map(accessibleName);
};

describe('the tags dialog’s Rename buttons', () => {
  it('say whether they rename a tag or a saved search', () => {
    const names = buttonNames(dialog());
    expect(names).toContain('Rename tag later');
    expect(names).toContain('Rename saved search Later');
  });

  it.each(['en', 'ja'] as const)('are named apart, each starting with the words it shows (%s)', (language) => {
    if (language === 'ja') readInJapanese();
    const names = buttonNames(dialog());
    expect(new Set(names.map((n) => n.toLocaleLowerCase())).size).toBe(names.length);
    expect(labelMismatches(dialog())).toEqual([]);
  });
});
