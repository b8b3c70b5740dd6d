import { describe, expect, it } from 'vitest';
import { parse } from 'zod/mini';
import { checkXApp, type AppCheckDeps } from '@/lib/services/app-check';
import { ADA_ID } from '../auth/support';
import { FSI, PDI, noAccountDeps } from '../support/sign-in-suite';

/**
 * X may answer GET /2/users/me with a 200 that carries only `errors` (no `data`): Check my X app shows X's refusal in
 * X's words, as every other errors-only answer is shown, not "X sent an answer Perch could not read".
 */

const DETAIL = 'Sorry, you are not authorized to see the user with id: [1].';
const RESET = Math.floor(Date.UTC(2030, 0, 16) / 1000);

/** A client whose GET /2/users/me X answers 200 with `errors` only, read with the schema the check asks it to. */
const errorsOnly: AppCheckDeps['client'] = {
  request: (req) =>
    Promise.resolve({
      status: 200,
      rateLimit: { limit: 75, remaining: 74, reset: RESET },
      body: parse(req.schema, {
        errors: [
          {
            title: 'Authorization Error',
            detail: DETAIL,
            type: 'https://api.x.com/2/problems/not-authorized-for-resource',
            resource_type: 'user',
            resource_id: '1',
          },
        ],
      }),
    }),
};

describe('Check my X app, when X answers GET /2/users/me with errors only', () => {
  it('shows X’s refusal in X’s words, with the answer’s rate limit and one billed read', async () => {
    const deps: AppCheckDeps = { ...noAccountDeps(undefined, () => Date.UTC(2030, 0, 15)), account: { id: ADA_ID, username: 'adaperch' } };
    const view = await checkXApp({ ...deps, client: errorsOnly });
    expect(view.me).toMatchObject({ mark: 'problem', sent: true, status: 200, errorKind: 'forbidden' });
    expect(view.me.mark === 'problem' && view.me.sent ? view.me.message : '').toContain(`X said: “${FSI}${DETAIL}${PDI}”`);
    expect(view.rateLimit).toEqual({ limit: 75, remaining: 74, reset: new Date(RESET * 1000).toISOString() });
    expect(view.credits).toEqual({ mark: 'unknown' });
    expect(view.billedReads).toBe(1);
  });
});
