/**
 * The composer's media rules, before anything is stored or sent: X's 4 images, or 1 GIF, or 1 video per post
 * (x-api--media--quickstart--best-practices), and image descriptions (alt text): once added, not blank, and at most
 * X's 1000 characters (createMediaMetadata's AltText).
 */
import { describe, expect, it } from 'vitest';
import { clockLength, pickMedia, roomForMedia, whyCannotPost, whyVideoRefused, withAlt } from '@/components/compose-rules';
import type { EditablePost } from '@/components/use-draft';

const png = (n: number, alt?: string) => ({
  id: `png-${n}`,
  name: `photo${n}.png`,
  type: 'image/png',
  size: 10,
  ...(alt !== undefined ? { alt } : {}),
});
const gif = (n: number) => ({ id: `gif-${n}`, name: `wave${n}.gif`, type: 'image/gif', size: 10 });
const video = (n: number) => ({ id: `video-${n}`, name: `clip${n}.mp4`, type: 'video/mp4', size: 10, durationSecs: 5 });
const post = (text: string, media: EditablePost['media'] = []): EditablePost => ({ text, media });
const file = (name: string, type: string) => ({ name, type });

describe('X’s media rule in the composer', () => {
  it.each([
    ['a GIF with an image', [post('hi', [png(1), gif(1)])]],
    ['an image with a GIF', [post('', [gif(1), png(1)])]],
    ['two GIFs', [post('', [gif(1), gif(2)])]],
  ])('refuses %s in one post, saying why', (_case, posts) => {
    expect(whyCannotPost(posts)).toBe('a GIF goes in a post on its own: X takes up to 4 images, or 1 GIF, or 1 video.');
  });

  it('names the post of a thread that mixes them', () => {
    expect(whyCannotPost([post('one', [gif(1)]), post('two', [png(1), gif(2)])])).toBe(
      'Post 2: a GIF goes in a post on its own: X takes up to 4 images, or 1 GIF, or 1 video.',
    );
  });

  it.each([
    ['one GIF', [post('', [gif(1)])]],
    ['four images', [post('', [png(1), png(2), png(3), png(4)])]],
    ['a GIF in one post and images in the next', [post('', [gif(1)]), post('', [png(1), png(2)])]],
  ])('lets %s be posted', (_case, posts) => {
    expect(whyCannotPost(posts)).toBeUndefined();
  });

  it.each([
    ['a GIF to a post with an image', [png(1)], [file('wave.gif', 'image/gif')], [], 'wave.gif'],
    ['an image to a post with a GIF', [gif(1)], [file('photo.png', 'image/png')], [], 'photo.png'],
    ['a GIF picked with an image', [], [file('photo.png', 'image/png'), file('wave.gif', 'image/gif')], ['photo.png'], 'wave.gif'],
    ['an image picked after a GIF', [], [file('wave.gif', 'image/gif'), file('photo.png', 'image/png')], ['wave.gif'], 'photo.png'],
  ])('refuses to attach %s before anything is stored', (_case, media, files, taken, refused) => {
    const picked = pickMedia(post('', media), files);
    expect(picked.take.map((f) => f.name)).toEqual(taken);
    expect(picked.refused).toEqual({ name: refused, why: 'gif-alone' });
  });

  it.each([
    ['a video to a post with an image', [png(1)], [file('clip.mp4', 'video/mp4')]],
    ['a video to a post with a GIF', [gif(1)], [file('clip.mov', 'video/quicktime')]],
    ['an image to a post with a video', [video(1)], [file('photo.png', 'image/png')]],
    ['a GIF to a post with a video', [video(1)], [file('wave.gif', 'image/gif')]],
    ['a second video', [video(1)], [file('clip2.mp4', 'video/mp4')]],
  ])('refuses to attach %s, saying a video goes alone', (_case, media, files) => {
    const picked = pickMedia(post('', media), files);
    expect(picked.take).toEqual([]);
    expect(picked.refused).toEqual({ name: files[0]!.name, why: 'video-alone' });
  });

  it.each([
    [
      'a video with an image',
      [post('hi', [png(1), video(1)])],
      'a video goes in a post on its own: X takes up to 4 images, or 1 GIF, or 1 video.',
    ],
    [
      'a GIF with a video',
      [post('', [gif(1), video(1)])],
      'a video goes in a post on its own: X takes up to 4 images, or 1 GIF, or 1 video.',
    ],
    [
      'a video with an image in post 2',
      [post('one', [video(1)]), post('two', [png(1), video(2)])],
      'Post 2: a video goes in a post on its own: X takes up to 4 images, or 1 GIF, or 1 video.',
    ],
  ])('refuses to post %s', (_case, posts, words) => {
    expect(whyCannotPost(posts)).toBe(words);
  });

  it('lets one video be posted alone, and offers Add image no more once a post has one', () => {
    expect(whyCannotPost([post('', [video(1)])])).toBeUndefined();
    expect(roomForMedia(post('', [video(1)]))).toBe(false);
  });

  it('takes images up to four, and says nothing is refused for the rule when only the count is over', () => {
    const picked = pickMedia(
      post('', [png(1), png(2)]),
      ['a', 'b', 'c'].map((n) => file(`${n}.png`, 'image/png')),
    );
    expect(picked).toEqual({ take: [file('a.png', 'image/png'), file('b.png', 'image/png')] });
    expect(pickMedia(post(''), [file('wave.gif', 'image/gif')])).toEqual({ take: [file('wave.gif', 'image/gif')] });
  });

  it('offers Add image only while the post has room: under four images and no GIF', () => {
    expect(roomForMedia(post('', [png(1), png(2), png(3)]))).toBe(true);
    expect(roomForMedia(post('', [png(1), png(2), png(3), png(4)]))).toBe(false);
    expect(roomForMedia(post('', [gif(1)]))).toBe(false);
  });
});

