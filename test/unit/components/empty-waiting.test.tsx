import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EmptyState } from '@/components/manager/EmptyState';
import { timeOf } from '@/components/manager/format';
import { db } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';
import { withEmptyStore } from '../support/store';
import { until } from '../support/until';

/**
 * An empty tab whose first sync X stopped at its limit (429, getUsersMuting and the others;
 * x-api--fundamentals--rate-limits): the sync line says "Waiting for X's limit until 14:05", and Sync now is held back
 * until then (the limiter answers for X). The empty line said "Press Sync now to fetch them from X", an action that
 * could not work yet. It says when X lets Perch read them again, the sync line's time, and asks for Sync now then.
 */

const ACCOUNT = '2244994945';
const KINDS = ['bookmarks', 'lists', 'muted', 'blocked'] as const;
/** X's reset, in Unix seconds: an hour ahead. */
const RESET = Math.floor(Date.now() / 1000) + 3600;

withEmptyStore();

/** What the empty line of `kind` says once it has read the stored sync state. */
async function emptyLine(kind: (typeof KINDS)[number]): Promise<string> {
  const page = await renderInPage(<EmptyState accountId={ACCOUNT} kind={kind} className="mgr-empty" />);
  try {
    const text = () => page.container.querySelector('.mgr-empty')?.textContent ?? '';
    await until(() => expect(text()).not.toBe(''));
    return text();
  } finally {
    await page.leave();
  }
}

/** The first sync of `kind` stopped at X's limit, with or without the reset X gave. */
async function limited(kind: (typeof KINDS)[number], reset?: number): Promise<void> {
  await db().syncState.put({ accountId: ACCOUNT, collection: kind, error: { kind: 'rate-limited', ...(reset ? { reset } : {}) } });
}

describe('an empty tab while its first sync waits for X’s limit', () => {
  it.each(KINDS)('%s: does not ask for Sync now before X’s reset, and says the reset’s time', async (kind) => {
    await limited(kind, RESET);
    const line = await emptyLine(kind);
    expect(line).not.toContain('Press Sync now');
    expect(line).toContain(`again at ${timeOf(RESET * 1000)}: press Sync now then.`);
    expect(line).not.toMatch(/You have (no|muted no one|blocked no one)/);
  });

  it.each(KINDS)('%s: says the limit must reset first when X gave no time', async (kind) => {
    await limited(kind);
    const line = await emptyLine(kind);
    expect(line).not.toContain('Press Sync now to fetch');
    expect(line).toContain('once its limit resets: press Sync now then.');
  });

  it('still offers New list on the Lists tab: creating a list is not the read X limited', async () => {
    await limited('lists', RESET);
    expect(await emptyLine('lists')).toContain('Press New list to create one now.');
  });

  it('says the same in Japanese, with the reset’s time', async () => {
    readInJapanese();
    await limited('muted', RESET);
    const line = await emptyLine('muted');
    expect(line).toContain(`Xから再び読み込めるのは${timeOf(RESET * 1000)}からです。`);
    expect(line).not.toContain('押すとXから取得します');
  });

  it('asks for Sync now once a failure other than X’s limit ended the first sync', async () => {
    await db().syncState.put({ accountId: ACCOUNT, collection: 'muted', error: { kind: 'offline' } });
    expect(await emptyLine('muted')).toContain('Press Sync now to fetch them from X.');
  });
});
