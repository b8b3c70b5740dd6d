import { act, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListMembers } from '@/components/manager/lists/ListMembers';
import { SyncBar } from '@/components/manager/SyncBar';
import { UserLookup } from '@/components/manager/UserLookup';
import { bookmarkSyncTexts } from '@/components/manager/bookmarks/texts';
import { listSyncTexts } from '@/components/manager/lists/texts';
import { createRetryPublisher } from '@/lib/services/read-retries';
import { freshDb } from '../services/support';
import { withFocus } from '../support/focus-standin';
import { accessibleName } from '../support/label-in-name';
import { renderInPage, typeInto, type ReactPage } from '../support/react-page';
import { until } from '../support/until';
import { readingList } from './list-members-x';

/**
 * A Bookmarks sync, a List's Members and a lookup by @username while X answers their reads with 503: Perch tried
 * again three times over about ten seconds (X says to wait and retry a 5xx,
 * x-api--fundamentals--response-codes-and-errors) and each screen said only "Syncing…", "Loading members…" or
 * "Looking up…" the whole time. Each now says, in its own words, that X is not answering and when Perch tries again,
 * from the background's word (lib/services/read-retries.ts), and says it no more once the read has ended.
 */

const LIST = readingList({ owned: true, followed: false });

const text = (page: ReactPage) => page.document.body.textContent ?? '';
const button = (page: ReactPage, name: string) =>
  [...page.document.querySelectorAll('button')].find((b) => accessibleName(b as unknown as Element) === name);
const click = (page: ReactPage, el: Element) =>
  act(async () => {
    el.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });

/** X's reads stay unanswered while the test tells of the background's tries. */
async function waitingOnX(screen: ReactElement): Promise<ReactPage> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
  return renderInPage(screen);
}

const soon = () => ({ attempt: 1, of: 3, at: Date.now() + 2000 });

describe('a screen waiting on a read X is not answering', () => {
  withFocus();
  beforeEach(freshDb);
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('says so on the Bookmarks sync line while it runs, of its own reads only', async () => {
    const page = await waitingOnX(
      <SyncBar accountId="1" collection="bookmarks" then="bookmarkFolders" texts={bookmarkSyncTexts()} prefix="bookmarks" />,
    );
    try {
      await until(() => expect(button(page, 'Sync now')).toBeTruthy());
      await click(page, button(page, 'Sync now')!);
      const publish = createRetryPublisher(fakeBrowser.storage.session);
      // A List's posts and another account's bookmarks are not this sync's.
      await act(() => publish('1', 'GET /2/lists/99/tweets', soon()));
      await act(() => publish('2', 'GET /2/users/2/bookmarks', soon()));
      await act(() => publish('1', 'GET /2/users/1/bookmarks/folders', soon()));
      await until(() => expect(text(page)).toMatch(/Syncing: X is not answering; Perch tries again at .+\./));

      await act(() => publish('1', 'GET /2/users/1/bookmarks/folders', undefined));
      await until(() => expect(text(page)).not.toContain('X is not answering'));
    } finally {
      await page.leave();
    }
  });

  it('says so on the Lists sync line while X fails a List’s member count, not a List’s posts', async () => {
    const page = await waitingOnX(<SyncBar accountId="1" collection="lists" texts={listSyncTexts()} />);
    try {
      await until(() => expect(button(page, 'Sync now')).toBeTruthy());
      await click(page, button(page, 'Sync now')!);
      const publish = createRetryPublisher(fakeBrowser.storage.session);
      await act(() => publish('1', 'GET /2/lists/99/tweets', soon()));
      await act(() => publish('1', 'GET /2/lists/99/members', soon()));
      // The sync reads each List's member count again (getListsById, sync-lists.ts).
      await act(() => publish('1', 'GET /2/lists/98', soon()));
      await until(() => expect(text(page)).toMatch(/Syncing: X is not answering; Perch tries again at .+\./));
      await act(() => publish('1', 'GET /2/lists/98', undefined));
      await until(() => expect(text(page)).not.toContain('X is not answering'));
    } finally {
      await page.leave();
    }
  });

  it('says so under a List’s Members while they load', async () => {
    const page = await waitingOnX(<ListMembers accountId="1" list={LIST} act={() => Promise.resolve(true)} onActed={() => undefined} />);
    try {
      await until(() => expect(button(page, 'Load members of Reading list from X')).toBeTruthy());
      await click(page, button(page, 'Load members of Reading list from X')!);
      await until(() => expect(text(page)).toContain('Loading members…'));
      const publish = createRetryPublisher(fakeBrowser.storage.session);
      await act(() => publish('1', 'GET /2/lists/98/members', soon()));
      await act(() => publish('1', 'GET /2/lists/99/members', soon()));
      await until(() => expect(text(page)).toMatch(/Members: X is not answering; Perch tries again at .+\./));

      await act(() => publish('1', 'GET /2/lists/99/members', undefined));
      await until(() => expect(text(page)).not.toContain('X is not answering'));
    } finally {
      await page.leave();
    }
  });

  it('says so under a lookup by @username while it looks', async () => {
    const page = await waitingOnX(
      <UserLookup
        accountId="1"
        label="Mute an account"
        actionShort="Mute"
        actionLabel={(u) => `Mute @${u.username}`}
        onAct={() => Promise.resolve(true)}
      />,
    );
    try {
      const input = page.document.querySelector('input')!;
      await act(async () => typeInto(page, input, '@gracehop'));
      await act(async () => {
        page.document.querySelector('form')!.dispatchEvent(new page.window.Event('submit', { bubbles: true, cancelable: true }));
      });
      await until(() => expect(text(page)).toContain('Looking up @gracehop on X…'));
      const publish = createRetryPublisher(fakeBrowser.storage.session);
      await act(() => publish('1', 'GET /2/users/by/username/adalove', soon()));
      await act(() => publish('1', 'GET /2/users/by/username/gracehop', soon()));
      await until(() => expect(text(page)).toMatch(/Looking up @gracehop: X is not answering; Perch tries again at .+\./));
      // Its read ended: the line goes, though another lookup's word is still stored.
      await act(() => publish('1', 'GET /2/users/by/username/gracehop', undefined));
      await until(() => expect(text(page)).not.toContain('X is not answering'));
    } finally {
      await page.leave();
    }
  });
});
