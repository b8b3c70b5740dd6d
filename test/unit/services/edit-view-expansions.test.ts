import { describe, expect, it } from 'vitest';
import { readEditView } from '@/lib/services/post-edit';
import type { XClient } from '@/lib/x/client';
import { insertPost } from '../../emulator/posts';
import { ADA_ID } from '../auth/support';
import { client, emu, withSignedInAda } from './world';

/**
 * X bills each object an answer returns (x-api--getting-started--pricing: a post read, a user read), and an expansion
 * is what makes X return more than the post. Whether the person may edit their own post reads the post alone (its
 * `edit_controls`, `author_id` as a field, its history, text and media keys): its author is the person. The read
 * kept the lookup's default `author_id` expansion, so every edit view paid a user read for the person's own account.
 */

withSignedInAda();

/** Ada's client, keeping the bodies of X's answers to post lookups. */
function watched(): { client: XClient; answers: unknown[] } {
  const answers: unknown[] = [];
  return {
    answers,
    client: {
      request: async (req) => {
        const res = await client.request(req);
        if (req.method === 'GET' && req.path.startsWith('/2/tweets/')) answers.push(res.body);
        return res;
      },
    },
  };
}

describe('the edit view of one’s own post', () => {
  it('asks X for the post alone, and X bills no user with it', async () => {
    const post = insertPost(emu.state, { authorId: ADA_ID, text: 'Helo wrold' });
    const x = watched();
    expect(await readEditView(x.client, ADA_ID, post.id)).toMatchObject({ postId: post.id, editable: true, text: 'Helo wrold' });

    const asked = emu.state.log.filter((e) => e.method === 'GET' && e.path === `/2/tweets/${post.id}`);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query['tweet.fields']?.split(',')).toContain('edit_controls');
    expect(asked[0]!.query).not.toHaveProperty('expansions');
    expect(asked[0]!.query).not.toHaveProperty('user.fields');
    expect(x.answers).toEqual([expect.not.objectContaining({ includes: expect.anything() })]);
  });
});
