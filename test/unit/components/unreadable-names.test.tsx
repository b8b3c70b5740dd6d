import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import { UserIdentity } from '@/components/manager/UserLookup';
import { relationTexts } from '@/components/manager/relation-texts';
import type { BookmarkItem } from '@/components/manager/use-bookmarks';
import { ParentPost } from '@/components/ParentPost';
import { UserCard } from '@/entrypoints/popup/UserCard';
import { readInJapanese } from '../locales/in-japanese';
import { accessibleName } from '../support/label-in-name';

/**
 * An account or a post's author whose stored names do not read (another version's row, a store edited by hand) is
 * named "Unknown account" or "Unknown author", or by the one name that reads: never by its id or a bare "@".
 */

const ACCOUNT = '2244994945';
const WHEN = '2030-01-15T12:00:00.000Z';

describe('an account whose stored names cannot be read', () => {
  const unknown = { id: '5', name: '', username: '' };

  it('shows as “Unknown account” in the popup, with no link to a profile it cannot name', () => {
    const html = renderToStaticMarkup(<UserCard user={unknown} />);
    expect(html).toContain('Unknown account');
    expect(html).not.toContain('href');
    expect(html).not.toContain('@');
  });

  it('shows its @username once in the popup when only its name cannot be read', () => {
    const html = renderToStaticMarkup(<UserCard user={{ ...unknown, username: 'ada' }} />);
    expect(html.match(/@ada/g)).toHaveLength(1);
    expect(html).toContain('href="https://x.com/ada"');
  });

  it('is named in Japanese as its row shows it, on screen and on its button', () => {
    readInJapanese();
    expect(renderToStaticMarkup(<UserIdentity user={unknown} />)).toContain('不明なアカウント');
    expect(relationTexts('muted').remove.action({ ...unknown, position: 0, search: '' })).toBe('ミュート解除: 不明なアカウント');
  });
});

describe('a post whose stored author’s names cannot be read', () => {
  type Names = { name: string; username: string };
  const bookmark = (names: Names): BookmarkItem => ({
    postId: '100',
    position: 1,
    folderIds: [],
    searchText: '',
    tags: [],
    note: '',
    read: false,
    author: { accountId: ACCOUNT, id: '5', seenAt: WHEN, ...names },
    post: {
      accountId: ACCOUNT,
      id: '100',
      text: 'Reading about compilers',
      urls: [],
      mediaCount: 0,
      seenAt: WHEN,
      quotedId: '99',
      quoted: { id: '99', text: 'Quoted words', urls: [], author: { id: '5', ...names } },
    },
  });
  /** The card as a person meets it: its name, its words, its controls' names, where its links go. */
  const card = (item: BookmarkItem) => {
    const { document } = parseHTML(
      `<!doctype html><html><body>${renderToStaticMarkup(<BookmarkCard item={item} onRemove={() => undefined} />)}</body></html>`,
    );
    return {
      name: document.querySelector('article')?.getAttribute('aria-label'),
      text: document.body.textContent ?? '',
      controls: [...document.querySelectorAll('button, a[href]')].map(accessibleName),
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    };
  };
  /** A "@" with no @username after it. */
  const BARE_AT = /@(?![A-Za-z0-9_])/;

  it('names a bookmark’s author “Unknown author” when neither name reads, never a bare “@”', () => {
    const { name, text, controls, links } = card(bookmark({ name: '', username: '' }));
    expect(name).toBe('Unknown author');
    expect(text).toContain('Unknown author');
    expect(text).toContain('Quoted post');
    expect(text).not.toMatch(BARE_AT);
    expect(controls).toContain('Remove — Unknown author: “Reading about compilers”');
    expect(controls.join()).not.toMatch(BARE_AT);
    // Every link names a post on X, none x.com itself or an empty handle.
    expect(links).toEqual(['https://x.com/i/status/99', 'https://x.com/i/status/100']);
  });

  it('names a bookmark’s author by the name or the @username that reads, each once', () => {
    const byUsername = card(bookmark({ name: '', username: 'ada' }));
    expect(byUsername.name).toBe('@ada');
    expect(byUsername.text.match(/@ada/g)).toHaveLength(2); // the card's author and the quoted post's
    expect(byUsername.controls).toContain('Remove — @ada: “Reading about compilers”');
    const byName = card(bookmark({ name: 'Ada Lovelace', username: '' }));
    expect(byName.name).toBe('Ada Lovelace');
    expect(byName.text).not.toMatch(BARE_AT);
    expect(byName.controls).toContain('Remove — Ada Lovelace: “Reading about compilers”');
  });

  it('says “Replying to a post” above the post a reply answers when its author’s names do not read', () => {
    const html = renderToStaticMarkup(<ParentPost mode="reply" post={{ text: 'Parsing is fun', author: { name: '', username: '' } }} />);
    expect(html).toContain('Replying to a post');
    expect(html).toContain('Parsing is fun');
    expect(html).not.toMatch(BARE_AT);
    const named = renderToStaticMarkup(
      <ParentPost mode="quote" post={{ text: 'Parsing is fun', author: { name: 'Ada Lovelace', username: '' } }} />,
    );
    expect(named).toContain('Quoting <bdi>Ada Lovelace</bdi>');
    expect(named).not.toMatch(BARE_AT);
  });

  it('is named so in Japanese', () => {
    readInJapanese();
    expect(card(bookmark({ name: '', username: '' })).name).toBe('不明な投稿者');
    const html = renderToStaticMarkup(<ParentPost mode="reply" post={{ text: 'Parsing is fun', author: { name: '', username: '' } }} />);
    expect(html).toContain('ポストに返信');
    expect(html).not.toMatch(BARE_AT);
  });
});
