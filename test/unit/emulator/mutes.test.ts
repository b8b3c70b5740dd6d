import { describe, expect, it } from 'vitest';
import { CROWD_USER_IDS, SEED_MUTED_IDS, SEED_POSTS, SUSPENDED_USER_ID } from '../../emulator/seed';
import { emu, token, withAdaSignedIn } from '../support/emulator';
import { ADA_ID, GRACE_ID, api, control, readAnswer, sendJson, signIn } from './helpers';

const SCOPES = ['tweet.read', 'users.read', 'mute.read', 'mute.write', 'offline.access'];
const PROBLEMS = 'https://api.x.com/2/problems/';
const BASE = `/2/users/${ADA_ID}/muting`;

type Json = Record<string, unknown>;
interface Page {
  data?: { id: string; name: string; username: string; pinned_tweet_id?: string }[];
  includes?: { tweets?: Json[] };
  meta: { result_count: number; next_token?: string };
}

withAdaSignedIn(SCOPES);

const get = async <T = Json>(path: string, t = token) => readAnswer<T>(await api(emu, path, t));
/** X's status and body, without headers, for `toEqual`. */
async function send(method: string, path: string, payload?: unknown, t = token): Promise<{ status: number; body: Json }> {
  const { status, body } = await readAnswer(await sendJson(emu, method, path, t, payload));
  return { status, body };
}
const mutedNow = async () => (await control<{ muting: string[] }>(emu, 'GET', `users/${ADA_ID}/relations`)).muting;

describe('GET /2/users/:id/muting', () => {
  it('answers the 41 muted accounts, newest mute first, in one default page', async () => {
    const { status, body, headers } = await get<Page>(BASE);
    expect(status).toBe(200);
    expect(headers.get('x-rate-limit-limit')).toBe('15');
    expect(SEED_MUTED_IDS.length).toBeGreaterThanOrEqual(40);
    expect(body.data!.map((u) => u.id)).toEqual([...SEED_MUTED_IDS].reverse());
    expect(body.meta).toEqual({ result_count: SEED_MUTED_IDS.length });
    const names = body.data!.map((u) => u.name).join(' ');
    expect(names).toMatch(/[가-힣]|[\u4e00-\u9fff]/);
    expect(names).toMatch(/🚀|💯|💰/);
    expect(names).toMatch(/Ł|Þ|ş|ñ|é|ő|ý|ü/);
  });

  it.each([
    [5, 9],
    [10, 5],
    [20, 3],
    [41, 1],
  ])('pages with max_results=%i in %i requests', async (max, expected) => {
    const ids: string[] = [];
    let requests = 0;
    let next: string | undefined;
    do {
      const { body } = await get<Page>(`${BASE}?max_results=${max}${next ? `&pagination_token=${next}` : ''}`);
      requests++;
      expect(body.meta.result_count).toBe(body.data!.length);
      ids.push(...body.data!.map((u) => u.id));
      next = body.meta.next_token;
    } while (next);
    expect(requests).toBe(expected);
    expect(requests).toBe(Math.ceil(SEED_MUTED_IDS.length / max));
    expect(ids).toEqual([...SEED_MUTED_IDS].reverse());
  });

  it('honours user.fields and expands pinned posts', async () => {
    const muted = emu.state.users.get(SEED_MUTED_IDS.at(-1)!)!;
    muted.pinned_tweet_id = SEED_POSTS.turingCjk;
    const { body } = await get<Page>(
      `${BASE}?max_results=2&user.fields=pinned_tweet_id,protected&expansions=pinned_tweet_id&tweet.fields=lang`,
    );
    expect(body.data![0]).toEqual({
      id: muted.id,
      name: muted.name,
      username: muted.username,
      pinned_tweet_id: SEED_POSTS.turingCjk,
      protected: false,
    });
    expect(body.includes!.tweets).toEqual([
      {
        id: SEED_POSTS.turingCjk,
        text: expect.stringContaining('機械は考える'),
        edit_history_tweet_ids: [SEED_POSTS.turingCjk],
        lang: 'ja',
      },
    ]);
  });

  it.each(['0', '1001', '-1'])('answers 400 to max_results=%s (1–1000)', async (value) => {
    const { status, body } = await get(`${BASE}?max_results=${value}`);
    emu.contract.claim({ operationId: 'getUsersMuting', rule: 'query-value' });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      errors: [
        { parameters: { max_results: [value] }, message: `The \`max_results\` query parameter value [${value}] is not between 1 and 1000` },
      ],
      type: `${PROBLEMS}invalid-request`,
    });
    expect((await get(`${BASE}?max_results=1000`)).status).toBe(200);
  });

  it('answers only meta when nobody is muted', async () => {
    emu.state.muting.clear();
    expect((await get(BASE)).body).toEqual({ meta: { result_count: 0 } });
  });
});

