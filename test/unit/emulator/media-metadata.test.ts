/**
 * POST /2/media/metadata (createMediaMetadata; openapi.json MetadataCreateRequest / MetadataCreateResponse): the
 * alt text of an upload, returned afterwards as the media object's `alt_text` when `media.fields` asks for it.
 */
import { describe, expect, it } from 'vitest';
import { solidPng } from '../../emulator/media';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { GRACE_ID, api, control, signIn } from './helpers';

const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];

withAdaSignedIn(SCOPES);

type Json = Record<string, unknown>;

async function uploaded(t = token): Promise<string> {
  const form = new FormData();
  form.append('media', new Blob([new Uint8Array(solidPng(4, 3))], { type: 'image/png' }), 'robin.png');
  form.append('media_category', 'tweet_image');
  const res = await api(emu, '/2/media/upload', t, { method: 'POST', body: form });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { id: string } }).data.id;
}

function postJson(path: string, payload: unknown, t = token): Promise<Response> {
  return api(emu, path, t, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
}

const describeIt = (id: unknown, text: unknown) => postJson('/2/media/metadata', { id, metadata: { alt_text: { text } } });

describe('POST /2/media/metadata', () => {
  it('keeps the alt text, answers it back, and a post with the media returns it as alt_text', async () => {
    const id = await uploaded();
    const res = await describeIt(id, 'A robin on a fence post');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { id, associated_metadata: { alt_text: { text: 'A robin on a fence post' } } } });

    const created = await postJson('/2/tweets', { text: 'Look', media: { media_ids: [id] } });
    expect(created.status).toBe(201);
    const postId = ((await created.json()) as { data: { id: string } }).data.id;
    const read = (await (await api(emu, `/2/tweets/${postId}?expansions=attachments.media_keys&media.fields=alt_text`, token)).json()) as {
      includes: { media: Json[] };
    };
    expect(read.includes.media).toEqual([{ media_key: `3_${id}`, type: 'photo', alt_text: 'A robin on a fence post' }]);
    const plain = (await (await api(emu, `/2/tweets/${postId}?expansions=attachments.media_keys`, token)).json()) as {
      includes: { media: Json[] };
    };
    expect(plain.includes.media[0]).not.toHaveProperty('alt_text');
  });

  it('takes exactly 1000 characters, counted as code points (emoji are one each)', async () => {
    const id = await uploaded();
    expect((await describeIt(id, '🐦'.repeat(1000))).status).toBe(200);
    expect(emu.state.media.get(id)?.altText).toBe('🐦'.repeat(1000));
  });

  // `breaks`: the body breaks the description itself (the contract check sees it); the last case is a valid body.
  it.each([
    [
      'a text over 1000 characters',
      (id: string) => ({ id, metadata: { alt_text: { text: 'a'.repeat(1001) } } }),
      'metadata.alt_text.text',
      true,
    ],
    ['no id', () => ({ metadata: { alt_text: { text: 'x' } } }), 'id', true],
    ['an id that is not a media id', () => ({ id: 'abc', metadata: { alt_text: { text: 'x' } } }), 'id', true],
    ['a numeric id (MediaId is a string)', () => ({ id: 123, metadata: { alt_text: { text: 'x' } } }), 'id', true],
    ['alt_text without its required text', (id: string) => ({ id, metadata: { alt_text: {} } }), 'metadata.alt_text.text', true],
    ['a text that is not a string', (id: string) => ({ id, metadata: { alt_text: { text: 5 } } }), 'metadata.alt_text.text', true],
    ['metadata that is not an object', (id: string) => ({ id, metadata: 'alt' }), 'metadata', true],
    ['alt_text that is not an object', (id: string) => ({ id, metadata: { alt_text: 'alt' } }), 'metadata.alt_text', true],
    ['an unknown media id', () => ({ id: '1880028106020515840', metadata: { alt_text: { text: 'x' } } }), 'media_id', false],
  ])('answers 400 invalid-request for %s, naming the parameter, and keeps nothing', async (_what, make, name, breaks) => {
    const id = await uploaded();
    const res = await postJson('/2/media/metadata', make(id));
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { type: string; errors: { parameters: Json }[] };
    expect(answer.type).toBe('https://api.x.com/2/problems/invalid-request');
    expect(Object.keys(answer.errors[0]!.parameters)).toEqual([name]);
    expect(emu.state.media.get(id)?.altText).toBeUndefined();
    expect(emu.contract.take({ operationId: 'createMediaMetadata', rule: 'request-body' })).toHaveLength(breaks ? 1 : 0);
  });

  it('refuses a body that is not JSON (the description takes only application/json)', async () => {
    const id = await uploaded();
    const res = await api(emu, '/2/media/metadata', token, { method: 'POST', body: new URLSearchParams({ id }) });
    expect(res.status).toBe(400);
    expect(emu.contract.take({ operationId: 'createMediaMetadata', rule: 'request-content-type' })).toHaveLength(1);
    expect(emu.state.media.get(id)?.altText).toBeUndefined();
  });

  it('refuses another account’s upload', async () => {
    const id = await uploaded();
    await control(emu, 'POST', 'session', { user_id: GRACE_ID });
    const grace = (await signIn(emu, SCOPES)).access_token;
    const res = await postJson('/2/media/metadata', { id, metadata: { alt_text: { text: 'mine now' } } }, grace);
    expect(res.status).toBe(400);
    expect(emu.state.media.get(id)?.altText).toBeUndefined();
  });

  it('needs the media.write scope', async () => {
    const id = await uploaded();
    const readOnly = (await signIn(emu, ['tweet.read', 'users.read'])).access_token;
    expect((await postJson('/2/media/metadata', { id, metadata: { alt_text: { text: 'x' } } }, readOnly)).status).toBe(403);
    expect(emu.contract.take({ operationId: 'createMediaMetadata', rule: 'scopes' })).toHaveLength(1);
  });
});
