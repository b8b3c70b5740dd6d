import { describe, expect, it } from 'vitest';
import { CROWD_USERS, SEED_BLOCKED_IDS, SEED_MUTED_IDS } from '../../emulator/seed';

describe('the seed’s hostile display names', () => {
  const spoofers = CROWD_USERS.filter((u) => u.name.endsWith('\u202E'));

  it('has accounts whose display name ends in U+202E, muted and posting, for the bidi tests', () => {
    expect(spoofers.map((u) => [u.name, u.username])).toEqual([
      ['Kwame Mensah\u202E', 'kwame_m'],
      ['Evil\u202E', 'promo_acct_08'],
    ]);
    expect(SEED_MUTED_IDS).toContain(spoofers[1]!.id);
  });

  it('keeps the crowd’s size and Ada’s muted and blocked counts as they were', () => {
    expect(CROWD_USERS).toHaveLength(64);
    expect(SEED_MUTED_IDS).toHaveLength(41);
    expect(SEED_BLOCKED_IDS).toHaveLength(9);
  });
});
