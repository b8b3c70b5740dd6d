/**
 * Image descriptions (alt text) in drafts and when publishing: kept with the draft's images, checked before
 * anything is sent, and sent to X with POST /2/media/metadata (createMediaMetadata) after each upload and before the
 * post is created. Against the emulator.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { db } from '@/lib/db';
import { ALT_TEXT_MAX } from '@/lib/limits';
import { ComposeError, attachImage, getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import type { XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { ADA_ID } from '../auth/support';
import { png } from './support';
import { adaClient, emu, withEmulator } from './world';

withEmulator();

const attach = (name: string, context = 'compose') => attachImage(ADA_ID, context, { name, type: 'image/png', bytes: png(4, 4) });

/** Wraps a client to collect the body of every POST /2/media/metadata, in order. */
function watchMetadata(client: XClient): { client: XClient; bodies: unknown[] } {
  const bodies: unknown[] = [];
  return {
    bodies,
    client: {
      request(req) {
        if (req.method === 'POST' && req.path === '/2/media/metadata') bodies.push(req.body);
        return client.request(req);
      },
    },
  };
}

const calls = () => emu.state.log.map((e) => `${e.method} ${e.path.replace(/\d{5,}/, ':id')} ${e.status}`);

const altSchema = z.looseObject({
  includes: z.optional(z.looseObject({ media: z.optional(z.array(z.looseObject({ alt_text: z.optional(z.string()) }))) })),
});

/** The alt_text of each medium of post `id`, as X returns it with media.fields=alt_text. */
async function altTextsOnX(client: XClient, id: string): Promise<(string | undefined)[]> {
  const res = await client.request({
    method: 'GET',
    path: `/2/tweets/${id}`,
    query: { expansions: 'attachments.media_keys', 'media.fields': 'alt_text' },
    schema: altSchema,
  });
  return (res.body.includes?.media ?? []).map((m) => m.alt_text);
}

describe('a draft keeps its images’ descriptions', () => {
  it('stores each description with its image and gives it back, and a save without one removes it', async () => {
    const a = await attach('a.png');
    const b = await attach('b.png');
    await saveDraft({
      accountId: ADA_ID,
      context: 'compose',
      seq: 1,
      posts: [{ text: 'two', mediaIds: [a, b], alts: { [a]: 'A robin' } }],
    });
    expect((await getDraft(ADA_ID, 'compose'))?.posts[0]?.media).toEqual([
      { id: a, name: 'a.png', type: 'image/png', size: expect.any(Number), alt: 'A robin' },
      { id: b, name: 'b.png', type: 'image/png', size: expect.any(Number) },
    ]);
    // The draft row itself carries no copy of them.
    expect((await db().drafts.toArray())[0]?.posts).toEqual([{ text: 'two', mediaIds: [a, b] }]);

    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 2, posts: [{ text: 'two', mediaIds: [a, b], alts: { [b]: 'A wren' } }] });
    const media = (await getDraft(ADA_ID, 'compose'))?.posts[0]?.media;
    expect(media?.map((m) => m.alt)).toEqual([undefined, 'A wren']);
  });

  it('keeps an added but still empty description (it must be written or removed before posting)', async () => {
    const a = await attach('a.png');
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: '', mediaIds: [a], alts: { [a]: '' } }] });
    expect((await getDraft(ADA_ID, 'compose'))?.posts[0]?.media[0]?.alt).toBe('');
  });

  it('never writes a description on another draft’s image', async () => {
    const theirs = await attach('theirs.png', 'reply:1346889436626259968');
    await saveDraft({
      accountId: ADA_ID,
      context: 'compose',
      seq: 1,
      posts: [{ text: 'x', mediaIds: [theirs], alts: { [theirs]: 'mine' } }],
    });
    expect((await db().draftMedia.get(theirs))?.alt).toBeUndefined();
  });

  it('ignores an older save’s descriptions', async () => {
    const a = await attach('a.png');
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 2, posts: [{ text: 'x', mediaIds: [a], alts: { [a]: 'new' } }] });
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'x', mediaIds: [a], alts: { [a]: 'old' } }] });
    expect((await db().draftMedia.get(a))?.alt).toBe('new');
  });
});

