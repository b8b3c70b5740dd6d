import { describe, expect, it } from 'vitest';
import { parseXUrl } from '@/lib/x-url';

/**
 * X's post and List ids are 64-bit integers (lib/limits.ts `isXId`): an address naming a larger number shows no post
 * or List X could have, so the popup offers nothing for it and asks X nothing.
 */

describe('an X address whose id is above 2^63 − 1', () => {
  it.each([
    ['https://x.com/jack/status/9999999999999999999'],
    ['https://x.com/jack/status/9223372036854775808'],
    ['https://x.com/i/web/status/9223372036854775808'],
    ['https://x.com/i/status/9300000000000000000/photo/1'],
    ['https://twitter.com/#!/jack/status/9999999999999999999'],
    ['https://x.com/i/lists/9999999999999999999'],
    ['https://x.com/i/lists/9223372036854775808/members'],
  ])('reads %s as another page', (url) => {
    expect(parseXUrl(url)).toEqual({ kind: 'other' });
  });
});

describe('an X address whose id is the largest X has', () => {
  it.each([
    ['https://x.com/jack/status/9223372036854775807', { kind: 'post', postId: '9223372036854775807', username: 'jack' }],
    ['https://x.com/i/lists/9223372036854775807', { kind: 'list', listId: '9223372036854775807' }],
  ])('reads %s as that post or List', (url, shown) => {
    expect(parseXUrl(url)).toEqual(shown);
  });
});
