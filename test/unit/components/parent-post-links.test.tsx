import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParentPost } from '@/components/ParentPost';

/**
 * The post a reply answers, above the composer: its links read as on the post itself (X's display URL), not as the
 * t.co address X keeps in the text, which tells a person nothing about where the link goes.
 */

const TEXT = '@adaperch the compiler is ready for review 🛠️ https://t.co/etYCutMWna';
const URLS = [
  {
    url: 'https://t.co/etYCutMWna',
    expandedUrl: 'https://example.com/compiler',
    displayUrl: 'example.com/compiler',
    start: 45,
    end: 68,
  },
];
const author = { name: 'Grace Hopper', username: 'gracehop' };

describe('the post a reply answers', () => {
  it.each(['reply', 'quote'] as const)('shows its links as X’s display URLs when writing a %s', (mode) => {
    const html = renderToStaticMarkup(<ParentPost mode={mode} post={{ text: TEXT, urls: URLS, author }} />);
    expect(html).toContain('the compiler is ready for review 🛠️ example.com/compiler');
    expect(html).not.toContain('t.co');
  });

  it('shows X’s escaped characters as themselves', () => {
    const html = renderToStaticMarkup(<ParentPost mode="reply" post={{ text: 'Tea &amp; biscuits', urls: [], author }} />);
    expect(html).toContain('Tea &amp; biscuits');
    expect(html).not.toContain('&amp;amp;');
  });
});
