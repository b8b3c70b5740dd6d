import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { whyCannotPost } from '@/components/compose-rules';
import { Composer } from '@/components/Composer';
import type { DraftView } from '@/lib/messaging';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, withComposerStubs } from '../support/react-page';

/**
 * A quote post carries no images or videos: X's description makes `media` "mutually exclusive from Quote Tweet Id"
 * (createPosts, TweetCreateRequest.media), and X answers such a post 400. The composer quoting a post offers no
 * Add image or Add video on the post that quotes, says why, and offers them on the thread's later posts (replies).
 */

const ACCOUNT = '1585841080431321088';
const QUOTED = '1460323737035677698';
const photo = { id: 'p1', name: 'photo.png', type: 'image/png', size: 10 };

function draftOf(posts: DraftView['posts']): DraftView {
  return {
    context: `quote:${QUOTED}`,
    quoteId: QUOTED,
    posts,
    publishedIds: [],
    state: 'editing',
    seq: 1,
    updatedAt: '2026-12-03T03:00:00.000Z',
  };
}

withComposerStubs();

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/** The quoting composer's buttons (their text) and muted notes, with `draft` stored. */
async function quoteComposer(draft: DraftView): Promise<{ buttons: string[]; text: string }> {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) =>
    Promise.resolve({ ok: true, data: message.type === 'draft.get' ? draft : null })) as never);
  const page = await renderInPage(
    createElement(Composer, { accountId: ACCOUNT, context: `quote:${QUOTED}`, quoteId: QUOTED, username: 'ada' }),
    { settleMs: 20 },
  );
  try {
    for (let i = 0; i < 3; i++) await settle();
    return {
      buttons: [...page.document.querySelectorAll('button')].map((b) => b.textContent ?? ''),
      text: page.container.textContent ?? '',
    };
  } finally {
    await page.leave();
  }
}

describe('the composer quoting a post', () => {
  it('offers no image or video on the quote post, and says why', async () => {
    const { buttons, text } = await quoteComposer(draftOf([{ text: 'Look at this', media: [] }]));
    expect(buttons).not.toContain('Add image');
    expect(buttons).not.toContain('Add video');
    expect(text).toContain('X takes no images or videos in a quote post: add them to a second post of the thread.');
  });

  it('offers them on the thread’s second post', async () => {
    const { buttons } = await quoteComposer(
      draftOf([
        { text: 'Look at this', media: [] },
        { text: 'and this', media: [] },
      ]),
    );
    expect(buttons).not.toContain('Add image to post 1');
    expect(buttons).toContain('Add image to post 2');
    expect(buttons).toContain('Add video to post 2');
  });

  it('says so in Japanese on a Japanese screen', async () => {
    readInJapanese();
    const { text } = await quoteComposer(draftOf([{ text: 'これを見て', media: [] }]));
    expect(text).toContain('Xでは引用ポストに画像や動画を添付できません。スレッドの2件目のポストに添付してください。');
  });
});

describe('why a quote cannot be posted', () => {
  it('names the image on the quote post, and lets a later post carry one', () => {
    expect(whyCannotPost([{ text: 'Look', media: [photo] }], false, 280, true)).toBe(
      'the quote post cannot carry images or videos on X: remove them, or add them to a second post of the thread.',
    );
    expect(
      whyCannotPost(
        [
          { text: 'Look', media: [] },
          { text: 'and this', media: [photo] },
        ],
        false,
        280,
        true,
      ),
    ).toBeUndefined();
    expect(whyCannotPost([{ text: 'Look', media: [photo] }])).toBeUndefined();
  });
});
