import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MediaThumbs } from '@/components/manager/bookmarks/MediaThumbs';

const described = { key: '3_1', type: 'photo', url: 'https://pbs.twimg.com/media/a.jpg', altText: 'A moth in a logbook' };
const plain = { key: '3_2', type: 'photo', url: 'https://pbs.twimg.com/media/b.jpg' };

describe('a post’s pictures (the popup’s card, a bookmark’s card)', () => {
  it('carry X’s description as alt, with an ALT badge that shows it, closed at first', () => {
    const html = renderToStaticMarkup(<MediaThumbs media={[described, plain]} />);
    expect(html).toContain('alt="A moth in a logbook"');
    const badges = html.match(/<button[^>]*>ALT<\/button>/g) ?? [];
    expect(badges).toHaveLength(1);
    expect(badges[0]).toContain('aria-label="ALT: image description"');
    expect(badges[0]).toContain('aria-expanded="false"');
    // The description shows once the badge is pressed, not before.
    expect(html).not.toContain('>A moth in a logbook<');
  });

  it('has no badge for a picture without a description', () => {
    const html = renderToStaticMarkup(<MediaThumbs media={[plain]} />);
    expect(html).toContain('alt=""');
    expect(html).not.toContain('ALT');
  });
});
