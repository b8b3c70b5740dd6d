import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { actionLabel } from '@/components/manager/action-state';
import { DroppedSection } from '@/components/manager/bookmarks/DroppedSection';
import type { ActionRow, BookmarkNoteRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { accessibleName } from '../support/label-in-name';

/**
 * Japanese calls a person @nameさん, but an account or author Perch cannot name is not a person's name: X's Japanese
 * never says "アカウントさん" or "不明な投稿者さん". The honorific belongs to the @username, not to the sentence around it.
 */

const action = (type: string, params: Record<string, string>): Pick<ActionRow, 'type' | 'params' | 'label'> => ({
  type,
  params,
  label: '',
});

const NOTE: BookmarkNoteRow = { accountId: '1', postId: '1460323737035677698', tags: ['later'], note: '', read: false, updatedAt: '' };

function dropped(rows: BookmarkNoteRow[]) {
  const { document } = parseHTML(`<main>${renderToStaticMarkup(<DroppedSection accountId="1" dropped={rows} />)}</main>`);
  return {
    links: [...document.querySelectorAll('a')].map((a) => a.textContent),
    buttons: [...document.querySelectorAll('button')].map((b) => accessibleName(b as unknown as Element)),
  };
}

describe('an account Perch cannot name, in Japanese', () => {
  it('calls a named account @nameさん in the Activity log, and an unnamed one アカウント, without さん', () => {
    readInJapanese();
    expect(actionLabel(action('mute', { userId: '2244994945', username: 'XDevelopers' }))).toBe('@XDevelopersさんをミュート');
    expect(actionLabel(action('mute', { userId: '2244994945' }))).toBe('アカウントをミュート');
    expect(actionLabel(action('follow', { userId: '2244994945' }))).toBe('アカウントをフォロー');
    expect(actionLabel(action('list.addMember', { userId: '2244994945', listId: '99', listName: '読書' }))).toBe(
      'アカウントを「読書」に追加',
    );
  });

  it('names a post no longer on X by its author @nameさん, and one without an author as 投稿者不明', () => {
    readInJapanese();
    expect(dropped([{ ...NOTE, username: 'gracehop' }])).toEqual({
      links: ['x.comの@gracehopさんのポスト'],
      buttons: ['削除: @gracehopさんのポストのタグとメモ'],
    });
    expect(dropped([NOTE])).toEqual({ links: ['x.comの投稿者不明のポスト'], buttons: ['削除: 投稿者不明のポストのタグとメモ'] });
  });

  it('says the same in English', () => {
    expect(actionLabel(action('mute', { userId: '2244994945' }))).toBe('Mute an account');
    expect(dropped([NOTE])).toEqual({
      links: ['A post by an unknown author on x.com'],
      buttons: ['Delete the tags and note of the post by an unknown author'],
    });
  });
});
