/**
 * A quote post carries no media: X's description makes `media` "mutually exclusive from Quote Tweet Id, Poll, and
 * Card URI" (createPosts, TweetCreateRequest.media). Against the emulator, on the Enterprise plan (quotes allowed).
 */
import { describe, expect, it } from 'vitest';
import { composeWordsText } from '@/lib/error-words';
import { ComposeError, attachImage, getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID, control } from '../auth/support';
import { png, requestsTo } from './support';
import { adaClient, emu, withEmulator } from './world';

withEmulator();

const QUOTED = SEED_POSTS.xdevAnnouncement;
const CONTEXT = `quote:${QUOTED}`;

describe('a quote with an image', () => {
  it('is refused before anything is uploaded or posted, saying why, and the draft keeps its image', async () => {
    await control(emu, 'POST', 'config', { enterprise: true });
    const image = await attachImage(ADA_ID, CONTEXT, { name: 'photo.png', type: 'image/png', bytes: png() });
    await saveDraft({ accountId: ADA_ID, context: CONTEXT, seq: 1, quoteId: QUOTED, posts: [{ text: 'Look', mediaIds: [image] }] });
    const client = await adaClient();

    const error = await publishDraft(client, ADA_ID, CONTEXT).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ComposeError);
    expect(error).toMatchObject({ kind: 'invalid-post', words: { kind: 'quote-media' } });
    expect(emu.state.log.filter((e) => e.path.startsWith('/2/media'))).toEqual([]);
    expect(requestsTo(emu, 'POST', '/2/tweets')).toEqual([]);
    expect((await getDraft(ADA_ID, CONTEXT))?.posts[0]?.media.map((m) => m.id)).toEqual([image]);
    expect(composeWordsText((error as ComposeError).words as Parameters<typeof composeWordsText>[0])).toBe(
      'X does not take images or videos in a quote post: remove them, or add them to a second post of the thread.',
    );
  });

  it('goes out as a thread with the image on its second post, a reply to the quote', async () => {
    await control(emu, 'POST', 'config', { enterprise: true });
    const image = await attachImage(ADA_ID, CONTEXT, { name: 'photo.png', type: 'image/png', bytes: png() });
    const posts = [
      { text: 'Look', mediaIds: [] },
      { text: 'and this', mediaIds: [image] },
    ];
    await saveDraft({ accountId: ADA_ID, context: CONTEXT, seq: 1, quoteId: QUOTED, posts });
    const client = await adaClient();

    const [quote, reply] = await publishDraft(client, ADA_ID, CONTEXT);

    expect(emu.state.posts.get(quote!)).toMatchObject({ quoteTweetId: QUOTED });
    expect(emu.state.posts.get(quote!)?.mediaKeys ?? []).toEqual([]);
    expect(emu.state.posts.get(reply!)).toMatchObject({ inReplyToTweetId: quote });
    expect(emu.state.posts.get(reply!)?.mediaKeys).toHaveLength(1);
  });
});