describe('publishing images with descriptions', () => {
  it('uploads each image, sends its description right after it, then creates the post that carries them', async () => {
    const { client, bodies } = watchMetadata(await adaClient());
    const a = await attach('a.png');
    const b = await attach('b.png');
    const c = await attach('c.png');
    await saveDraft({
      accountId: ADA_ID,
      context: 'compose',
      seq: 1,
      posts: [{ text: 'birds', mediaIds: [a, b, c], alts: { [a]: '  A robin on a fence  ', [c]: 'A wren 🐦' } }],
    });

    const [postId] = await publishDraft(client, ADA_ID, 'compose');

    expect(calls()).toEqual([
      'POST /2/media/upload 200',
      'POST /2/media/metadata 200',
      'POST /2/media/upload 200',
      'POST /2/media/upload 200',
      'POST /2/media/metadata 200',
      'POST /2/tweets 201',
    ]);
    const uploaded = [...emu.state.media.values()].slice(-3).map((m) => m.id);
    expect(bodies).toEqual([
      { id: uploaded[0], metadata: { alt_text: { text: 'A robin on a fence' } } },
      { id: uploaded[2], metadata: { alt_text: { text: 'A wren 🐦' } } },
    ]);
    expect(await altTextsOnX(client, postId!)).toEqual(['A robin on a fence', undefined, 'A wren 🐦']);
    expect(await getDraft(ADA_ID, 'compose')).toBeNull();
  });

  it.each([
    ['blank', ' \n ', 'The description of “\u2068a.png\u2069” is empty: write one or remove it.'],
    [
      'over X’s 1000 characters',
      'a'.repeat(ALT_TEXT_MAX + 2),
      'The description of “\u2068a.png\u2069” is 2 characters over X’s limit of 1,000.',
    ],
  ])('refuses a description that is %s before sending anything, and keeps the draft', async (_what, alt, message) => {
    const client = await adaClient();
    const a = await attach('a.png');
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'hi', mediaIds: [a], alts: { [a]: alt } }] });
    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).kind).toBe('invalid-post');
    expect((error as ComposeError).message).toBe(message);
    expect(emu.state.log).toEqual([]);
    expect((await getDraft(ADA_ID, 'compose'))?.posts[0]?.media[0]?.alt).toBe(alt);
  });

  it('when X refuses a description, says so, creates no post and keeps the draft with its description', async () => {
    const client = await adaClient();
    const a = await attach('a.png');
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'hi', mediaIds: [a], alts: { [a]: 'A robin' } }] });
    emu.state.addFault({ method: 'POST', path: '/2/media/metadata', remaining: 1, kind: 'status', status: 400 });

    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).kind).toBe('invalid-image');
    expect((error as ComposeError).message).toMatch(
      /^X refused the description of “\u2068a\.png\u2069”\. Nothing was posted; your draft is kept\.( X said: “.*”)?$/,
    );
    expect(calls()).toEqual(['POST /2/media/upload 200', 'POST /2/media/metadata 400']);
    const kept = await getDraft(ADA_ID, 'compose');
    expect(kept?.posts).toEqual([{ text: 'hi', media: [expect.objectContaining({ id: a, alt: 'A robin' })] }]);
    expect(kept?.publishedIds).toEqual([]);

    // Posting again works once X takes it.
    emu.state.log = [];
    await publishDraft(client, ADA_ID, 'compose');
    expect(calls()).toEqual(['POST /2/media/upload 200', 'POST /2/media/metadata 200', 'POST /2/tweets 201']);
  });

  it('passes on a failure that is not a refusal (X unavailable) as X’s error, with the draft kept', async () => {
    const client = await adaClient();
    const a = await attach('a.png');
    await saveDraft({ accountId: ADA_ID, context: 'compose', seq: 1, posts: [{ text: 'hi', mediaIds: [a], alts: { [a]: 'A robin' } }] });
    emu.state.addFault({ method: 'POST', path: '/2/media/metadata', remaining: 3, kind: 'status', status: 503 });
    const error = await publishDraft(client, ADA_ID, 'compose').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect(emu.state.log.some((e) => e.path === '/2/tweets')).toBe(false);
    expect((await getDraft(ADA_ID, 'compose'))?.state).toBe('editing');
  });
});
