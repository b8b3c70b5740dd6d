import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostUnavailable } from '@/entrypoints/popup/PostUnavailable';
import { readInJapanese } from '../locales/in-japanese';

/** The popup's post X did not find: said by kind (lib/reply-words.ts), in the reader's language. */

const render = (error: Parameters<typeof PostUnavailable>[0]['error']) =>
  renderToStaticMarkup(<PostUnavailable postId="1460323737035677698" error={error} onRetry={() => undefined} />);
const alertOf = (html: string) => /<p class="notice" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
const notFound = { kind: 'not-found', message: '', replyWords: { kind: 'post-not-found' as const } };

describe('the popup, for a post X did not find', () => {
  // X answers a deleted post and a protected account's alike (x-api--posts--lookup--integrate, "Deleted or protected
  // Posts"), so the sentence names both.
  it('says X could not find it, and that it may have been deleted or its account protected', () => {
    expect(alertOf(render(notFound))).toBe('X could not find this post: it may have been deleted, or its account is protected.');
  });

  it('says so in Japanese to a Japanese reader', () => {
    readInJapanese();
    expect(alertOf(render(notFound))).toBe('Xでこのポストが見つかりませんでした。削除されたか、アカウントが非公開の可能性があります。');
  });

  it('says Perch could not load it when the words are not Perch’s, or there are none', () => {
    expect(alertOf(render({ kind: 'not-found', message: '', replyWords: { kind: 'elsewhere' } as never }))).toBe(
      'Perch could not load this post.',
    );
    expect(alertOf(render(undefined))).toBe('Perch could not load this post.');
  });

  // The reply's data is not checked on its way: a message that is no sentence is never shown as one, nor crashes.
  it.each([
    ['blank', '  '],
    ['an object', { text: 'X could not find it' }],
    ['too long to be a sentence', 'a'.repeat(4001)],
  ])('says Perch could not load it when X’s message is %s', (_, message) => {
    expect(alertOf(render({ kind: 'unavailable', message: message as string }))).toBe('Perch could not load this post.');
  });

  it('shows the background’s message for X’s answer', () => {
    expect(alertOf(render({ kind: 'unavailable', message: 'X is not answering right now.' }))).toBe('X is not answering right now.');
  });

  // X's words quoted in the message may carry direction controls: isolated, as the Activity log shows stored words.
  it('isolates a message that holds a direction control, so it cannot reorder what is shown around it', () => {
    expect(alertOf(render({ kind: 'unavailable', message: 'X said: “\u202Edetaerc\u2069”' }))).toBe('\u2068X said: “\u202Edetaerc”\u2069');
  });
});
