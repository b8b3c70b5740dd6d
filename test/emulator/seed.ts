/**
 * Seed data. 'minimal' (default) is the demo user, a second account for multi-account work and a
 * handful of other users; 'demo' adds a few more people. Later resources (posts, bookmarks, lists…)
 * add their own `seedX(state, seed)` call to `applySeed`.
 */
import type { EmulatorState, UserRecord } from './state';

export type SeedName = 'demo' | 'minimal';

export const DEMO_USER_ID = '1585841080431321088';
export const SECOND_USER_ID = '1452871219391512578';
export const SUSPENDED_USER_ID = '1311001200413843456';

function avatar(id: string): string {
  // Served by the emulator itself (no internet in tests); shaped like X's `_normal` avatar URLs.
  return `/profile_images/${id}/avatar_normal.png`;
}

const MINIMAL_USERS: UserRecord[] = [
  {
    id: DEMO_USER_ID,
    name: 'Ada Perch',
    username: 'adaperch',
    created_at: '2022-10-28T04:12:55.000Z',
    description: 'Trying out Perch. Bookmarks, lists and mutes from the toolbar.',
    location: 'London',
    url: 'https://t.co/perchdemo1',
    profile_image_url: avatar(DEMO_USER_ID),
    verified: false,
    protected: false,
    confirmed_email: 'ada@example.com',
    subscription_type: 'None',
    public_metrics: { followers_count: 128, following_count: 311, tweet_count: 1042, listed_count: 3, like_count: 2210 },
  },
  {
    id: SECOND_USER_ID,
    name: 'Grace Hopper',
    username: 'gracehop',
    created_at: '2021-11-26T09:30:00.000Z',
    description: 'It is easier to ask forgiveness than it is to get permission.',
    profile_image_url: avatar(SECOND_USER_ID),
    verified: true,
    verified_type: 'blue',
    protected: false,
    confirmed_email: 'grace@example.com',
    subscription_type: 'Basic',
    public_metrics: { followers_count: 5821, following_count: 97, tweet_count: 3344, listed_count: 41, like_count: 120 },
  },
  {
    id: '2244994945',
    name: 'X Developers',
    username: 'XDevelopers',
    created_at: '2013-12-14T04:35:55.000Z',
    description: 'The voice of the X developer community',
    profile_image_url: avatar('2244994945'),
    verified: true,
    verified_type: 'business',
    protected: false,
    public_metrics: { followers_count: 583423, following_count: 2048, tweet_count: 14052, listed_count: 1672 },
  },
  {
    id: '1097398373457707008',
    name: 'Alan Turing',
    username: 'alanturing_',
    created_at: '2019-02-18T07:01:11.000Z',
    description: 'Can machines think?',
    profile_image_url: avatar('1097398373457707008'),
    verified: false,
    protected: false,
    public_metrics: { followers_count: 912, following_count: 12, tweet_count: 77, listed_count: 9 },
  },
  {
    id: '1268291573458292736',
    name: 'Katherine Johnson',
    username: 'kjohnson',
    created_at: '2020-06-03T21:44:02.000Z',
    description: 'Trajectories, mostly.',
    profile_image_url: avatar('1268291573458292736'),
    verified: false,
    protected: true,
    public_metrics: { followers_count: 44, following_count: 51, tweet_count: 230, listed_count: 0 },
  },
  {
    id: '1359001784162672640',
    name: 'Spam Bot 3000',
    username: 'spambot3000',
    created_at: '2021-02-09T05:06:07.000Z',
    description: 'Click here!!!',
    profile_image_url: avatar('1359001784162672640'),
    verified: false,
    protected: false,
    public_metrics: { followers_count: 2, following_count: 4999, tweet_count: 88000, listed_count: 0 },
  },
  {
    id: SUSPENDED_USER_ID,
    name: 'Suspended Account',
    username: 'suspendedacct',
    created_at: '2020-09-30T10:00:00.000Z',
    verified: false,
    protected: false,
    public_metrics: { followers_count: 0, following_count: 0, tweet_count: 0, listed_count: 0 },
    status: 'suspended',
  },
];

const DEMO_EXTRA_USERS: UserRecord[] = [
  {
    id: '1502336677889900112',
    name: 'Margaret Hamilton',
    username: 'mhamilton',
    created_at: '2022-03-11T13:13:13.000Z',
    description: 'Software engineering, before it had a name.',
    profile_image_url: avatar('1502336677889900112'),
    verified: true,
    verified_type: 'blue',
    protected: false,
    public_metrics: { followers_count: 20411, following_count: 180, tweet_count: 901, listed_count: 210 },
  },
  {
    id: '1423109876543210987',
    name: 'Edsger Dijkstra',
    username: 'ewd',
    created_at: '2021-08-05T08:00:00.000Z',
    description: 'Simplicity is prerequisite for reliability.',
    profile_image_url: avatar('1423109876543210987'),
    verified: false,
    protected: false,
    public_metrics: { followers_count: 7702, following_count: 3, tweet_count: 1340, listed_count: 88 },
  },
];

export function applySeed(state: EmulatorState, seed: SeedName): void {
  const users = seed === 'demo' ? [...MINIMAL_USERS, ...DEMO_EXTRA_USERS] : MINIMAL_USERS;
  for (const u of users) state.addUser(structuredClone(u));
  state.sessionUserId = DEMO_USER_ID;
}
