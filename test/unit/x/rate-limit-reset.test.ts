import { describe, expect, it } from 'vitest';
import { likePost } from '@/lib/x/likes';
import { ME, scripted, xErrorOf } from './support';

/** A 429 whose headers name no full window still says when to try again (x-api--fundamentals--rate-limits). */
const refused = (headers: Record<string, string>) => ({ status: 429, body: { title: 'Too Many Requests' }, headers });
const DATE = 'Thu, 03 Dec 2026 14:00:00 GMT';
const DATE_S = Date.parse(DATE) / 1000;

describe('the reset of a 429 with only some of its rate-limit headers', () => {
  it('is x-rate-limit-reset, sent without limit and remaining', async () => {
    const { client } = scripted(refused({ 'x-rate-limit-reset': '1894700000' }));
    const error = await xErrorOf(likePost(client, ME, '1'));
    expect([error.kind, error.rateLimitReset, error.rateLimit]).toEqual(['rate-limited', 1894700000, undefined]);
  });

  it('is Retry-After in seconds, counted from X’s Date', async () => {
    const { client } = scripted(refused({ 'retry-after': '120', date: DATE }));
    expect((await xErrorOf(likePost(client, ME, '1'))).rateLimitReset).toBe(DATE_S + 120);
  });

  it('is Retry-After as an HTTP-date, or the later of it and x-rate-limit-reset', async () => {
    const later = 'Thu, 03 Dec 2026 14:30:00 GMT';
    const { client } = scripted(refused({ 'retry-after': later }), refused({ 'retry-after': later, 'x-rate-limit-reset': String(DATE_S) }));
    expect((await xErrorOf(likePost(client, ME, '1'))).rateLimitReset).toBe(Date.parse(later) / 1000);
    expect((await xErrorOf(likePost(client, ME, '1'))).rateLimitReset).toBe(Date.parse(later) / 1000);
  });

  it('is none when the headers say nothing readable', async () => {
    const { client } = scripted(refused({ 'x-rate-limit-reset': 'soon', 'retry-after': 'later' }));
    expect((await xErrorOf(likePost(client, ME, '1'))).rateLimitReset).toBeUndefined();
  });
});
