import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFailureBadge } from '@/entrypoints/background/failure-badge';
import type { ActionChange } from '@/lib/services/outbox-feed';
import { readInJapanese } from '../locales/in-japanese';

/**
 * A List pinned from the popup before Perch read the Lists carries only the List's id, and the toolbar's title names
 * it so ("Pin list 1900…") while Perch does not hold its name. Once Perch holds the List, the title names it by its
 * name, as the Activity tab does; painted again when the Lists are read.
 */

const ADA = '1585841080431321088';
const LIST = '1900000000000000007';

function setUp() {
  const shown = { title: '' };
  const names = new Map<string, string>();
  const badge = createFailureBadge({
    area: fakeBrowser.storage.local,
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string | null }) => void (shown.title = title ?? ''),
    },
    actionOf: async () => ({ type: 'list.pin', params: { listId: LIST } }),
    listNameOf: async (accountId, listId) => names.get(`${accountId}/${listId}`),
    now: () => Date.parse('2026-12-05T07:00:00Z'),
  });
  return { badge, shown, names };
}

const pinRefused: ActionChange = { accountId: ADA, seq: 4, type: 'list.pin', state: 'failed', notBefore: 0, error: { kind: 'forbidden' } };

describe('the toolbar’s title for a failed pin of a List Perch had not read', () => {
  it('names the List by its id, then by its name once Perch holds it', async () => {
    const { badge, shown, names } = setUp();
    await badge.note(pinRefused);
    expect(shown.title).toMatch(new RegExp(`^Perch: Pin list ${LIST}: not done\\.`));

    // The Lists are read: Perch holds the List's name, and the badge is painted again.
    names.set(`${ADA}/${LIST}`, 'Navy computing');
    await badge.paint();
    expect(shown.title).toMatch(/^Perch: Pin “Navy computing”: not done\./);
    expect(shown.title).not.toContain(LIST);
  });

  it('in Japanese too', async () => {
    readInJapanese();
    const { badge, shown, names } = setUp();
    await badge.note(pinRefused);
    expect(shown.title).toContain(`リスト${LIST}を固定`);
    names.set(`${ADA}/${LIST}`, 'Navy computing');
    await badge.paint();
    expect(shown.title).toContain('「Navy computing」を固定');
    expect(shown.title).not.toContain(LIST);
  });

  it('keeps the id when another account holds a List of that id', async () => {
    const { badge, shown, names } = setUp();
    names.set(`1452871219391512578/${LIST}`, 'Someone else’s');
    await badge.note(pinRefused);
    await badge.paint();
    expect(shown.title).toContain(`Pin list ${LIST}`);
  });
});
