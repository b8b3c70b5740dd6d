import type { OAuthSettings } from '@/lib/auth/oauth';

/** One app's OAuth settings as Perch builds them for X (a Client ID, X's hosts, a Chromium redirect), for the token tests. */
export const settings: OAuthSettings = {
  clientId: 'client-123',
  apiBaseUrl: 'https://api.x.com',
  authorizeUrl: 'https://x.com/i/oauth2/authorize',
  redirectUri: 'https://abcdefghijklmnop.chromiumapp.org/',
  scopes: ['tweet.read', 'users.read', 'offline.access'],
};
