import { beforeEach, describe, expect, it } from 'vitest';
import { parseRequest } from '@/lib/message-contract';
import { getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import { SHARE_URL_MAX, shareContext } from '@/lib/share-context';
import { ADA_ID, makeService, signInAs, type Harness } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { freshDb, watchPosts } from './support';

withTestEmulator();

let h: Harness;
beforeEach(async () => {
  await freshDb();
  h = makeService(emu);
});

const longUrl = (length: number, tail = '') => `https://example.com/search?q=${'a'.repeat(length)}`.slice(0, length - tail.length) + tail;

/** What the popup's composer sends for a shared page, each request as the background's contract reads it. */
function requests(url: string) {
  const context = shareContext(url);
  const save = { type: 'draft.save', accountId: ADA_ID, context, seq: 1, posts: [{ text: `Read this ${url}`, mediaIds: [] }] };
  const publish = { type: 'post.publish', accountId: ADA_ID, context };
  return { context, save, publish };
}

describe('sharing a page with a long address', () => {
  it('saves and publishes a 3,000-character address, whole, in the post X receives', async () => {
    const url = longUrl(3000);
    const { context, save, publish } = requests(url);
    expect(parseRequest(save)).toBeDefined();
    expect(parseRequest(publish)).toBeDefined();
    await signInAs(emu, h, ADA_ID);
    await saveDraft({ accountId: ADA_ID, context, seq: 1, posts: save.posts });
    expect((await getDraft(ADA_ID, context))?.posts[0]?.text).toBe(`Read this ${url}`);
    const { client, bodies } = watchPosts(h.auth.clientFor(ADA_ID, h.settings));
    const ids = await publishDraft(client, ADA_ID, context);
    expect(ids).toHaveLength(1);
    expect(bodies.map((b) => b.text)).toEqual([`Read this ${url}`]);
  });

  it('keeps an address longer than any bound in a context the contract accepts, one draft per address', () => {
    const a = requests(longUrl(40_000, 'a'));
    const b = requests(longUrl(40_000, 'b'));
    expect(parseRequest(a.save)).toBeDefined();
    expect(parseRequest(a.publish)).toBeDefined();
    expect(a.context.length).toBeLessThanOrEqual('share:'.length + SHARE_URL_MAX);
    expect(a.context).not.toBe(b.context);
    expect(a.context.startsWith('share:https://example.com/search?q=')).toBe(true);
  });

  it('keeps an address that fits as it is', () => {
    expect(shareContext('https://example.com/a')).toBe('share:https://example.com/a');
  });
});
