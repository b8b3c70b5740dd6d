import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Avatar } from '@/components/Avatar';
import { MediaThumbs } from '@/components/manager/bookmarks/MediaThumbs';

// An answer from X (or a stored row someone changed) may name a picture anywhere. Perch shows pictures from X's image
// hosts only (as its pages' Content Security Policy allows): another host would learn who looks at whom and when, and
// another scheme is no picture at all. Such a picture is never put on the page; the initials, or the media's kind,
// show instead, as for a picture that failed to load.
const FOREIGN = [
  ['another host', 'https://tracker.example/pixel.png'],
  ['a host that only starts like X’s', 'https://pbs.twimg.com.tracker.example/a.jpg'],
  ['credentials before X’s host', 'https://pbs.twimg.com@tracker.example/a.jpg'],
  ['plain http on X’s host', 'http://pbs.twimg.com/profile_images/1/a.jpg'],
  ['a javascript: address', 'javascript:alert(document.domain)'],
  ['a data: address', 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ['no address at all', 'not a url'],
] as const;

describe('pictures named by X’s answers', () => {
  it.each(FOREIGN)('shows the initials, not a picture, for %s', (_, url) => {
    const html = renderToStaticMarkup(<Avatar url={url} name="Mallory Tracker" size={32} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('>MT</span>');
  });

  it.each(FOREIGN)('shows the media’s kind, not a picture, for %s', (_, url) => {
    const html = renderToStaticMarkup(<MediaThumbs media={[{ key: '3_9', type: 'photo', url, previewUrl: url }]} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('aria-label="Image"');
  });

  it('shows pictures from X’s image hosts', () => {
    const avatar = renderToStaticMarkup(
      <Avatar url="https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png" name="A" size={32} />,
    );
    expect(avatar).toContain('src="https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"');
    const thumbs = renderToStaticMarkup(
      <MediaThumbs
        media={[
          {
            key: '7_1',
            type: 'video',
            url: 'https://tracker.example/v.mp4',
            previewUrl: 'https://pbs.twimg.com/ext_tw_video_thumb/1/a.jpg',
          },
        ]}
      />,
    );
    expect(thumbs).toContain('src="https://pbs.twimg.com/ext_tw_video_thumb/1/a.jpg"');
    expect(thumbs).not.toContain('tracker.example');
  });
});
