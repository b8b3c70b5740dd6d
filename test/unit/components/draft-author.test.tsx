import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PostComposer, type PostComposerProps } from '@/entrypoints/popup/PostComposer';
import { draftContextText } from '@/components/manager/drafts/draft-words';
import { db } from '@/lib/db';
import { listDrafts } from '@/lib/services/drafts';
import { freshDb } from '../services/support';
import { answerDrafts } from '../support/draft-background';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';

/**
 * The popup's reply or quote composer keeps on the draft the author of the post it answers, as X named them to the
 * popup: the Drafts tab then names them ("Reply to @gracehop") without reading the posts and people a sync writes.
 * The background here is the real draft store (lib/services/compose.ts) behind the real message contract.
 */

const ACCOUNT = '1585841080431321088';
const POST = '1460323737035677698';
const OTHER = '1460323737035677699';

withComposerStubs();

beforeEach(async () => {
  await freshDb();
  answerDrafts();
});

/** Opens the composer on Grace's post (her @username as `username` says), writes `text` and waits for it kept. */
async function writeOnPost(mode: 'reply' | 'quote', username: string, text: string, postId = POST): Promise<void> {
  const author = { id: '222', name: 'Grace', username, following: false, muted: false, blocked: false, followRequested: false };
  const props: PostComposerProps = {
    mode,
    accountId: ACCOUNT,
    username: 'ada',
    postId,
    post: { id: postId, text: 'COBOL', mediaCount: 0, quoted: false },
    author,
    edit: undefined,
    onBack: () => undefined,
  };
  const page: ReactPage = await renderInPage(createElement(PostComposer, props), { settleMs: 20 });
  try {
    await vi.waitFor(() => expect(page.document.querySelector('textarea')).not.toBeNull(), { timeout: 5000 });
    await act(async () => box(page).onChange({ target: { value: text } }));
    await vi.waitFor(async () => expect((await db().drafts.toArray()).map((d) => d.posts[0]?.text)).toContain(text), { timeout: 5000 });
  } finally {
    await page.leave();
  }
}

/** The post box's change handler, as React holds it (the test page's textarea keeps no value of its own). */
function box(page: ReactPage): { onChange: (e: { target: { value: string } }) => void } {
  const textarea = page.document.querySelector('textarea');
  const key = Object.keys(textarea ?? {}).find((k) => k.startsWith('__reactProps'));
  return (textarea as unknown as Record<string, ReturnType<typeof box>>)[key ?? ''] as ReturnType<typeof box>;
}

describe('a draft written on a post', () => {
  it('keeps the author of the post it replies to or quotes, and the Drafts tab names them with the store not having seen the post', async () => {
    await writeOnPost('reply', 'gracehop', 'Agreed');
    await writeOnPost('quote', 'gracehop', 'Read this');
    expect((await db().drafts.toArray()).map((d) => [d.context, d.authorUsername])).toEqual([
      [`quote:${POST}`, 'gracehop'],
      [`reply:${POST}`, 'gracehop'],
    ]);
    expect((await listDrafts(ACCOUNT)).map(draftContextText).sort()).toEqual(['Quote of @gracehop', 'Reply to @gracehop']);
    // An author whose stored @username does not read as one: the draft is kept all the same, without it (the
    // background would refuse the save for it).
    await writeOnPost('reply', 'Grace Hopper', 'Ships', OTHER);
    const kept = await db().drafts.get(`${ACCOUNT}|reply:${OTHER}`);
    expect([kept?.posts[0]?.text, kept?.authorUsername]).toEqual(['Ships', undefined]);
  });
});
