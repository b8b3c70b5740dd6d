import { beforeEach, describe, expect, it } from 'vitest';
import { ComposeError, publishDraft, saveDraft } from '@/lib/services/compose';
import { readSessionView } from '@/lib/storage';
import { ADA_ID, GRACE_ID, makeService, signInAs, type Harness } from '../auth/support';
import { emu, withTestEmulator } from '../support/emulator';
import { freshDb, watchPosts } from './support';

// Long posts for Premium, in the background: the account's `subscription_type` is asked of GET /2/users/me at
// sign-in and each account check, kept in the session view, and publishing checks a post against that account's
// limit (25,000 for a paid X Premium tier, else 280) before sending anything.
withTestEmulator();

let h: Harness;
beforeEach(async () => {
  await freshDb();
  h = makeService(emu);
});

const sentences = (n: number) => 'Long posts are for Premium. '.repeat(Math.ceil(n / 28)).slice(0, n);
const SIX_HUNDRED = sentences(600);
const accountOf = async (id: string) => (await readSessionView()).accounts.find((a) => a.id === id);

async function publishAs(userId: string, text: string) {
  const { client, bodies } = watchPosts(h.auth.clientFor(userId, h.settings));
  await saveDraft({ accountId: userId, context: 'compose', seq: 1, posts: [{ text, mediaIds: [] }] });
  return { bodies, run: publishDraft(client, userId, 'compose') };
}

describe('the account’s subscription', () => {
  it('is asked of GET /2/users/me at sign-in and kept with the account', async () => {
    await signInAs(emu, h, GRACE_ID);
    const me = emu.state.log.find((e) => e.method === 'GET' && e.path === '/2/users/me');
    expect(me?.query?.['user.fields']?.split(',')).toContain('subscription_type');
    expect(await accountOf(GRACE_ID)).toMatchObject({ username: 'gracehop', subscriptionType: 'Premium' });
    await signInAs(emu, h, ADA_ID);
    expect(await accountOf(ADA_ID)).toMatchObject({ username: 'adaperch', subscriptionType: 'None' });
  });

  it('is read again when the account is checked: a subscription that ended ends long posts', async () => {
    await signInAs(emu, h, GRACE_ID);
    emu.state.users.get(GRACE_ID)!.subscription_type = 'None';
    await h.auth.refreshAccount(GRACE_ID, h.auth.clientFor(GRACE_ID, h.settings));
    expect((await accountOf(GRACE_ID))?.subscriptionType).toBe('None');
    const { bodies, run } = await publishAs(GRACE_ID, SIX_HUNDRED);
    await expect(run).rejects.toThrow('The post is 320 characters too long.');
    expect(bodies).toEqual([]);
  });
});

describe('publishing a long post', () => {
  it('sends 600 characters as one post for a Premium account', async () => {
    await signInAs(emu, h, GRACE_ID);
    const { bodies, run } = await publishAs(GRACE_ID, SIX_HUNDRED);
    const ids = await run;
    expect(ids).toHaveLength(1);
    expect(bodies.map((b) => b.text)).toEqual([SIX_HUNDRED]);
    expect(emu.state.posts.get(ids[0]!)?.sourceText).toBe(SIX_HUNDRED);
  });

  it('refuses 600 characters for an account without a subscription, before asking X, and keeps the draft', async () => {
    await signInAs(emu, h, ADA_ID);
    const { bodies, run } = await publishAs(ADA_ID, SIX_HUNDRED);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeError);
    expect(error).toMatchObject({ kind: 'invalid-post', message: 'The post is 320 characters too long.' });
    expect(bodies).toEqual([]);
  });

  it('refuses a Premium post over 25,000 before asking X', async () => {
    await signInAs(emu, h, GRACE_ID);
    const { bodies, run } = await publishAs(GRACE_ID, 'a'.repeat(25_002));
    await expect(run).rejects.toThrow('The post is 2 characters too long.');
    expect(bodies).toEqual([]);
  });
});
