import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { actionNote } from '@/entrypoints/popup/ActionButton';
import type { ActionBrief } from '@/lib/messaging';

describe('messages from lib/locales/en.yml', () => {
  it('resolve plain messages', () => {
    expect(i18n.t('header_sign_in')).toBe('Sign in with X');
    expect(i18n.t('composer_post_all')).toBe('Post all');
    expect(i18n.t('composer_placeholder')).toBe('What’s happening?');
    expect(i18n.t('popup_meta_separator')).toBe(' · ');
  });

  it('fill in $1… substitutions, in any order and more than once', () => {
    expect(i18n.t('popup_mute_user', ['gracehop'])).toBe('Mute @gracehop');
    expect(i18n.t('composer_text_label_nth', [2, 3])).toBe('Post 2 of 3');
    expect(i18n.t('composer_split_done', [3])).toBe('Split into 3 posts, numbered 1/3 to 3/3.');
    expect(i18n.t('popup_list_adding', ['gracehop', 'Cobol fans'])).toBe('Adding @gracehop to “Cobol fans”.');
    expect(i18n.t('header_signed_out_of', ['gracehop', 'X revoked access.'])).toBe('You were signed out of @gracehop. X revoked access.');
    expect(i18n.t('options_step_sign_in', [i18n.t('header_sign_in')])).toBe('Press “Sign in with X”.');
  });

  it('say what X refused in a thread, and how many posts stay on X, in either plural form', () => {
    expect(i18n.t('composer_reply_refused', [2, 1])).toBe('X refused post 2 of your thread as a reply to post 1.');
    expect(i18n.t('composer_reply_refused_kept', 1, [1, 2])).toMatch(/^Post 1 stays on X\. Post 2 and the ones after it are kept here/);
    expect(i18n.t('composer_reply_refused_kept', 3, [3, 4])).toMatch(
      /^Posts 1 to 3 stay on X\. Post 4 and the ones after it are kept here/,
    );
  });

  it('leave a substituted value as it is, even with $ signs in it', () => {
    expect(i18n.t('popup_list_add', ['$1 deals $$'])).toBe('Add to “$1 deals $$”');
  });

  it('turn $$ into a literal $', () => {
    expect(i18n.t('composer_link_cost')).toMatch(
      /^A post with a link costs \$0\.200 on X’s pay-per-use plan, instead of \$0\.015 without one\./,
    );
  });

  it('pick the plural form by count', () => {
    expect(i18n.t('composer_published', 1)).toBe('Your post is on X.');
    expect(i18n.t('composer_published', 3)).toBe('Your thread of 3 posts is on X.');
    expect(i18n.t('composer_link_counts', 1)).toBe('The link counts as 23 characters.');
    expect(i18n.t('composer_link_counts', 2)).toBe('Each of the 2 links counts as 23 characters.');
    expect(i18n.t('popup_post_media', 1)).toBe('1 image or video');
    expect(i18n.t('popup_post_media', 5)).toBe('5 images or videos');
    expect(i18n.t('composer_too_many_images', 4)).toBe('A post can have up to 4 images.');
  });

  it('say “1 character”, singular, in the counter and the over-limit reason', () => {
    expect(i18n.t('counter_left', 80)).toBe('80 characters left');
    expect(i18n.t('counter_left', 0)).toBe('0 characters left');
    expect(i18n.t('counter_over', 1)).toBe('1 character over the limit');
    expect(i18n.t('counter_left', 1)).toBe('1 character left');
    expect(i18n.t('counter_over', 2)).toBe('2 characters over the limit');
    expect(i18n.t('composer_reason_over_nth', 1, [3, 1, '280'])).toBe('Post 3: 1 character over X’s limit of 280.');
  });

  it('name every sync button the same, “Sync now”, lists included', () => {
    const keys = ['bookmarks_sync_now', 'bookmarks_sync_label', 'relation_sync', 'muted_sync_label', 'blocked_sync_label'] as const;
    for (const key of [...keys, 'lists_sync', 'lists_sync_label'] as const) expect(i18n.t(key)).toBe('Sync now');
    expect(i18n.t('lists_empty')).toContain('Press Sync now');
  });

  it('count a post’s media with one label on every screen', () => {
    for (const key of ['bookmarks_media', 'lists_post_media', 'popup_post_media'] as const) {
      expect(i18n.t(key, 1)).toBe('1 image or video');
      expect(i18n.t(key, 3)).toBe('3 images or videos');
    }
  });

  it('use the three forms of a 0/1/n message', () => {
    expect(i18n.t('muted_count', 0)).toBe('nobody muted');
    expect(i18n.t('muted_count', 1)).toBe('1 muted account');
    expect(i18n.t('muted_count', 7)).toBe('7 muted accounts');
  });

  it('combine a plural count with other substitutions', () => {
    expect(i18n.t('composer_reason_over_nth', 12, [2, 12, '280'])).toBe('Post 2: 12 characters over X’s limit of 280.');
  });

  it('answer like Chrome for names it does not know, and for the predefined ones', () => {
    // Typed by WXT for the known names only.
    const getMessage = browser.i18n.getMessage as unknown as (name: string) => string;
    expect(getMessage('no_such_message')).toBe('');
    expect(getMessage('HEADER_SIGN_OUT')).toBe('Sign out');
    expect(getMessage('@@ui_locale')).toBe('en');
  });

  it('word what a popup action is doing', () => {
    const at = new Date(2026, 0, 1, 14, 5).getTime();
    const brief = (state: ActionBrief['state'], extra: Partial<ActionBrief> = {}): ActionBrief => ({
      seq: 1,
      type: 'bookmark',
      state,
      notBefore: 0,
      ...extra,
    });
    expect(actionNote(brief('sending'), 'Bookmark')).toBe('Bookmark: Sending to X…');
    expect(actionNote(brief('queued'), 'Bookmark')).toBe('Bookmark: Queued.');
    expect(actionNote(brief('queued', { error: { kind: 'offline', message: '' } }), 'Bookmark')).toBe('Bookmark: Queued (no connection).');
    expect(actionNote(brief('queued', { notBefore: at, error: { kind: 'rate-limited', message: '' } }), 'Bookmark', at - 1)).toBe(
      'Bookmark: Queued until 14:05 (X’s limit is used up).',
    );
    expect(actionNote(brief('failed', { error: { kind: 'error', message: 'Nope.' } }), 'Bookmark')).toBe('Bookmark failed: Nope.');
    expect(actionNote(brief('failed'), 'Bookmark')).toBe('Bookmark failed: X refused it.');
  });

  it('all load in Chrome: none uses a $name$ placeholder it does not define', () => {
    // Chrome fills in $name$ placeholders when it loads messages.json, and refuses the extension when one is undefined.
    const file = load(readFileSync(new URL('../../../lib/locales/en.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
    const undefinedPlaceholders = Object.entries(file).flatMap(([key, value]) => {
      const message = typeof value === 'object' && value !== null ? Object.values(value).join(' | ') : String(value);
      const name = placeholderIn(message);
      return name ? [`${key}: $${name}$`] : [];
    });
    expect(undefinedPlaceholders).toEqual([]);
  });
});

/** The first `$name$` in a message, found the way Chrome's MessageBundle looks for placeholders. */
function placeholderIn(message: string): string | undefined {
  for (let begin = message.indexOf('$'); begin !== -1; begin = message.indexOf('$', begin + 1)) {
    const end = message.indexOf('$', begin + 1);
    if (end === -1) return undefined;
    const name = message.slice(begin + 1, end);
    if (/^[A-Za-z0-9_@]+$/.test(name)) return name;
  }
  return undefined;
}