describe('image descriptions in the composer', () => {
  it.each([
    ['empty', ''],
    ['only spaces and line breaks', ' \n\t '],
  ])('refuses a description that was added and left %s', (_case, alt) => {
    expect(whyCannotPost([post('hi', [png(1, alt)])])).toBe('the description of photo1.png is empty: write one or remove it.');
  });

  it('refuses one over X’s 1000 characters, counting an emoji as one', () => {
    expect(whyCannotPost([post('hi', [png(1, '🐦'.repeat(1000))])])).toBeUndefined();
    expect(whyCannotPost([post('hi', [png(1, '🐦'.repeat(1001))])])).toBe(
      'the description of photo1.png is longer than X’s 1,000 characters.',
    );
  });

  it('names the post of a thread whose description is blank', () => {
    expect(whyCannotPost([post('one'), post('two', [png(1), png(2, ' ')])])).toBe(
      'Post 2: the description of photo2.png is empty: write one or remove it.',
    );
  });

  it('lets an image without a description, or with one written, be posted', () => {
    expect(whyCannotPost([post('', [png(1), png(2, 'A robin on a fence')])])).toBeUndefined();
  });

  it('sets, changes and removes the description of one image only', () => {
    const thread = [post('one', [png(1), png(2)]), post('two', [png(3)])];
    const set = withAlt(thread, 0, 'png-2', 'A wren');
    expect(set[0]!.media.map((m) => m.alt)).toEqual([undefined, 'A wren']);
    expect(set[1]).toBe(thread[1]);
    const removed = withAlt(set, 0, 'png-2', undefined);
    expect(removed[0]!.media[1]).not.toHaveProperty('alt');
  });
});

describe('a video’s limits in the composer, read before it is stored', () => {
  const clip = (size = 1000, type = 'video/mp4') => ({ name: 'clip.mp4', type, size });

  it.each([
    ['half a second', 0.5],
    ['140 seconds', 140],
    ['a minute', 60],
  ])('takes a video of %s', (_case, secs) => {
    expect(whyVideoRefused(clip(), secs)).toBeUndefined();
  });

  it.each([
    [
      'longer than 140 seconds',
      140.4,
      '\u2068clip.mp4\u2069 was not added: it lasts 140.4 seconds, and X takes videos of 0.5 to 140 seconds.',
    ],
    [
      'shorter than half a second',
      0.3,
      '\u2068clip.mp4\u2069 was not added: it lasts 0.3 seconds, and X takes videos of 0.5 to 140 seconds.',
    ],
  ])('refuses a video %s, saying how long it is and what X takes', (_case, secs, words) => {
    expect(whyVideoRefused(clip(), secs)).toBe(words);
  });

  it('refuses a video over 512 MB, and one the browser could not read', () => {
    expect(whyVideoRefused(clip(512 * 1024 * 1024 + 1), 10)).toBe(
      '\u2068clip.mp4\u2069 was not added: it is larger than X’s 512 MB limit for videos.',
    );
    expect(whyVideoRefused(clip(512 * 1024 * 1024), 10)).toBeUndefined();
    expect(whyVideoRefused(clip(), undefined)).toBe(
      '\u2068clip.mp4\u2069 was not added: Perch could not read it as a video. X takes MP4 or MOV videos.',
    );
    expect(whyVideoRefused(clip(1000, 'video/webm'), 10)).toContain('could not read it as a video');
  });

  it('shows a video’s length as a clock does', () => {
    expect([0.5, 5, 59.6, 140].map(clockLength)).toEqual(['0:01', '0:05', '1:00', '2:20']);
  });
});
