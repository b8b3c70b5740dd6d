import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AccountHeader } from '@/components/AccountHeader';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import { ListCard } from '@/components/manager/lists/ListCard';
import { UserIdentity } from '@/components/manager/UserLookup';
import type { ListRow, UserRow } from '@/lib/db';
import { UserCard } from '@/entrypoints/popup/UserCard';

const EVIL = 'Evil\u202E';
const evilUser: UserRow = {
  accountId: '1',
  id: '2',
  name: EVIL,
  username: 'paypal_support',
  description: 'Refunds\u202E here',
  seenAt: '2026-11-23T00:00:00.000Z',
};

vi.mock('@/components/use-session', () => ({
  useSession: () => ({ accounts: [{ id: '2', name: EVIL, username: 'paypal_support' }], activeAccountId: '2', notice: null }),
}));

/** Whether every occurrence of `text` in the markup's content (attributes aside) is exactly the content of a <bdi>. */
function isolatedEverywhere(html: string, text: string): boolean {
  const content = html.replace(/\s[a-z-]+="[^"]*"/g, '');
  const all = content.split(text).length - 1;
  const inBdi = content.split(`<bdi>${text}</bdi>`).length - 1;
  return all > 0 && all === inBdi;
}

describe('X text on screen sits in <bdi>, so a name ending in U+202E reverses nothing beside it', () => {
  it('on a bookmark card: the name and the @username', () => {
    const html = renderToStaticMarkup(
      <BookmarkCard
        item={{
          postId: '7',
          position: 1,
          folderIds: [],
          searchText: '',
          tags: [],
          note: '',
          read: false,
          author: evilUser,
          post: { accountId: '1', id: '7', text: 'hello', urls: [], mediaCount: 0, seenAt: '2026-11-23T00:00:00.000Z' },
        }}
        onRemove={() => undefined}
      />,
    );
    expect(html).toContain(`<bdi>${EVIL}</bdi>`);
    expect(html).toContain('<bdi>@paypal_support</bdi>');
  });

  it('in the manager’s account rows and lookups', () => {
    const html = renderToStaticMarkup(<UserIdentity user={evilUser} />);
    expect(html).toContain(`<bdi>${EVIL}</bdi>`);
    expect(html).toContain('<bdi>@paypal_support</bdi>');
  });

  it('on the popup’s user card', () => {
    const html = renderToStaticMarkup(<UserCard user={{ id: '2', name: EVIL, username: 'paypal_support' }} />);
    expect(html).toContain(`<bdi>${EVIL}</bdi>`);
    expect(html).toContain('<bdi>@paypal_support</bdi>');
  });

  it('in the account header', () => {
    const html = renderToStaticMarkup(<AccountHeader />);
    expect(html).toContain(`<bdi>${EVIL}</bdi>`);
    expect(html).toContain('<bdi>@paypal_support</bdi>');
  });

  it('on a list card: the list’s name and description', () => {
    const list: ListRow = {
      accountId: '1',
      id: '99',
      name: EVIL,
      description: 'Refunds\u202E here',
      owned: true,
      followed: false,
      pinned: false,
      member: false,
    };
    const html = renderToStaticMarkup(<ListCard list={list} act={async () => true} onOpen={() => undefined} />);
    expect(isolatedEverywhere(html, EVIL)).toBe(true);
    expect(html).toContain('<bdi>Refunds\u202E here</bdi>');
  });
});
