import { SEED_POSTS } from '../../emulator/seed';

/** What a second extension tries to make Perch do, in both browsers' "another extension" tests. */
export function intruderAttempts(accountId: string): object[] {
  return [
    { type: 'auth.signOut', accountId },
    { type: 'account.check', accountId },
    { type: 'settings.setClientId', clientId: 'stolen-client-id' },
    { type: 'auth.signIn' },
  ];
}

/** A post and a page another extension aims Perch's popup at, hoping it fetches the post or plants a draft. */
export const INTRUDER_POST = `https://x.com/gracehop/status/${SEED_POSTS.graceQuotesXdev}`;
export const INTRUDER_PAGE = { url: 'https://example.com/planted', title: 'Buy now' };

/** The addresses of Perch's popup page another extension opens in tabs: a post, a profile, a share, a forged grant. */
export function intruderPopupUrls(perchOrigin: string): string[] {
  const popup = (search: Record<string, string>) => `${perchOrigin}/popup.html?${new URLSearchParams(search).toString()}`;
  return [
    popup({ url: INTRUDER_POST }),
    popup({ url: 'https://x.com/gracehop' }),
    popup({ url: INTRUDER_PAGE.url, title: INTRUDER_PAGE.title }),
    popup({ url: INTRUDER_POST, grant: crypto.randomUUID() }),
  ];
}

/** The request the intruder sends from a page of its own, as if it were Perch's popup. */
export const intruderTabPost = (accountId: string) => ({ type: 'tab.post', accountId, postId: SEED_POSTS.graceQuotesXdev });
