import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { privacyBlocks, renderPrivacyPage } from '../../../lib/privacy-page';

const MARKDOWN = readFileSync('PRIVACY.md', 'utf8');

/** PRIVACY.md as a reader sees it: the words, without Markdown's marks, one space between them. */
function markdownWords(markdown: string): string {
  return markdown
    .replace(/^#{1,2}\s+/gm, '')
    .replace(/^- /gm, '')
    .replace(/\*\*|`/g, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page as a reader sees it: the text of <main>, one space between words. */
function pageWords(html: string): string {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('main > *')]
    .map((el) => el.textContent)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the privacy page bundled as privacy.html', () => {
  const page = renderPrivacyPage(MARKDOWN);

  it('says word for word what PRIVACY.md says', () => {
    expect(pageWords(page)).toBe(markdownWords(MARKDOWN));
    expect(pageWords(page)).toContain('Perch has no analytics');
  });

  it('notices a page that lost a paragraph (the canary)', () => {
    const shorter = MARKDOWN.replace(/\nNothing else leaves your computer\.[^\n]*\n/, '\n');
    expect(shorter).not.toBe(MARKDOWN);
    expect(pageWords(renderPrivacyPage(shorter))).not.toBe(markdownWords(MARKDOWN));
  });

  it('keeps the headings as headings and the lists as lists, titled by the first heading', () => {
    const { document } = parseHTML(page);
    expect(document.querySelector('title')?.textContent).toBe('Perch privacy policy');
    expect([...document.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Perch privacy policy']);
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'What Perch keeps, and where',
      'What leaves your computer',
      'How to delete everything',
      'Changes and contact',
    ]);
    expect(document.querySelectorAll('ul > li').length).toBe(
      privacyBlocks(MARKDOWN).flatMap((b) => (b.kind === 'ul' ? b.items : [])).length,
    );
    expect(document.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe('/privacy.css');
  });

  // A person reading Perch in Japanese followed 「プライバシーポリシー: …」 to a page in English, not told before.
  it('is in English, and the Japanese settings link says so before it is followed', () => {
    expect(parseHTML(page).document.documentElement.getAttribute('lang')).toBe('en');
    const ja = load(readFileSync('lib/locales/ja.yml', 'utf8')) as Record<string, string>;
    expect(ja.options_privacy_link).toMatch(/^プライバシーポリシー（英語）: /);
  });

  it('shows markup in the text as text, and makes only https links', () => {
    const { document } = parseHTML(
      renderPrivacyPage('# T\n\nA <script>x</script> and `<b>` and [site](https://x.com/a) and [bad](javascript:alert(1))\n'),
    );
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(document.querySelector('main p')?.textContent).toContain('<script>x</script>');
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://x.com/a']);
  });
});
