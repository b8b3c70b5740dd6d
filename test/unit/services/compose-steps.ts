import { beforeEach } from 'vitest';
import { type DraftPost } from '@/lib/db';
import type { getDraft } from '@/lib/services/compose';
import { ComposeError, attachImage, saveDraft, type DraftInput } from '@/lib/services/compose';
import { type XClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { ADA_ID } from '../auth/support';
import { emu } from '../support/emulator';
import { freshDb, png, requestsTo, signedInClient } from './support';

/** The steps the compose tests (compose-*.test.ts) share: saving and attaching as a screen does, and the errors a call ends in. */

let seq = 0;

/** Each test starts on a self-serve plan (reset() puts the start plan back too), with no drafts and saves counted from 1. */
export function withFreshCompose() {
  beforeEach(async () => {
    emu.state.enterprise = false;
    seq = 0;
    await freshDb();
  });
}

export type PostSpec = string | DraftPost;
export const asPost = (p: PostSpec): DraftPost => (typeof p === 'string' ? { text: p, mediaIds: [] } : p);

/** Saves a draft the way a screen does, each save numbered after the one before unless `seq` is given. */
export function save(posts: PostSpec[], opts: Partial<Omit<DraftInput, 'posts'>> = {}) {
  return saveDraft({ accountId: ADA_ID, context: 'compose', seq: opts.seq ?? ++seq, posts: posts.map(asPost), ...opts });
}

export function attach(
  name = 'photo.png',
  opts: { accountId?: string; context?: string; type?: string; bytes?: Uint8Array<ArrayBuffer> } = {},
) {
  return attachImage(opts.accountId ?? ADA_ID, opts.context ?? 'compose', {
    name,
    type: opts.type ?? 'image/png',
    bytes: opts.bytes ?? png(),
  });
}

export const texts = (view: Awaited<ReturnType<typeof getDraft>>) => view?.posts.map((p) => p.text);

/** The error `promise` rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
}

export async function composeErrorOf(promise: Promise<unknown>): Promise<ComposeError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof ComposeError)) throw new Error(`expected a ComposeError, got ${String(error)}`);
  return error;
}

export async function xApiErrorOf(promise: Promise<unknown>): Promise<XApiError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof XApiError)) throw new Error(`expected an XApiError, got ${String(error)}`);
  return error;
}

/** Signs Ada in and forgets the sign-in traffic, so the log then holds only what publishing sent. */
export async function adaClient(): Promise<XClient> {
  const client = await signedInClient(emu);
  emu.state.log = [];
  return client;
}

export const tweetPosts = () => requestsTo(emu, 'POST', '/2/tweets');
