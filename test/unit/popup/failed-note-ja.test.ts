import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { actionNote } from '@/entrypoints/popup/ActionButton';
import type { ActionBrief } from '@/lib/messaging';
import { readInJapanese } from '../locales/in-japanese';

// The note under a popup button names the action by the button's label. In Japanese several labels are verbs
// (「いいねを取り消す」, 「リポストを取り消す」): 「$1に失敗しました」 made 「いいねを取り消すに失敗しました」, a verb
// followed by a particle that only a noun takes. The failure reads as the other notes do: 「<label>: …」.

const failed = (type: string): ActionBrief => ({
  seq: 1,
  type,
  state: 'failed',
  notBefore: 0,
  error: { kind: 'forbidden', message: '' },
});

describe('a popup button’s failure note, read in Japanese', () => {
  it.each([
    ['unlike', 'popup_unlike'],
    ['undoRepost', 'popup_undo_repost'],
    ['mute', 'popup_mute'],
  ] as const)('names the %s button’s label, then says it was not done', (type, key) => {
    readInJapanese();
    const label = i18n.t(key);
    const note = actionNote(failed(type), label);
    expect(note).toBe(`${label}: 完了しませんでした。${i18n.t('x_error_forbidden')}`);
    expect(note).not.toMatch(/取り消すに/u);
  });
});
