import { describe, expect, it } from 'vitest';
import { emu, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, control, signIn } from './helpers';
import { WRITE_SCOPES, body, post, created, remove, signInAs } from './posts-helpers';

withAdaSignedIn(WRITE_SCOPES, { selfServe: true });

describe('per-user limits', () => {
  it('answers 429 to the 101st post in 15 minutes, and posts again once the window resets', async () => {
    for (let i = 1; i <= 100; i++) {
      const res = await post({ text: `post number ${i}` });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-rate-limit-limit')).toBe('100');
      expect(res.headers.get('x-rate-limit-remaining')).toBe(String(100 - i));
    }
    const limited = await post({ text: 'post number 101' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(await body(limited)).toMatchObject({ errors: [{ code: 88, message: 'Rate limit exceeded' }] });
    await control(emu, 'POST', 'clock', { advance_seconds: 15 * 60 });
    expect((await post({ text: 'post number 101' })).status).toBe(201);
  });

  it('answers 429 to the 301st post within 3 hours across 15-minute windows, with the 3-hour window in the headers', async () => {
    const start = emu.state.now();
    for (let w = 0; w < 3; w++) {
      for (let i = 0; i < 100; i++) expect((await post({ text: `window ${w} post ${i}` })).status).toBe(201);
      await control(emu, 'POST', 'clock', { advance_seconds: 15 * 60 + 1 });
    }
    const limited = await post({ text: 'one too many' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('300');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThanOrEqual(Math.floor((start + 3 * 3600_000) / 1000) - 5);
    expect(reset).toBeLessThanOrEqual(Math.ceil((start + 3 * 3600_000) / 1000) + 5);
    expect(await body(limited)).toMatchObject({ status: 429, errors: [{ code: 88 }] });
    await control(emu, 'POST', 'clock', { advance_seconds: 3 * 3600 });
    const fresh = (await signIn(emu, WRITE_SCOPES)).access_token; // the first token lived 2 h
    expect((await post({ text: 'one too many' }, fresh)).status).toBe(201);
  });

  it('shares the 3-hour window with reposts recorded by the state', async () => {
    for (let i = 0; i < 299; i++) emu.state.recordPostOrRepost(ADA_ID);
    expect((await post({ text: 'the 300th' })).status).toBe(201);
    expect((await post({ text: 'the 301st' })).status).toBe(429);
    const grace = await signInAs(GRACE_ID);
    expect((await post({ text: 'the 301st' }, grace)).status).toBe(201);
  });

  it('does not count refused posts against the 3-hour window', async () => {
    for (let i = 0; i < 299; i++) emu.state.recordPostOrRepost(ADA_ID);
    expect((await post({ text: 'x'.repeat(281) })).status).toBe(403);
    expect((await post({})).status).toBe(400);
    expect((await post({ text: 'still allowed' })).status).toBe(201);
  });

  it('answers 429 to the 51st delete in 15 minutes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 51; i++) ids.push((await created({ text: `to delete ${i}` })).id);
    for (let i = 0; i < 50; i++) expect((await remove(ids[i]!)).headers.get('x-rate-limit-limit')).toBe('50');
    expect((await remove(ids[50]!)).status).toBe(429);
  });
});
