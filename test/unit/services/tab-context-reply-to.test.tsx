import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BookmarkCard } from '@/components/manager/bookmarks/BookmarkCard';
import { db } from '@/lib/db';
import { postContext } from '@/lib/services/tab-context';
import { insertPost } from '../../emulator/posts';
import { SECOND_USER_ID } from '../../emulator/seed';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * X answers only the post fields a request names (x-api--fundamentals--fields: `id`, `text` and
 * `edit_history_tweet_ids` by default); whom a reply answers is `in_reply_to_user_id` (getPostsByIds,
 * TweetFieldsParameter). The popup's read of a post kept whom it replies to, but never asked for it: a reply first seen
 * in the popup and bookmarked there showed "Replying to a post" on its bookmark card, not "Replying to @them", until
 * the next bookmarks sync. Now the popup asks for it, and the card names the person from the same answer (the
 * replied-to post's author, already expanded for X's reply rule).
 */

withSignedInAda();

/** @XDevelopers in the emulator's seed. */
const XDEV_ID = '2244994945';

/** Grace's reply to a post of @XDevelopers, read by Ada's popup; its bookmark card drawn from what the popup stored. */
async function cardOfReplyReadByPopup(parentGone = false): Promise<string> {
  const parent = insertPost(emu.state, { authorId: XDEV_ID, text: 'Office hours on Thursday' });
  const reply = insertPost(emu.state, { authorId: SECOND_USER_ID, text: 'Reading this tonight 📖', inReplyToTweetId: parent.id });
  if (parentGone) parent.deleted = true;
  const ctx = await postContext(async () => client, ADA_ID, reply.id, emu.state.now());
  expect(ctx.error).toBeUndefined();
  const post = await db().posts.get([ADA_ID, reply.id]);
  const author = await db().users.get([ADA_ID, SECOND_USER_ID]);
  return renderToStaticMarkup(
    <BookmarkCard
      item={{ postId: reply.id, position: 1, folderIds: [], searchText: '', tags: [], note: '', read: false, post, author }}
      onRemove={() => undefined}
    />,
  );
}

describe('the popup on a reply', () => {
  it('asks X whom it replies to, and the bookmark card names them', async () => {
    const card = await cardOfReplyReadByPopup();
    const asked = emu.state.log.filter((e) => e.method === 'GET' && e.path === '/2/tweets').at(-1)!.query;
    expect(asked['tweet.fields']?.split(',')).toContain('in_reply_to_user_id');
    expect(card).toContain('Replying to');
    expect(card).toContain('@XDevelopers');
    expect(card).not.toContain('Replying to a post');
  });

  it('names them even when the post it answers is gone (X expands `in_reply_to_user_id` itself)', async () => {
    const card = await cardOfReplyReadByPopup(true);
    expect(card).toContain('@XDevelopers');
    expect(card).not.toContain('Replying to a post');
  });
});
