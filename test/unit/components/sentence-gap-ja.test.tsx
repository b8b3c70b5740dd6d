import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostOnX } from '@/components/ThreadPostTools';
import { readInJapanese } from '../locales/in-japanese';

/**
 * A sentence followed by its link or button: English puts a space between them, Japanese none after its 。
 * (as `join_sentences` sets two sentences), so a Japanese reader never sees "。 " before "Xで見る".
 */
const text = (html: string) => parseHTML(`<main>${html}</main>`).document.querySelector('p')!.textContent;

describe('the gap between a sentence and the link after it', () => {
  it('is a space in English', () => {
    expect(text(renderToStaticMarkup(<PostOnX index={0} id="1460323737035677698" username="ada" />))).toBe(
      'Post 1 is already on X. View post 1 on X',
    );
  });

  it('is nothing after a Japanese 。', () => {
    readInJapanese();
    const said = text(renderToStaticMarkup(<PostOnX index={0} id="1460323737035677698" username="ada" />));
    expect(said).toMatch(/^ポスト1はすでにXにあります。\S/);
    expect(said).not.toContain('。 ');
  });
});
