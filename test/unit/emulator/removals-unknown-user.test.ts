import { describe, expect, it } from 'vitest';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, readAnswer, sendJson } from './helpers';

/**
 * Unmuting, unblocking or unfollowing an account that never existed. X's mutes and blocks guides answer it 404
 * (x-api--users--mutes--integrate, --blocks--integrate: "404 | Not Found | User doesn't exist"), as
 * x-api--fundamentals--response-codes-and-errors does any resource that doesn't exist.
 */

const PROBLEMS = 'https://api.x.com/2/problems/';
const NO_ONE = '1111111111111111111';

withAdaSignedIn(['tweet.read', 'users.read', 'mute.write', 'block.write', 'follows.write', 'offline.access']);

describe.each(['muting', 'blocking', 'following'])('DELETE /2/users/:source_user_id/%s/:target_user_id', (relation) => {
  it('answers 404 resource-not-found for an account that never existed', async () => {
    emu.state.enterprise = true;
    const res = await readAnswer<{ errors: Record<string, unknown>[] }>(
      await sendJson(emu, 'DELETE', `/2/users/${ADA_ID}/${relation}/${NO_ONE}`, token),
    );
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ type: `${PROBLEMS}resource-not-found`, resource_type: 'user', parameter: 'target_user_id', value: NO_ONE }),
    ]);
  });

  it('lets go of a suspended account', async () => {
    emu.state.enterprise = true;
    const suspended = [...emu.state.users.values()].find((u) => u.status === 'suspended')!;
    expect((await readAnswer(await sendJson(emu, 'DELETE', `/2/users/${ADA_ID}/${relation}/${suspended.id}`, token))).status).toBe(200);
  });
});
