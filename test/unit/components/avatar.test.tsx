import { act, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Avatar, initialsOf } from '@/components/Avatar';
import { renderInPage } from '../support/react-page';

describe('Avatar', () => {
  it('shows the picture while it loads', () => {
    const html = renderToStaticMarkup(<Avatar url="https://pbs.twimg.com/a.jpg" name="Ada Lovelace" size={32} />);
    expect(html).toContain('<img');
    expect(html).toContain('src="https://pbs.twimg.com/a.jpg"');
  });

  it('shows the initials when there is no picture', () => {
    const html = renderToStaticMarkup(<Avatar url={undefined} name="Ada Lovelace" size={32} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('>AL</span>');
  });

  it('falls back to the initials when the picture fails to load, not a broken image', async () => {
    const page = await renderInPage(createElement(Avatar, { url: 'https://pbs.twimg.com/gone.jpg', name: 'Grace Hopper', size: 40 }));
    const { window, container } = page;
    try {
      const img = container.querySelector('img');
      expect(img).not.toBeNull();
      await act(async () => {
        img!.dispatchEvent(new window.Event('error'));
      });
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('.avatar-initials')?.textContent).toBe('GH');
    } finally {
      await page.leave();
    }
  });

  it('takes the initials from the first two words, or the username', () => {
    expect(initialsOf('grace brewster hopper')).toBe('GB');
    expect(initialsOf('  ', 'gracehop')).toBe('G');
    expect(initialsOf('Ünal')).toBe('Ü');
  });
  it('draws whole letters, never half an emoji, and skips what is not a letter or digit', () => {
    const broken = (s: string) => /[\uD800-\uDFFF]|\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s);
    expect(initialsOf('H 🤖')).toBe('H');
    expect(initialsOf('副業で月100万 💴')).toBe('副');
    expect(initialsOf('👩‍💻 Grace Hopper')).toBe('GH');
    expect(initialsOf('🇯🇵 Ada')).toBe('A');
    expect(initialsOf('Ada e\u0301mile')).toBe('AE\u0301');
    expect(initialsOf('🤖', 'gracehop')).toBe('G');
    expect(initialsOf('💴 ✨')).toBe('?');
    for (const name of ['H 🤖', '副業で月100万 💴', '👩‍💻 Grace Hopper', '🇯🇵 Ada']) expect(broken(initialsOf(name))).toBe(false);
  });
});