describe('POST /2/users/:id/muting and DELETE /2/users/:source_user_id/muting/:target_user_id', () => {
  it('mutes an account, which then comes first, and unmutes it; repeats change nothing', async () => {
    const target = CROWD_USER_IDS[3]!;
    for (let i = 0; i < 2; i++)
      expect(await send('POST', BASE, { target_user_id: target })).toEqual({ status: 200, body: { data: { muting: true } } });
    expect((await get<Page>(`${BASE}?max_results=1`)).body.data![0]!.id).toBe(target);
    expect(await mutedNow()).toHaveLength(SEED_MUTED_IDS.length + 1);
    const lookup = await get<{ data: { connection_status: string[] } }>(`/2/users/${target}?user.fields=connection_status`);
    expect(lookup.body.data.connection_status).toContain('muting');
    for (let i = 0; i < 2; i++)
      expect(await send('DELETE', `${BASE}/${target}`)).toEqual({ status: 200, body: { data: { muting: false } } });
    expect(await mutedNow()).toEqual([...SEED_MUTED_IDS]);
  });

  it.each([
    ['42', 'Could not find user with target_user_id: [42].'],
    [SUSPENDED_USER_ID, `User has been suspended: [${SUSPENDED_USER_ID}].`],
  ])('answers 404 to muting %s', async (id, detail) => {
    expect(await send('POST', BASE, { target_user_id: id })).toMatchObject({
      status: 404,
      body: {
        errors: [
          {
            value: id,
            detail,
            title: 'Not Found Error',
            resource_type: 'user',
            parameter: 'target_user_id',
            resource_id: id,
            type: `${PROBLEMS}resource-not-found`,
          },
        ],
      },
    });
  });

  it.each([
    [{ target_user_id: ADA_ID }, { parameters: { target_user_id: [ADA_ID] }, message: 'You cannot mute yourself.' }],
    [{}, { message: '$.target_user_id: is missing but it is required' }],
    [{ user_id: GRACE_ID }, { message: '$.user_id: is not defined in the schema and the schema does not allow additional properties' }],
  ])('answers 400 to %j', async (payload, error) => {
    const res = await send('POST', BASE, payload);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(error);
    // Muting oneself is a valid request X refuses; the other two lack target_user_id, which the description requires.
    expect(emu.contract.take({ operationId: 'muteUser', rule: 'request-body' })).toHaveLength('target_user_id' in payload ? 0 : 1);
  });

  it.each([
    ['GET', `/2/users/${GRACE_ID}/muting`, undefined],
    ['POST', `/2/users/${GRACE_ID}/muting`, { target_user_id: CROWD_USER_IDS[3] }],
    ['DELETE', `/2/users/${GRACE_ID}/muting/${SEED_MUTED_IDS[0]}`, undefined],
  ])('answers 403 to %s %s', async (method, path, payload) => {
    expect(await send(method, path, payload)).toEqual({
      status: 403,
      body: {
        title: 'Forbidden',
        type: 'about:blank',
        status: 403,
        detail: `You can only act on behalf of the authenticated user: [${GRACE_ID}] is not the id of the user of this access token.`,
      },
    });
  });

  it.each([
    ['GET', BASE, 'mute.read'],
    ['POST', BASE, 'mute.write'],
    ['DELETE', `${BASE}/${SEED_MUTED_IDS[0]}`, 'mute.write'],
  ])('answers 403 to %s %s without %s', async (method, path, scope) => {
    const narrow = (
      await signIn(
        emu,
        SCOPES.filter((s) => s !== scope),
      )
    ).access_token;
    const res = await send(method, path, method === 'POST' ? { target_user_id: CROWD_USER_IDS[3] } : undefined, narrow);
    emu.contract.claim({ rule: 'scopes' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ missing_scopes: [scope] });
  });
});

describe('rate limits', () => {
  it('reads: 15 per 15 minutes, then 429 until the window resets', async () => {
    for (let i = 0; i < 15; i++) expect((await api(emu, BASE, token)).status).toBe(200);
    const limited = await api(emu, BASE, token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    emu.state.advance(14 * 60);
    expect((await api(emu, BASE, token)).status).toBe(429);
    emu.state.advance(60);
    expect((await api(emu, BASE, token)).status).toBe(200);
  });

  it('writes: 50 per 15 minutes', async () => {
    for (let i = 0; i < 50; i++) expect((await send('POST', BASE, { target_user_id: CROWD_USER_IDS[3] })).status).toBe(200);
    const limited = await send('POST', BASE, { target_user_id: CROWD_USER_IDS[3] });
    expect(limited.status).toBe(429);
    expect((await send('DELETE', `${BASE}/${CROWD_USER_IDS[3]}`)).status).toBe(200);
  });
});
