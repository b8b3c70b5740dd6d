import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostMedia } from '@/components/PostMedia';
import type { EditablePost } from '@/components/use-draft';
import { readInJapanese } from '../locales/in-japanese';

/**
 * The composer offers "Add description" for an image or a GIF and offered nothing for a video, with no word why: X's
 * media metadata documents descriptions of images and GIFs only (POST media/metadata/create, "currently only
 * supported for images and GIFs"; POST /2/media/metadata's AltText says nothing of videos). A video now says so
 * beside it, in one line.
 */

const file = (id: string, name: string, type: string, extra: Partial<EditablePost['media'][number]> = {}) => ({
  id,
  name,
  type,
  size: 10,
  ...extra,
});

/** Each attached file's row as a person reads it: its words, buttons' visible words included. */
function rows(): string[] {
  const html = renderToStaticMarkup(
    <PostMedia
      media={[
        file('1', 'cat.png', 'image/png'),
        file('2', 'dance.gif', 'image/gif'),
        file('3', 'clip.mp4', 'video/mp4', { durationSecs: 5 }),
      ]}
      index={0}
      onRemove={() => undefined}
      onAlt={() => undefined}
    />,
  );
  return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('a video in the composer says why it has no description', () => {
  it('says X takes descriptions of images and GIFs only beside the video, and offers Add description for the others', () => {
    const [image, gif, video] = rows();
    expect(image).toContain('Add description');
    expect(gif).toContain('Add description');
    expect(video).toContain('X takes descriptions of images and GIFs only, not of videos.');
    expect(video).not.toContain('Add description');
    expect(image).not.toContain('not of videos');
  });

  it('says it in Japanese when Perch speaks Japanese', () => {
    readInJapanese();
    expect(rows()[2]).toContain('Xが説明を受け付けるのは画像とGIFだけで、動画には付けられません。');
  });
});
