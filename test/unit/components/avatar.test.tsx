import { parseHTML } from 'linkedom';
import { act, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Avatar, initialsOf } from '@/components/Avatar';

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
    const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    const g = globalThis as Record<string, unknown>;
    const saved = { window: g.window, document: g.document, navigator: g.navigator, IS_REACT_ACT_ENVIRONMENT: g.IS_REACT_ACT_ENVIRONMENT };
    Object.defineProperty(g, 'navigator', { value: { userAgent: 'node' }, configurable: true, writable: true });
    Object.assign(g, { window, document, IS_REACT_ACT_ENVIRONMENT: true });
    try {
      const { createRoot } = await import('react-dom/client');
      const container = document.getElementById('root') as unknown as Element;
      const root = createRoot(container);
      await act(async () => root.render(createElement(Avatar, { url: 'https://pbs.twimg.com/gone.jpg', name: 'Grace Hopper', size: 40 })));
      const img = container.querySelector('img');
      expect(img).not.toBeNull();
      await act(async () => {
        img!.dispatchEvent(new window.Event('error'));
      });
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('.avatar-initials')?.textContent).toBe('GH');
      await act(async () => root.unmount());
    } finally {
      const { navigator, ...rest } = saved;
      Object.defineProperty(g, 'navigator', { value: navigator, configurable: true, writable: true });
      Object.assign(g, rest);
    }
  });

  it('takes the initials from the first two words, or the username', () => {
    expect(initialsOf('grace brewster hopper')).toBe('GB');
    expect(initialsOf('  ', 'gracehop')).toBe('G');
    expect(initialsOf('Ünal')).toBe('Ü');
  });
});
