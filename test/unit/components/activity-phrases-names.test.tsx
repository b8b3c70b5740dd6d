import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityView } from '@/components/manager/ActivityView';
import { db } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { settle } from '../support/dialog-page';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { actionRow } from '../support/action-row';

/**
 * In Firefox (no `word-break: auto-phrase`) an Activity row's Japanese label goes through <Phrases>, which puts a <wbr>
 * before each phrase. A List's name in the label is X's text, not Perch's: the segmenter reads 山田太郎 as two kanji
 * words, and the row broke the name in two (「山田 / 太郎の本棚」を固定). The name stays whole; the sentence around it
 * still breaks between its phrases.
 */

const ACCOUNT = '1585841080431321088';
const NAME = '山田太郎の本棚';

withEmptyStore();
afterEach(() => vi.unstubAllGlobals());

const row = actionRow;

describe('an Activity row naming a List in Japanese, in Firefox', () => {
  it('breaks between the sentence’s phrases, never inside the List’s name', async () => {
    readInJapanese();
    vi.stubGlobal('CSS', { supports: () => false });
    await db().actions.bulkAdd([
      row(1, 'list.pin', { listId: '1900000000000000001', listName: NAME }),
      row(2, 'list.update', { listId: '1900000000000000002', listName: '山田花子', name: '田中次郎' }),
    ]);
    const page = await renderInPage(createElement(ActivityView, { accountId: ACCOUNT }), { visible: true, lang: 'ja' });
    try {
      await vi.waitFor(
        async () => {
          await settle();
          expect(page.document.querySelectorAll('.activity-label')).toHaveLength(2);
        },
        { timeout: 5000 },
      );
      const labels = [...page.document.querySelectorAll('.activity-label')].map((e) => e.innerHTML);
      // Each name whole, no <wbr> inside it, in the label of the pin and of the change (its old and new name).
      for (const name of [NAME, '山田花子', '田中次郎']) expect(labels.join('\n')).toContain(name);
      // The sentence around the name still breaks between its phrases: before 固定.
      expect(labels.find((l) => l.includes(NAME))).toMatch(/<wbr\/?>固定/);
    } finally {
      await page.leave();
    }
  });
});
