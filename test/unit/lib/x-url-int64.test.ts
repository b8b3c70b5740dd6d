import { describe, expect, it } from 'vitest';
import { parseXUrl } from '@/lib/x-url';

/**
 * X's post and List ids are 1 to 19 digits (openapi.json `TweetId`, `ListId`), written without leading zeros, and
 * 64-bit unsigned (fundamentals--x-ids), so past 2^63 − 1 too (lib/limits.ts `isXId`). An address naming an id X
 * cannot have shows no post or List, so the popup offers nothing for it and asks X nothing; any id X can have is read.
 */

describe('an X address whose id X cannot have', () => {
  it.each([
    ['https://x.com/jack/status/10765432100123456789'],
    ['https://x.com/i/web/status/12345678901234567890'],
    ['https://x.com/jack/status/0123456789'],
    ['https://twitter.com/#!/jack/status/10765432100123456789'],
    ['https://x.com/i/lists/12345678901234567890'],
    ['https://x.com/i/lists/0123/members'],
  ])('reads %s as another page', (url) => {
    expect(parseXUrl(url)).toEqual({ kind: 'other' });
  });
});

describe('an X address whose id is past 2^63 − 1, which X’s unsigned ids reach', () => {
  it.each([
    ['https://x.com/jack/status/9223372036854775808', { kind: 'post', postId: '9223372036854775808', username: 'jack' }],
    ['https://x.com/jack/status/9999999999999999999', { kind: 'post', postId: '9999999999999999999', username: 'jack' }],
    ['https://x.com/i/lists/9999999999999999999', { kind: 'list', listId: '9999999999999999999' }],
  ])('reads %s as that post or List', (url, shown) => {
    expect(parseXUrl(url)).toEqual(shown);
  });
});
