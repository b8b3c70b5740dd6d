import { describe, expect, it } from 'vitest';
import { parseXUrl, type XUrl } from '@/lib/x-url';

const OTHER: XUrl = { kind: 'other' };

describe('list URLs', () => {
  it.each([
    ['https://x.com/i/lists/1234', '1234'],
    ['https://twitter.com/i/lists/1234', '1234'],
    ['https://x.com/i/lists/1234/', '1234'],
    ['https://x.com/i/lists/1234?s=20#top', '1234'],
    ['https://x.com/i/lists/1234/members', '1234'],
    ['https://x.com/i/lists/1234/followers', '1234'],
    // Kept as the string written: list ids exceed 2^53 like post ids.
    ['https://x.com/i/lists/1866000000000000001', '1866000000000000001'],
  ])('reads %s as list %s', (url, listId) => {
    expect(parseXUrl(url)).toEqual({ kind: 'list', listId });
  });
});

describe('post URLs', () => {
  it.each([
    // Hosts and schemes.
    ['https://x.com/jack/status/20', 'jack', '20'],
    ['https://twitter.com/jack/status/20', 'jack', '20'],
    ['https://mobile.x.com/jack/status/20', 'jack', '20'],
    ['https://mobile.twitter.com/jack/status/20', 'jack', '20'],
    ['https://www.x.com/jack/status/20', 'jack', '20'],
    ['https://www.twitter.com/jack/status/20', 'jack', '20'],
    ['http://x.com/jack/status/20', 'jack', '20'],
    ['http://twitter.com/jack/status/20', 'jack', '20'],
    ['https://X.COM/jack/status/20', 'jack', '20'],
    ['https://Mobile.Twitter.Com/jack/status/20', 'jack', '20'],
    ['https://x.com:443/jack/status/20', 'jack', '20'],
    // Legacy forms.
    ['https://twitter.com/jack/statuses/20', 'jack', '20'],
    ['https://twitter.com/#!/jack/status/20', 'jack', '20'],
    ['https://twitter.com/#!/jack/statuses/20', 'jack', '20'],
    ['http://twitter.com/#!/jack/status/20?ref=old', 'jack', '20'],
    // Trailing slash, query, fragment.
    ['https://x.com/jack/status/20/', 'jack', '20'],
    ['https://x.com/jack/status/20?s=20&t=abc', 'jack', '20'],
    ['https://x.com/jack/status/20#top', 'jack', '20'],
    ['https://x.com/jack/status/20/?s=46#m', 'jack', '20'],
    // Views of a post.
    ['https://x.com/jack/status/20/photo/1', 'jack', '20'],
    ['https://x.com/jack/status/20/photo/2', 'jack', '20'],
    ['https://x.com/jack/status/20/photo/3', 'jack', '20'],
    ['https://x.com/jack/status/20/photo/4', 'jack', '20'],
    ['https://x.com/jack/status/20/video/1', 'jack', '20'],
    ['https://x.com/jack/status/20/analytics', 'jack', '20'],
    ['https://x.com/jack/status/20/likes', 'jack', '20'],
    ['https://x.com/jack/status/20/retweets', 'jack', '20'],
    ['https://x.com/jack/status/20/quotes', 'jack', '20'],
    ['https://x.com/jack/status/20/history', 'jack', '20'],
    ['https://x.com/jack/status/20/retweets/with_comments', 'jack', '20'],
    ['https://x.com/jack/status/20/photo/1/anything/else?x=1', 'jack', '20'],
    ['https://x.com/jack/status/20/likes/', 'jack', '20'],
    // Usernames kept as written.
    ['https://x.com/Jack/status/20', 'Jack', '20'],
    ['https://x.com/NASA/status/1', 'NASA', '1'],
    ['https://x.com/a/status/5', 'a', '5'],
    ['https://x.com/_/status/5', '_', '5'],
    ['https://x.com/123/status/5', '123', '5'],
    ['https://x.com/abcdefghijklmno/status/5', 'abcdefghijklmno', '5'],
    ['https://x.com/Under_Score_99/status/5', 'Under_Score_99', '5'],
    // Handles that merely resemble routes.
    ['https://x.com/homer/status/7', 'homer', '7'],
    ['https://x.com/i_am/status/7', 'i_am', '7'],
    ['https://x.com/searching/status/7', 'searching', '7'],
    // Ids.
    ['https://x.com/jack/status/1234567890123456789', 'jack', '1234567890123456789'],
    ['https://x.com/elonmusk/status/1585341984679469056', 'elonmusk', '1585341984679469056'],
    ['https://x.com/jack/status/9223372036854775807', 'jack', '9223372036854775807'],
    ['https://x.com/jack/status/9999999999999999999', 'jack', '9999999999999999999'],
  ])('reads %s as a post by @%s with id %s', (url, username, postId) => {
    expect(parseXUrl(url)).toStrictEqual({ kind: 'post', postId, username });
  });
});

