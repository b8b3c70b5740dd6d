import { expect } from 'vitest';
import { emu, token } from '../support/emulator';
import { api } from './helpers';

/** Bytes of each kind and the requests of an upload to the emulator, for its media tests. */

export const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];
export const PROBLEMS = 'https://api.x.com/2/problems/';
export const MB = 1024 * 1024;

export type Json = Record<string, unknown>;
export async function body<T = Json>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

// ---- image bytes, built by hand (test/unit/support/png.ts, here), not with the emulator's helpers ----

export function gif(width: number, height: number): Buffer {
  const head = Buffer.from('GIF89a\0\0\0\0\0\0\0', 'latin1');
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  return Buffer.concat([head, Buffer.from([0x3b])]);
}

export function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from('ffe000104a46494600010100000100010000', 'hex');
  const sof = Buffer.from('ffc0001108000000000301220002110103110100', 'hex');
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from('ffd8', 'hex'), app0, sof, Buffer.from('ffd9', 'hex')]);
}

export function webp(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

/** Pads an image to `size` bytes (trailing bytes after the image data). */
export function padded(img: Buffer, size: number): Buffer {
  return Buffer.concat([img, Buffer.alloc(size - img.length, 0)]);
}

// ---- requests ----

export function upload(
  bytes: Buffer,
  fields: Record<string, string> = { media_category: 'tweet_image' },
  t = token,
  type = 'image/png',
): Promise<Response> {
  const form = new FormData();
  form.append('media', new Blob([new Uint8Array(bytes)], { type }), 'upload.bin');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return api(emu, '/2/media/upload', t, { method: 'POST', body: form });
}

export async function uploaded(bytes: Buffer, fields?: Record<string, string>, t = token): Promise<{ id: string; media_key: string }> {
  const res = await upload(bytes, fields, t);
  if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return (await body<{ data: { id: string; media_key: string } }>(res)).data;
}

export function postJson(path: string, payload: unknown, t = token): Promise<Response> {
  return api(emu, path, t, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
}

export function appendChunk(id: string, index: number, chunk: Buffer, t = token): Promise<Response> {
  const form = new FormData();
  form.append('segment_index', String(index));
  form.append('media', new Blob([new Uint8Array(chunk)]), 'chunk');
  return api(emu, `/2/media/upload/${id}/append`, t, { method: 'POST', body: form });
}

export async function chunked(bytes: Buffer, mediaType: string, chunks = 3, category?: string): Promise<{ id: string; finalize: Json }> {
  const init = await postJson('/2/media/upload/initialize', {
    media_type: mediaType,
    total_bytes: bytes.length,
    ...(category ? { media_category: category } : {}),
  });
  expect(init.status).toBe(200);
  const { id } = (await body<{ data: { id: string } }>(init)).data;
  const size = Math.ceil(bytes.length / chunks);
  for (let i = 0; i < chunks; i++) expect((await appendChunk(id, i, bytes.subarray(i * size, (i + 1) * size))).status).toBe(200);
  const fin = await api(emu, `/2/media/upload/${id}/finalize`, token, { method: 'POST' });
  expect(fin.status).toBe(200);
  return { id, finalize: (await body<{ data: Json }>(fin)).data };
}

export const invalidMedia = (ids: string[]) => ({
  errors: [{ parameters: { 'media.media_ids': ids }, message: 'Your media IDs are invalid.' }],
  title: 'Invalid Request',
  detail: 'One or more parameters to your request was invalid.',
  type: `${PROBLEMS}invalid-request`,
});
