import { describe, expect, it } from 'vitest';
import { freshTabRequest, tabFromHash, TAB_REQUEST_FRESH_MS } from '@/components/manager/open-tab';

const NOW = 1_800_000_000_000;

describe('the manager tab a link asks for', () => {
  it('carries the list to open and the window asked, and drops what is not an X list id', () => {
    expect(freshTabRequest({ tab: 'lists', at: NOW, listId: '1234', windowId: 7 }, NOW)).toEqual({
      tab: 'lists',
      at: NOW,
      listId: '1234',
      windowId: 7,
    });
    expect(freshTabRequest({ tab: 'lists', at: NOW, listId: '../bookmarks' }, NOW)).toEqual({ tab: 'lists', at: NOW });
    expect(freshTabRequest({ tab: 'lists', at: NOW - TAB_REQUEST_FRESH_MS - 1, listId: '1234' }, NOW)).toBeUndefined();
  });

  it('reads a list from the manager page address, #lists/<id>', () => {
    expect(tabFromHash('#lists/1234')).toEqual({ tab: 'lists', listId: '1234' });
    expect(tabFromHash('#lists')).toEqual({ tab: 'lists' });
    expect(tabFromHash('#activity')).toEqual({ tab: 'activity' });
    expect(tabFromHash('#lists/<script>')).toEqual({ tab: 'lists' });
    expect(tabFromHash('')).toEqual({ tab: '' });
  });
});
