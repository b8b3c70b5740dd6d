import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReplyRefusedNotice } from '@/components/ComposerNotices';
import { readInJapanese } from '../locales/in-japanese';

/**
 * The notice kept with a draft after X refused a later post of its thread as a reply: X's reason is X's words, quoted
 * as X's and isolated, so a U+202E (RIGHT-TO-LEFT OVERRIDE) in it cannot reverse Perch's sentence after it.
 */

const OVERRIDE = 'Replies are \u202Eclosed';

/** The notice's alert as text, for X's refusal of post 3 (index 2) with `reason`. */
function alertText(reason?: string): string {
  const html = renderToStaticMarkup(
    <ReplyRefusedNotice refused={{ index: 2, ...(reason ? { reason } : {}) }} onPostSeparately={() => undefined} />,
  );
  const alert = /<p role="alert">(.*?)<\/p>/.exec(html)?.[1] ?? '';
  return alert.replace(/<[^>]+>/g, '');
}

describe('the notice of a reply X refused', () => {
  it('quotes X’s reason as X’s, isolated, between what happened and what stays', () => {
    expect(alertText(OVERRIDE)).toBe(
      'X refused post 3 of your thread as a reply to post 2. X said: “\u2068Replies are \u202Eclosed\u2069” Posts 1 to 2 stay on X. ' +
        'Post 3 and the ones after it are kept here as your draft: you can post them as separate posts instead, each on its own ' +
        'rather than as a reply.',
    );
  });

  it('says what happened and what stays when X gave no reason', () => {
    expect(alertText()).toMatch(/^X refused post 3 of your thread as a reply to post 2\. Posts 1 to 2 stay on X\. /);
  });

  it('reads in Japanese with X’s words still X’s, and no space after 。 or 」', () => {
    readInJapanese();
    expect(alertText(OVERRIDE)).toBe(
      'Xは、スレッドのポスト3をポスト2への返信として受け付けませんでした。Xのメッセージ:「\u2068Replies are \u202Eclosed\u2069」' +
        'ポスト1〜2はXに残ります。ポスト3以降は下書きとしてここに残してあります。返信ではなく、それぞれ単独のポストとして投稿することもできます。',
    );
  });
});