describe('post URLs without an author', () => {
  it.each([
    ['https://x.com/i/web/status/20', '20'],
    ['https://twitter.com/i/web/status/20', '20'],
    ['https://mobile.x.com/i/web/status/20/', '20'],
    ['https://x.com/i/status/20', '20'],
    ['https://x.com/i/status/20?s=20#frag', '20'],
    ['https://x.com/i/status/20/photo/1', '20'],
    ['https://x.com/i/web/status/20/video/1', '20'],
    ['https://x.com/i/web/status/20/quotes', '20'],
    ['https://twitter.com/#!/i/web/status/20', '20'],
    ['https://x.com/i/status/1234567890123456789', '1234567890123456789'],
  ])('reads %s as post %s with no username', (url, postId) => {
    const result = parseXUrl(url);
    expect(result).toStrictEqual({ kind: 'post', postId });
    expect(result).not.toHaveProperty('username');
  });
});

describe('profile URLs', () => {
  it.each([
    ['https://x.com/jack', 'jack'],
    ['https://x.com/jack/', 'jack'],
    ['https://twitter.com/jack', 'jack'],
    ['https://mobile.twitter.com/jack', 'jack'],
    ['https://www.x.com/jack', 'jack'],
    ['http://x.com/jack', 'jack'],
    ['https://X.com/Jack', 'Jack'],
    ['https://x.com/jack?lang=en', 'jack'],
    ['https://x.com/jack#bio', 'jack'],
    ['https://x.com/jack/?ref_src=twsrc', 'jack'],
    ['https://twitter.com/#!/jack', 'jack'],
    ['https://x.com/abcdefghijklmno', 'abcdefghijklmno'],
    ['https://x.com/_', '_'],
    ['https://x.com/1234', '1234'],
    ['https://x.com/jack/with_replies', 'jack'],
    ['https://x.com/jack/media', 'jack'],
    ['https://x.com/jack/likes', 'jack'],
    ['https://x.com/jack/highlights', 'jack'],
    ['https://x.com/jack/articles', 'jack'],
    ['https://x.com/jack/followers', 'jack'],
    ['https://x.com/jack/following', 'jack'],
    ['https://x.com/jack/verified_followers', 'jack'],
    ['https://x.com/jack/followers_you_follow', 'jack'],
    ['https://x.com/jack/lists', 'jack'],
    ['https://x.com/jack/lists/', 'jack'],
    ['https://x.com/jack/photo', 'jack'],
    ['https://x.com/jack/header_photo', 'jack'],
    ['https://x.com/jack/media?s=1#x', 'jack'],
    ['https://x.com/homepage', 'homepage'],
    ['https://x.com/explorer', 'explorer'],
  ])('reads %s as the profile of @%s', (url, username) => {
    expect(parseXUrl(url)).toStrictEqual({ kind: 'profile', username });
  });
});

