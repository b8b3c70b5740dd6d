import { parseHTML } from 'linkedom';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { mount } from '@/components/mount';
import { readInJapanese } from '../locales/in-japanese';

/**
 * Every Perch page (popup, side panel, manager, settings) is mounted by `mount`. Its <html lang> said "en" even when
 * every word on it was Japanese, so a screen reader read the Japanese screens with an English voice and the browser
 * broke Japanese lines by English rules. The page now says the language its words are in.
 */

/** Mounts a screen into a Perch page's HTML (lang="en", as the entrypoints' index.html has it); the page's lang after. */
async function langOfMountedPage(): Promise<string> {
  const { window, document } = parseHTML('<!doctype html><html lang="en"><body><div id="root"></div></body></html>');
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, document: g.document, IS_REACT_ACT_ENVIRONMENT: g.IS_REACT_ACT_ENVIRONMENT };
  Object.assign(g, { window, document, IS_REACT_ACT_ENVIRONMENT: true });
  try {
    await act(async () => {
      mount(<p>{'Perch'}</p>);
      await Promise.resolve();
    });
    return document.documentElement.getAttribute('lang') ?? '';
  } finally {
    Object.assign(g, saved);
  }
}

describe('a Perch page', () => {
  it('says it is in Japanese when Perch speaks Japanese', async () => {
    readInJapanese();
    expect(await langOfMountedPage()).toBe('ja');
  });

  it('says it is in English when Perch speaks English', async () => {
    expect(await langOfMountedPage()).toBe('en');
  });
});
