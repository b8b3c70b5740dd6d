import { act } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SignOutDialog } from '@/components/SignOutDialog';
import { appCheckLines } from '@/entrypoints/options/AppCheck';
import { WayIn } from '@/entrypoints/popup/WayIn';
import { failureCount } from '@/lib/action-words';
import type { AppCheckView } from '@/lib/views';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage } from '../support/react-page';

/**
 * A count a person reads is grouped in their language ("1,234"), as the Lists, Bookmarks, Muted and Blocked tabs'
 * counts are. Settings › Check my X app (the rate limit and daily caps), the popup's Drafts link, the sign-out
 * dialog's losses and the failed-actions line printed the bare digits: "1234 of 1500 requests left", "Drafts (1234)".
 */

const RESET = '2030-01-15T12:00:00.000Z';

/** A check that went through, X's limits in the thousands. */
const view = {
  checkedAt: RESET,
  account: { id: '1', username: 'ada' },
  app: { clientId: 'perch', redirectUrl: 'https://example.invalid/cb' },
  signIn: { mark: 'ok', last: null },
  scopes: { mark: 'ok', granted: ['tweet.read'], needed: ['tweet.read'], missing: [] },
  me: { mark: 'ok', sent: true, status: 200, username: 'ada' },
  rateLimit: { limit: 1500, remaining: 1234, reset: RESET },
  dailyCaps: [
    { scope: 'user', limit: 2400, remaining: 1234, reset: RESET },
    { scope: 'app', limit: 50000, remaining: 12345, reset: RESET },
  ],
  credits: { mark: 'ok' },
  billedReads: 0,
} as unknown as AppCheckView;

/** The check's lines about X's limits, as the settings page shows them. */
const limitLines = () =>
  appCheckLines(view)
    .filter((l) => l.key === 'rate' || l.key.startsWith('daily-'))
    .map((l) => l.text);

/** The popup's Drafts link once the background has counted `count` drafts. */
async function draftsLink(count: number): Promise<string | null | undefined> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: count } as never);
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  const page = await renderInPage(<WayIn accountId="1" onNewPost={() => undefined} />, { settleMs: 20 });
  try {
    const drafts = () => [...page.container.querySelectorAll('a')].at(-1)?.textContent;
    await vi.waitFor(() => expect(drafts()).not.toMatch(/^(Drafts|下書き)$/), { timeout: 5000 });
    await act(() => new Promise((r) => setTimeout(r, 10)));
    return drafts();
  } finally {
    await page.leave();
  }
}

const account = { id: '1', username: 'ada', name: 'Ada', profileImageUrl: '' } as Parameters<typeof SignOutDialog>[0]['account'];
const signOutText = () =>
  renderToStaticMarkup(<SignOutDialog account={account} loss={{ queued: 1234, drafts: 1234 }} onClose={() => undefined} />).replace(
    /<[^>]+>/g,
    ' ',
  );

describe('counts grouped on the settings page, the popup and the sign-out dialog', () => {
  it('groups them in English', async () => {
    const [rate, user, app] = limitLines();
    expect(rate).toMatch(/^Rate limit: 1,234 of 1,500 requests left/);
    expect(user).toMatch(/^Daily cap for your account: 1,234 of 2,400 left/);
    expect(app).toMatch(/^Daily cap for your app: 12,345 of 50,000 left/);
    expect(await draftsLink(1234)).toBe('Drafts (1,234)');
    expect(signOutText()).toContain('1,234 queued actions');
    expect(signOutText()).toContain('1,234 drafts, with their images');
    expect(failureCount(1234)).toBe('1,234 actions failed');
  });

  it('groups them in Japanese', async () => {
    readInJapanese();
    const [rate, user] = limitLines();
    expect(rate).toMatch(/^レート制限: この15分間で1,500回中残り1,234回。/);
    expect(user).toMatch(/^アカウントの1日の上限: 2,400回中残り1,234回。/);
    expect(await draftsLink(1234)).toBe('下書き（1,234）');
    expect(signOutText()).toContain('待機中の操作1,234件');
    expect(signOutText()).toContain('下書き1,234件（画像を含む）');
    expect(failureCount(1234)).toBe('1,234件の操作が失敗しました');
  });
});
