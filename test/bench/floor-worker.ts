/**
 * The floor's service worker (./floor.ts bundles it): only the libraries Perch's background must hold, each doing the
 * kind of work Perch's does with it, and nothing of Perch's own. It opens a small Dexie database and recovers a queue
 * from it at start (as Perch's outbox does), builds a few zod/mini schemas (a message union, an X answer), defines
 * @wxt-dev/storage items, keeps the oauth4webapi calls Perch's sign-in and refresh make, and answers a message after
 * checking it and reading storage (as Perch's `settings.get` does). Its size and cold start are what this stack costs
 * before any of Perch's code.
 */
import { storage } from '@wxt-dev/storage';
import Dexie, { type Table } from 'dexie';
import * as oauth from 'oauth4webapi';
import * as z from 'zod/mini';

z.config({ jitless: true });

interface QueuedRow {
  id?: number;
  accountId: string;
  kind: string;
  state: 'queued' | 'sent' | 'failed';
}

class FloorDb extends Dexie {
  actions!: Table<QueuedRow, number>;
  posts!: Table<{ accountId: string; id: string; text: string }, [string, string]>;
  constructor() {
    super('floor');
    this.version(1).stores({ actions: '++id, accountId, state', posts: '[accountId+id], accountId' });
  }
}

const db = new FloorDb();

const message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('settings.get') }),
  z.object({ type: z.literal('post.get'), accountId: z.string(), postId: z.string().check(z.regex(/^\d{1,19}$/)) }),
  z.object({ type: z.literal('sign-in'), clientId: z.optional(z.string()) }),
]);

const xPost = z.object({
  data: z.object({
    id: z.string(),
    text: z.string(),
    author_id: z.optional(z.string()),
    created_at: z.optional(z.string()),
    public_metrics: z.optional(z.record(z.string(), z.number())),
  }),
  errors: z.optional(z.array(z.object({ title: z.string(), detail: z.optional(z.string()), type: z.string() }))),
});

const clientIdItem = storage.defineItem<string>('local:settings.clientId', { fallback: '' });
const sessionItem = storage.defineItem<{ accounts: string[] }>('local:session.view', { fallback: { accounts: [] } });

/** Perch's sign-in and refresh, as calls: kept in the bundle, made only when asked. */
async function signIn(clientId: string): Promise<string> {
  const as: oauth.AuthorizationServer = { issuer: 'https://x.com', token_endpoint: 'https://api.x.com/2/oauth2/token' };
  const client: oauth.Client = { client_id: clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const params = oauth.validateAuthResponse(as, client, new URL(`https://x.com/cb?code=c&state=${oauth.generateRandomState()}`));
  try {
    const answer = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, 'https://x.com/cb', verifier);
    await oauth.processAuthorizationCodeResponse(as, client, answer);
    const refreshed = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), 'token', { [oauth.allowInsecureRequests]: true });
    await oauth.processRefreshTokenResponse(as, client, refreshed);
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.None(), 'token'));
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError || error instanceof oauth.AuthorizationResponseError) return error.error;
    if (error instanceof oauth.OperationProcessingError) return error.code ?? error.message;
    throw error;
  }
  return challenge;
}

async function answer(raw: unknown): Promise<unknown> {
  const m = message.parse(raw);
  if (m.type === 'post.get') {
    const row = await db.posts.get([m.accountId, m.postId]);
    return row ? xPost.parse({ data: row }) : null;
  }
  if (m.type === 'sign-in') return signIn(await clientIdItem.getValue());
  return { clientId: await clientIdItem.getValue(), session: await sessionItem.getValue() };
}

chrome.runtime.onMessage.addListener((raw, _sender, reply) => {
  answer(raw).then(
    (value) => reply({ ok: true, value }),
    (error: unknown) => reply({ ok: false, error: String(error) }),
  );
  return true;
});

// A worker (re)start: what was queued is looked at again, as Perch's outbox recovers.
void db.actions.where('state').equals('queued').toArray();
