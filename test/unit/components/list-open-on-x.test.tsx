import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ListDetail } from '@/components/manager/lists/ListDetail';
import { db } from '@/lib/db';
import { freshDb } from '../services/support';
import { accessibleName, labelMismatches, visibleText } from '../support/label-in-name';
import { ACCOUNT, listRow } from '../support/lists-view';
import { renderInPage } from '../support/react-page';
import { until } from '../support/until';

/**
 * A List's page in the side panel had no way to the List on x.com, and the members of a List one owns none to their
 * profiles (those of a followed List had one, as Muted and Blocked do).
 */

const LIST = '1900000000000000001';
const GRACE = '1452871219391512578';

beforeEach(async () => {
  await freshDb();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: [] } as never);
});

const detail = (list: ReturnType<typeof listRow>) =>
  renderInPage(
    <ListDetail accountId={ACCOUNT} list={list} act={() => Promise.resolve(true)} onBack={() => undefined} onActed={() => undefined} />,
    { settleMs: 50 },
  );

describe('a List’s page in the side panel', () => {
  it('links to the List on x.com in a new tab, named from its visible label; a List being created has no page yet', async () => {
    const page = await detail(listRow(LIST, 'Birds'));
    try {
      const link = [...page.document.querySelectorAll('a')].find((a) => a.getAttribute('href') === `https://x.com/i/lists/${LIST}`);
      expect(link, 'a link to the List on x.com').toBeDefined();
      expect(visibleText(link as unknown as Element)).toBe('Open on X');
      expect(accessibleName(link as unknown as Element)).toBe('Open on X: Birds');
      expect([link?.getAttribute('target'), link?.getAttribute('rel')]).toEqual(['_blank', 'noreferrer']);
      expect(labelMismatches(page.container.innerHTML)).toEqual([]);
    } finally {
      await page.leave();
    }
    const creating = await detail(listRow('tmp-1', 'Cats'));
    try {
      expect([...creating.document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.toContain(
        expect.stringContaining('/i/lists/'),
      );
      expect(creating.document.body.textContent).not.toContain('Open on X');
    } finally {
      await creating.leave();
    }
  });

  it('links each member of a List one owns to their profile, beside Remove', async () => {
    await db().users.put({ accountId: ACCOUNT, id: GRACE, name: 'Grace Hopper', username: 'gracehop', seenAt: '2026-12-01T00:00:00.000Z' });
    await db().listMembers.put({ accountId: ACCOUNT, listId: LIST, userId: GRACE, position: 0 });
    const page = await detail(listRow(LIST, 'Birds', { memberCount: 1 }));
    try {
      const row = () => page.document.querySelector('[data-index="0"]');
      const names = () => [...(row()?.querySelectorAll('a, button') ?? [])].map((e) => accessibleName(e));
      await until(() => expect(names()).toEqual(['Profile of @gracehop on X', 'Remove @gracehop from Birds']));
      expect(row()?.querySelector('a')?.getAttribute('href')).toBe('https://x.com/gracehop');
    } finally {
      await page.leave();
    }
  });
});
