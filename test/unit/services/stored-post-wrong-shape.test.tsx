import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { PostText } from '@/components/PostText';
import { db } from '@/lib/db';
import { postContext } from '@/lib/services/tab-context';
import { createXClient } from '@/lib/x/client';
import { freshDb } from './support';

/**
 * The popup on a post the store holds in a shape this version does not draw (another version's row, a write cut off, a
 * store edited by hand), while X cannot be reached: the popup draws what it can of the post. Before, the background
 * handed the row on as it was, and a text that is not text or links that are not a list threw while the popup drew
 * the post's card: the popup stayed blank.
 */

const ADA = '2244994945';
const POST = '1880000000000000001';
const NOW = Date.UTC(2030, 0, 15, 12);
const offline = createXClient({
  baseUrl: 'https://api.x.test',
  getAccessToken: () => Promise.resolve('t1'),
  fetch: () => Promise.reject(new TypeError('Failed to fetch')),
});

beforeEach(freshDb);

/** The post card's text as the popup draws it (entrypoints/popup/PostPanel.tsx), from the background's answer. */
async function drawn(row: Record<string, unknown>): Promise<string> {
  await db().posts.put({ accountId: ADA, id: POST, seenAt: new Date(NOW).toISOString(), ...row } as never);
  const ctx = await postContext(() => Promise.resolve(offline), ADA, POST, NOW);
  expect(ctx.post).not.toBeNull();
  return renderToStaticMarkup(<PostText className="post-text" text={ctx.post!.text} urls={ctx.post!.urls} />);
}

describe('the popup on a stored post of another shape', () => {
  it('draws its text when its links are not a list', async () => {
    expect(await drawn({ text: 'Reading about compilers', urls: 'https://t.co/x', mediaCount: 0 })).toContain('Reading about compilers');
  });

  it('draws its text when a link lacks its place in the text', async () => {
    const html = await drawn({ text: 'See https://t.co/abc', urls: [{ url: 'https://t.co/abc', start: 'four' }], mediaCount: 0 });
    expect(html).toContain('See https://t.co/abc');
  });

  it.each([
    ['is a number', { text: 7, urls: [{ url: 'https://t.co/abc', start: 0, end: 3 }], mediaCount: 'two', media: 'none' }],
    ['is missing', { body: 'Reading about compilers', urls: [], mediaCount: 0 }],
  ])('draws the card, without words, when its text %s', async (_name, row) => {
    expect(await drawn(row)).toBe('<p class="post-text"></p>');
  });

  it('draws a well-formed post as before, its link shown where it leads', async () => {
    const html = await drawn({
      text: 'See https://t.co/abc',
      urls: [{ url: 'https://t.co/abc', start: 4, end: 20, expandedUrl: 'https://example.com/a', displayUrl: 'example.com/a' }],
      mediaCount: 0,
    });
    expect(html).toContain('example.com/a');
  });
});