describe('anything else', () => {
  it.each([
    // Not URLs, or not web pages.
    ['', 'the empty string'],
    ['   ', 'blanks'],
    ['x.com/jack', 'no scheme'],
    ['//x.com/jack', 'a scheme-relative URL'],
    ['jack', 'a bare word'],
    ['https://', 'a scheme alone'],
    ['javascript:alert(1)//x.com/jack/status/20', 'javascript:'],
    ['data:text/html,https://x.com/jack', 'data:'],
    ['chrome://settings', 'chrome://'],
    ['chrome-extension://abcdef/popup.html', 'an extension page'],
    ['about:blank', 'about:blank'],
    ['file:///x.com/jack/status/20', 'file:'],
    ['ftp://x.com/jack/status/20', 'ftp:'],
    ['wss://x.com/jack', 'a WebSocket URL'],
    ['view-source:https://x.com/jack', 'view-source:'],
    // Other hosts.
    ['https://x.com.evil.example/jack/status/20', 'a look-alike suffix'],
    ['https://evilx.com/jack/status/20', 'a look-alike prefix'],
    ['https://x.co/jack/status/20', 'x.co'],
    ['https://t.co/abc123', 't.co'],
    ['https://pic.x.com/abc123', 'pic.x.com'],
    ['https://api.x.com/2/tweets/20', 'the API host'],
    ['https://help.x.com/en', 'help.x.com'],
    ['https://m.twitter.com/jack', 'an unknown subdomain'],
    ['https://mobile.www.x.com/jack', 'a nested subdomain'],
    ['https://x.com./jack', 'a fully qualified host'],
    ['https://x.com:8443/jack/status/20', 'a non-default port'],
    ['https://x.com@evil.example/jack/status/20', 'credentials pointing elsewhere'],
    ['https://example.com/?u=https://x.com/jack/status/20', 'an X URL in a query'],
    ['https://nitter.net/jack/status/20', 'a mirror'],
    // X routes.
    ['https://x.com/', 'the root'],
    ['https://x.com', 'the bare host'],
    ['https://x.com/home', 'the home timeline'],
    ['https://x.com/explore', 'explore'],
    ['https://x.com/notifications', 'notifications'],
    ['https://x.com/messages', 'messages'],
    ['https://x.com/search?q=perch', 'a search'],
    ['https://x.com/hashtag/perch', 'a hashtag'],
    ['https://x.com/settings/account', 'settings'],
    ['https://x.com/i/bookmarks', '/i/bookmarks'],
    ['https://x.com/i/lists', 'the lists page'],
    ['https://x.com/i/lists/create', 'a list route that is no id'],
    ['https://x.com/i/lists/0123', 'a list id with a leading zero'],
    ['https://x.com/i/lists/12345678901234567890', 'a 20-digit list id'],
    ['https://x.com/i/lists/1234/unknown', 'an unknown list tab'],
    ['https://x.com/i/lists/1234/members/extra', 'a list tab with more after it'],
    ['https://x.com/i/status', '/i/status without id'],
    ['https://x.com/i/web/status', '/i/web/status without id'],
    ['https://x.com/i/web/jack/status/20', '/i/web with a handle'],
    ['https://x.com/compose/post', 'the composer'],
    ['https://x.com/intent/post?text=hi', 'a web intent'],
    ['https://x.com/Home', 'a route in another case'],
    ['https://x.com/home/status/20', 'a route used as a handle'],
    ['https://x.com/I/status/20', '/I/status in capitals'],
    ['https://twitter.com/#!/home', 'a hashbang route'],
    ['https://twitter.com/#!jack', 'a hashbang without slash'],
    // Malformed post URLs.
    ['https://x.com/jack/status', 'status without id'],
    ['https://x.com/jack/status/', 'status with an empty id'],
    ['https://x.com/jack/status/abc', 'a letter id'],
    ['https://x.com/jack/status/12a', 'an id with a letter'],
    ['https://x.com/jack/status/-20', 'a negative id'],
    ['https://x.com/jack/status/+20', 'a signed id'],
    ['https://x.com/jack/status/0', 'a zero id'],
    ['https://x.com/jack/status/020', 'a leading zero'],
    ['https://x.com/jack/status/1.5', 'a decimal id'],
    ['https://x.com/jack/status/1e5', 'an exponent id'],
    ['https://x.com/jack/status/%32%30', 'a percent-encoded id'],
    ['https://x.com/jack/status/12345678901234567890', 'a 20-digit id'],
    ['https://x.com/jack/status/１２', 'full-width digits'],
    ['https://x.com/jack/status/20/photo', 'a photo without index'],
    ['https://x.com/jack/status/20/photo/0', 'photo 0'],
    ['https://x.com/jack/status/20/photo/5', 'photo 5'],
    ['https://x.com/jack/status/20/video/2', 'video 2'],
    ['https://x.com/jack/status/20/unknown', 'an unknown post view'],
    ['https://x.com/jack/status/20//', 'a double trailing slash'],
    ['https://x.com/jack/Status/20', 'Status in capitals'],
    ['https://x.com/jack/tweet/20', 'a wrong keyword'],
    ['https://x.com//jack/status/20', 'an empty first segment'],
    ['https://x.com/jack//status/20', 'an empty middle segment'],
    // Malformed handles.
    ['https://x.com/abcdefghijklmnop', 'a 16-character handle'],
    ['https://x.com/abcdefghijklmnop/status/20', 'a 16-character handle on a post'],
    ['https://x.com/jack-dorsey', 'a hyphen'],
    ['https://x.com/jack.dorsey/status/20', 'a dot'],
    ['https://x.com/%6Aack', 'a percent-encoded handle'],
    ['https://x.com/jäck', 'a non-ASCII handle'],
    ['https://x.com/@jack', 'an at sign'],
    // Profile subpages that are not tabs.
    ['https://x.com/jack/lists/mine', 'a list under a profile'],
    ['https://x.com/jack/media/extra', 'a tab with more after it'],
    ['https://x.com/jack/unknown', 'an unknown tab'],
    ['https://x.com/jack/Media', 'a tab in capitals'],
    ['https://x.com/jack//', 'a double trailing slash'],
  ])('reads %s as other (%s)', (url) => {
    expect(parseXUrl(url)).toStrictEqual(OTHER);
  });

  it.each([undefined, null, 42, {}, [], Symbol('x')])('never throws on a non-string (%s)', (input) => {
    expect(parseXUrl(input as string)).toStrictEqual(OTHER);
  });
});
