import { describe, expect, it } from 'vitest';
import { KEPT_BECAUSE } from '@/lib/storage-kept';
import { STORAGE_WIPE } from '@/lib/storage-wipe';

describe('why a stored key outlives every sign-out', () => {
  it('gives a reason for each key no sign-out wipes, and for no other', () => {
    const kept = Object.entries(STORAGE_WIPE)
      .filter(([, policy]) => policy.clearOn === 'never')
      .map(([name]) => name);
    expect(Object.keys(KEPT_BECAUSE).sort()).toEqual(kept.sort());
    for (const reason of Object.values(KEPT_BECAUSE)) expect(reason.trim()).not.toBe('');
  });

  it('keeps the reasons out of the policies the worker loads on every start', () => {
    expect(Object.entries(STORAGE_WIPE).filter(([, policy]) => 'why' in policy)).toEqual([]);
  });
});
