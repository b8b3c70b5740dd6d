import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExportBookmarkStatus } from '@/components/manager/bookmarks/BookmarkExport';
import { TagsDialog } from '@/components/manager/bookmarks/TagsDialog';

/**
 * The brief: the Bookmarks tab's export, import and saved-search result lines, and the tags dialog's, are live
 * regions on the page, empty, before they speak (a region created together with its words is often not read), a
 * polite status for what was done and an alert only for a failure.
 */

const regions = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return ['status', 'alert'].map((role) => [...document.querySelectorAll(`[role="${role}"]`)].map((el) => el.textContent));
};

describe('the Bookmarks tab’s result line', () => {
  it('is there, empty, before anything is exported or imported', () => {
    expect(regions(renderToStaticMarkup(<ExportBookmarkStatus exported={undefined} />))).toEqual([[''], ['']]);
  });

  it('says what was done in its status, and a failure in its alert', () => {
    expect(regions(renderToStaticMarkup(<ExportBookmarkStatus exported={{ text: 'Saved 3 bookmarks as a.json.' }} />))).toEqual([
      ['Saved 3 bookmarks as a.json.'],
      [''],
    ]);
    expect(regions(renderToStaticMarkup(<ExportBookmarkStatus exported={{ text: 'Could not save the file.', error: true }} />))).toEqual([
      [''],
      ['Could not save the file.'],
    ]);
  });
});

describe('the tags dialog’s result line', () => {
  it('is there, an empty status and an empty alert, when the dialog opens', () => {
    const html = renderToStaticMarkup(
      <TagsDialog accountId="1" tags={[{ tag: 'later', count: 2 }]} saved={[]} onRun={() => undefined} onClose={() => undefined} />,
    );
    expect(regions(html)).toEqual([[''], ['']]);
  });
});
