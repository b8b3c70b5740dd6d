import { describe, expect, it } from 'vitest';
import { editContext, editedPostId } from '@/lib/edit-context';
import { ComposeError, getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import { readEditView } from '@/lib/services/post-edit';
import { postContext } from '@/lib/services/tab-context';
import type { XClient } from '@/lib/x/client';
import { SEED_POSTS } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { requestsTo, signedInClient, watchPosts } from './support';
import { client, emu, withSignedInAda } from './world';

// Editing one's own post (x-api--fundamentals--edit-posts: 30 minutes, up to 5 edits, each edit a new id), sent as
// POST /2/tweets with edit_options.previous_post_id (createPosts), from a draft of its own ('edit:<id>').
withSignedInAda();

let seq = 0;
async function publish(context: string, text: string, c: XClient = client): Promise<string[]> {
  await saveDraft({ accountId: ADA_ID, context, seq: ++seq, posts: [{ text, mediaIds: [] }] });
  return publishDraft(c, ADA_ID, context);
}

describe('an edit draft', () => {
  it('has a context of its own, apart from a reply to or quote of the same post', () => {
    expect(editContext('1585841080431321088')).toBe('edit:1585841080431321088');
    expect(editedPostId('edit:1585841080431321088')).toBe('1585841080431321088');
    expect(editedPostId('reply:1585841080431321088')).toBeUndefined();
    expect(editedPostId('edit:not-an-id')).toBeUndefined();
  });
});

describe('editing a post', () => {
  it('sends the new text with edit_options, gets a new id, and X keeps both versions in its history', async () => {
    const [first] = await publish('compose', 'Helo wrold https://example.com/a');
    const before = await readEditView(client, ADA_ID, first!);
    expect(before).toMatchObject({ postId: first, editable: true, editsRemaining: 5, media: false });
    // The text to edit from has X's t.co link expanded back to the address the person wrote.
    expect(before.text).toBe('Helo wrold https://example.com/a');
    expect(Date.parse(before.editableUntil) - emu.state.now()).toBeGreaterThan(29 * 60_000);

    const { client: watched, bodies } = watchPosts(client);
    const [second] = await publish(editContext(first!), 'Hello world https://example.com/a', watched);
    expect(bodies).toEqual([{ text: 'Hello world https://example.com/a', edit_options: { previous_post_id: first } }]);
    expect(second).not.toBe(first);
    expect(emu.state.posts.get(second!)?.editHistory).toEqual([first, second]);
    expect(await getDraft(ADA_ID, editContext(first!))).toBeNull();
    expect(await readEditView(client, ADA_ID, second!)).toMatchObject({ editable: true, editsRemaining: 4 });
    // The old version is no longer the one to edit.
    expect(await readEditView(client, ADA_ID, first!)).toMatchObject({ editable: false });
  });

  it('keeps the text as a draft and says so when X refuses the edit after its 30 minutes', async () => {
    const [first] = await publish('compose', 'Too late to fix');
    emu.state.advance(31 * 60);
    // A new sign-in: the token got before the clock moved has expired.
    const later = await signedInClient(emu);
    expect(await readEditView(later, ADA_ID, first!)).toMatchObject({ editable: false });
    const error = await publish(editContext(first!), 'Too late to fix!', later).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).message).toMatch(
      /^X would not edit your post\. Your text is kept as a draft\. X said: “\u2068.*30-minute edit window.*\u2069”$/,
    );
    expect((await getDraft(ADA_ID, editContext(first!)))?.posts[0]?.text).toBe('Too late to fix!');
  });

  it('is refused by X after five edits', async () => {
    let [id] = await publish('compose', 'version 0');
    for (let i = 1; i <= 5; i++) [id] = await publish(editContext(id!), `version ${i}`);
    expect(await readEditView(client, ADA_ID, id!)).toMatchObject({ editable: false, editsRemaining: 0 });
    await expect(publish(editContext(id!), 'version 6')).rejects.toThrow(/edited 5 times/);
  });

  it('sends nothing for an edit with a second post: an edit changes one post', async () => {
    const [first] = await publish('compose', 'One post');
    const { client: watched, bodies } = watchPosts(client);
    await saveDraft({
      accountId: ADA_ID,
      context: editContext(first!),
      seq: ++seq,
      posts: [
        { text: 'One post, edited', mediaIds: [] },
        { text: 'and another', mediaIds: [] },
      ],
    });
    await expect(publishDraft(watched, ADA_ID, editContext(first!))).rejects.toMatchObject({ kind: 'invalid-post' });
    expect(bodies).toEqual([]);
  });
});

describe('the popup on a post', () => {
  const context = (id: string) => postContext(async () => client, ADA_ID, id, emu.state.now());

  it('offers the edit of your own recent post, from X’s edit_controls, read again each time', async () => {
    const [id] = await publish('compose', 'Mine to edit');
    const first = await context(id!);
    expect(first.edit).toMatchObject({ postId: id, editable: true, editsRemaining: 5, text: 'Mine to edit' });
    const read = requestsTo(emu, 'GET', '/2/tweets');
    expect(read.at(-1)?.query?.['tweet.fields']?.split(',')).toContain('edit_controls');
    await publish(editContext(id!), 'Mine, edited');
    expect((await context(id!)).edit).toMatchObject({ editable: false });
    expect(requestsTo(emu, 'GET', '/2/tweets')).toHaveLength(read.length + 1);
  });

  it('offers no edit of someone else’s post', async () => {
    expect((await context(SEED_POSTS.graceMentionsAda)).edit).toBeUndefined();
  });
});
