import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ExportMenu } from '@/components/manager/ExportMenu';
import { renderInPage } from '../support/react-page';

/**
 * The Export menu when nothing is shown to export (a search in Bookmarks, Muted or Blocked that matches nothing):
 * its formats are dimmed, and a person pressing one must learn why, not meet a press that does nothing. Each dimmed
 * format is described by a sentence shown in the menu; with something to export, no format carries it.
 */
async function openMenu(canExport: boolean) {
  const exported: string[] = [];
  const page = await renderInPage(
    createElement(ExportMenu, { enabled: true, canExport, exportAs: (f: string) => exported.push(f), onImport: () => undefined }),
  );
  const doc = page.document;
  await act(async () => (doc.querySelector('button[aria-haspopup="menu"]') as HTMLButtonElement).click());
  const formats = [...doc.querySelectorAll('[role="menuitem"]')].slice(0, 3) as HTMLButtonElement[];
  const description = (el: Element) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
  return { page, formats, description, exported };
}

describe('Export with nothing shown to export', () => {
  it('says why each format is dimmed, and exports nothing when one is pressed', async () => {
    const { page, formats, description, exported } = await openMenu(false);
    try {
      expect(formats.map((f) => f.getAttribute('aria-disabled'))).toEqual(['true', 'true', 'true']);
      for (const f of formats)
        expect(description(f)).toBe(
          'Nothing to export: nothing is shown here (an empty list, or a search or filter that matches nothing).',
        );
      expect(page.document.querySelector('.export-menu-list')?.textContent).toContain('Nothing to export');
      await act(async () => formats[0]!.click());
      expect(exported).toEqual([]);
    } finally {
      await page.leave();
    }
  });

  it('carries no such sentence when something is shown', async () => {
    const { page, formats, description, exported } = await openMenu(true);
    try {
      for (const f of formats) expect(description(f)).toBe('');
      expect(page.document.querySelector('.export-menu-list')?.textContent).not.toContain('Nothing to export');
      await act(async () => formats[1]!.click());
      expect(exported).toEqual(['csv']);
    } finally {
      await page.leave();
    }
  });
});
