import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listPostsPreview } from '@/lib/services/lookups';
import { postContext } from '@/lib/services/tab-context';
import { GRACE_PHOTO_ALT, SEED_LISTS, SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * Issue 15, alt text "shown in the popup card … for posts that carry it": the popup's read of a post asks X for its
 * pictures with their descriptions (`expansions=attachments.media_keys`, `media.fields=alt_text`; x-api--posts--lookup
 * and x-api--fundamentals--data-dictionary, Media) and hands them to the card.
 */

withSignedInAda();

const post = (id: string) => postContext(async () => client, ADA_ID, id, emu.state.now());
const lookups = () => emu.state.log.filter((e) => e.method === 'GET' && e.path === '/2/tweets');

describe('the popup on a post with a described picture', () => {
  it('reads the picture with X’s alt text and gives it to the card', async () => {
    await db().posts.clear();
    const ctx = await post(SEED_POSTS.gracePhoto);
    const asked = lookups().at(-1)!.query;
    expect(asked.expansions?.split(',')).toContain('attachments.media_keys');
    expect(asked['media.fields']?.split(',')).toContain('alt_text');
    expect(ctx.post?.media).toEqual([expect.objectContaining({ type: 'photo', altText: GRACE_PHOTO_ALT, url: expect.any(String) })]);
    // Kept with the post: the next popup on it shows the picture from the store.
    expect((await db().posts.get([ADA_ID, SEED_POSTS.gracePhoto]))?.media?.[0]?.altText).toBe(GRACE_PHOTO_ALT);
  });

  it('gives no pictures for a post without media', async () => {
    const ctx = await post(SEED_POSTS.graceQuotesXdev);
    expect(ctx.post?.media).toBeUndefined();
  });
});

describe('a List’s posts, previewed in the manager', () => {
  it('come with their pictures and X’s descriptions', async () => {
    const preview = await listPostsPreview(client, ADA_ID, SEED_LISTS.adaCompilers);
    const asked = emu.state.log.filter((e) => e.path === `/2/lists/${SEED_LISTS.adaCompilers}/tweets`).at(-1)!.query;
    expect(asked.expansions?.split(',')).toEqual(expect.arrayContaining(['author_id', 'attachments.media_keys']));
    expect(asked['media.fields']?.split(',')).toContain('alt_text');
    const photo = preview.find((p) => p.id === SEED_POSTS.gracePhoto);
    expect(photo?.media).toEqual([expect.objectContaining({ type: 'photo', altText: GRACE_PHOTO_ALT })]);
    // Every post with media carries them; none without.
    for (const p of preview) expect(p.media?.length ?? 0).toBe(p.mediaCount);
  });
});
