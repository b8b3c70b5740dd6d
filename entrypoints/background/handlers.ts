import { readSignInOutcome } from '@/lib/auth/sign-in-outcome';
import { readGrantClientId } from '@/lib/auth/token-store';
import { importBookmarks } from '@/lib/bookmarks/import';
import { deleteSearch, deleteTag, forgetBookmark, organiseBookmark, renameTag, saveSearch } from '@/lib/bookmarks/notes';
import { fromBase64 } from '@/lib/base64';
import { X_SCOPES } from '@/lib/config';
import type { Handlers } from '@/lib/message-contract';
import type { AppCheckView } from '@/lib/messaging';
import { checkXApp } from '@/lib/services/app-check';
import { rateLimitStore } from '@/lib/services/rate-limit-store';
import { listMembers, listPostsPreview, lookupUser } from '@/lib/services/lookups';
import { listsForUser } from '@/lib/services/list-memberships';
import { listContext } from '@/lib/services/list-context';
import { signOutLoss } from '@/lib/services/sign-out-loss';
import { postContext, profileContext } from '@/lib/services/tab-context';
import { now } from '@/lib/clock';
import { attachImage, attachVideo, discardDraft, getDraft, publishDraft, publishProgress, saveDraft } from '@/lib/services/compose';
import { readEditView } from '@/lib/services/post-edit';
import { countDrafts, listDrafts } from '@/lib/services/drafts';
import { openDraft } from '@/lib/services/drafts-open';
import { readSettings, saveClientId, saveEnterprisePlan, oauthSettings } from '@/lib/settings';
import { readSessionView, shownMissingScopes } from '@/lib/storage';
import { parseXUrl } from '@/lib/x-url';
import type { XClient } from '@/lib/x/client';
import { createLimitedClient } from '@/lib/x/limiter';
import { XApiError } from '@/lib/x/errors';
import { recordQuoteRefused, recordReplyRefused } from '@/lib/refusals';
import type { Services } from './services';

/**
 * The client a check the person asked for sends with (Check connection, Check my X app): through the rate limiter,
 * so nothing is sent while X's last answer says the limit is used up and X's reset is believed at most a day ahead
 * (lib/x/limiter.ts), and never retried: the person is waiting for the answer.
 */
async function checkClient(auth: Services['auth'], accountId: string): Promise<XClient> {
  return createLimitedClient({
    client: auth.clientFor(accountId, await oauthSettings()),
    store: rateLimitStore(accountId),
    now,
    getRetries: 0,
  });
}

/**
 * "Check my X app" for an account (the active one, as the settings page asks) or for none: one GET /2/users/me at
 * most, through the rate limiter (nothing is sent when X's last answer said the limit is used up) and never retried.
 */
async function checkMyXApp({ auth }: Services, accountId: string | undefined): Promise<AppCheckView> {
  const [settings, view, lastSignIn] = await Promise.all([readSettings(), readSessionView(), readSignInOutcome()]);
  const found = accountId ? view.accounts.find((a) => a.id === accountId) : undefined;
  const account = found ? { id: found.id, username: found.username } : null;
  const client = account ? await checkClient(auth, account.id) : undefined;
  return checkXApp({
    account,
    clientId: settings.clientId,
    // The account's requests go with its grant's app, which is not the settings' one when the Client ID changed since.
    grantClientId: account ? await readGrantClientId(account.id) : undefined,
    redirectUrl: settings.redirectUrl,
    neededScopes: X_SCOPES,
    lastSignIn,
    grantedScope: account ? await auth.grantedScope(account.id) : undefined,
    missingScopes: found ? shownMissingScopes(found) : undefined,
    client,
    now,
  });
}

/** What the background does for each message from Perch's pages. */
export function createHandlers(services: Services): Handlers {
  const { auth, clientFor, outbox, sync, signOut } = services;
  return {
    'auth.signIn': async () => {
      const account = await auth.signIn();
      // An action X refused for a gone sign-in stays queued for this account, due now: nothing else would wake it.
      void outbox.kick(account.id);
      return account;
    },
    'auth.signOut': async ({ accountId, keep }) => {
      await signOut(accountId, keep);
      return null;
    },
    'account.switch': async ({ accountId }) => {
      await auth.switchAccount(accountId);
      return null;
    },
    'account.check': async ({ accountId }) => auth.refreshAccount(accountId, await checkClient(auth, accountId)),
    'account.signOutLoss': ({ accountId }) => signOutLoss(accountId),
    'app.check': ({ accountId }) => checkMyXApp(services, accountId),
    'settings.get': () => readSettings(),
    'settings.setClientId': ({ clientId }) => saveClientId(clientId),
    'settings.setEnterprisePlan': ({ enterprisePlan }) => saveEnterprisePlan(enterprisePlan),
    'draft.get': ({ accountId, context }) => getDraft(accountId, context),
    'draft.save': ({ type: _type, ...input }) => saveDraft(input),
    'draft.discard': async ({ accountId, context }) => {
      await discardDraft(accountId, context);
      return null;
    },
    'drafts.list': ({ accountId }) => listDrafts(accountId),
    'drafts.count': ({ accountId }) => countDrafts(accountId),
    'draft.open': async ({ accountId, context }) => {
      await openDraft(accountId, context);
      return null;
    },
    'draft.attachImage': async ({ accountId, context, name, mediaType, data }) => ({
      id: await attachImage(accountId, context, { name, type: mediaType, bytes: fromBase64(data) }),
    }),
    'draft.attachVideo': ({ accountId, context, mediaType, data, ...part }) =>
      attachVideo(accountId, context, { ...part, type: mediaType, bytes: fromBase64(data) }),
    'post.progress': ({ accountId, context }) => Promise.resolve(publishProgress(accountId, context)),
    'post.publish': async ({ accountId, context, separately }) => {
      const ids = await publishDraft(await clientFor(accountId), accountId, context, separately ? { separately } : {}).catch(
        async (error: unknown) => {
          // X refused a quote as Enterprise-only: the popup offers Quote on x.com for this account from now on. A
          // failure to remember it must not hide X's refusal, which is what the person needs to read.
          if (error instanceof XApiError && error.kind === 'enterprise-only' && context.startsWith('quote:'))
            await recordQuoteRefused(accountId, now()).catch(() => undefined);
          // X refused a reply (a self-serve app replies only where summoned): Reply on x.com for that post. X's
          // duplicate-content 403 is about the words, not the post replied to: the composer says it and Reply stays.
          if (error instanceof XApiError && error.kind === 'forbidden' && context.startsWith('reply:') && !isDuplicate(error))
            await recordReplyRefused(accountId, context.slice('reply:'.length)).catch(() => undefined);
          throw error;
        },
      );
      const username = (await readSessionView()).accounts.find((a) => a.id === accountId)?.username ?? 'i';
      return { ids, username };
    },
    'post.editView': async ({ accountId, postId }) => readEditView(await clientFor(accountId), accountId, postId),
    'action.do': async ({ accountId, action }) => {
      const params = action.type === 'list.create' ? { ...action.params, tempId: `pending-${crypto.randomUUID()}` } : action.params;
      const row = await outbox.enqueue(accountId, action.type, params);
      return { seq: row.seq! };
    },
    'action.undo': async ({ accountId, seq }) => {
      const row = await outbox.undo(accountId, seq);
      return { seq: row.seq! };
    },
    'action.cancel': async ({ accountId, seq }) => {
      await outbox.cancel(accountId, seq);
      return null;
    },
    'action.retry': async ({ accountId, seq }) => {
      await outbox.retry(accountId, seq);
      return null;
    },
    'user.lookup': async ({ accountId, username }) => lookupUser(await clientFor(accountId), accountId, username),
    'list.members': async ({ accountId, listId, paginationToken }) =>
      listMembers(await clientFor(accountId), accountId, listId, paginationToken),
    'list.posts': async ({ accountId, listId }) => listPostsPreview(await clientFor(accountId), accountId, listId),
    'actions.retry': async ({ accountId }) => {
      await outbox.retryNow(accountId);
      return null;
    },
    'failures.seen': async ({ accountId, seqs }) => {
      await services.failures.seen(accountId, seqs);
      return null;
    },
    'failures.shown': async ({ accountId, seqs }) => {
      await services.failures.shown(accountId, seqs);
      return null;
    },
    'tab.post': ({ accountId, postId }) => postContext(() => clientFor(accountId), accountId, postId, now()),
    'tab.profile': ({ accountId, username }) => profileContext(() => clientFor(accountId), accountId, username, now()),
    'tab.here': async ({ url }) => {
      const target = parseXUrl(url);
      if (target.kind !== 'post' && target.kind !== 'profile') return null;
      const session = await readSessionView();
      const accountId = session.activeAccountId;
      if (!accountId) return null;
      const context =
        target.kind === 'post'
          ? await postContext(() => clientFor(accountId), accountId, target.postId, now(), session)
          : await profileContext(() => clientFor(accountId), accountId, target.username, now());
      const here = target.kind === 'post' ? { kind: target.kind, postId: target.postId } : { kind: target.kind, username: target.username };
      return { accountId, target: here, context };
    },
    'tab.list': ({ accountId, listId }) => listContext(accountId, listId),
    'user.lists': async ({ accountId, userId }) => {
      // The account's own lists come from the store: fetch them first if not yet today (free otherwise).
      await sync.sync(accountId, 'lists');
      return listsForUser(await clientFor(accountId), accountId, userId);
    },
    'sync.run': async ({ accountId, collection, force, full }) => {
      return sync.sync(accountId, collection, { ...(force ? { force } : {}), ...(full ? { full } : {}) });
    },
    // Issue 14: the person's own organising of their bookmarks; the store only, never X.
    'bookmark.organise': async ({ type: _type, ...change }) => {
      await organiseBookmark(change, now());
      return null;
    },
    'bookmark.forget': async ({ accountId, postId }) => {
      await forgetBookmark(accountId, postId);
      return null;
    },
    'tag.rename': ({ accountId, from, to }) => renameTag(accountId, from, to, now()),
    'tag.delete': ({ accountId, tag }) => deleteTag(accountId, tag, now()),
    'savedSearch.save': ({ type: _type, ...input }) => saveSearch(input, now()),
    'savedSearch.delete': async ({ accountId, id }) => {
      await deleteSearch(accountId, id);
      return null;
    },
    'bookmarks.import': ({ accountId, json }) => importBookmarks(accountId, json, now()),
  };
}

/** X's 403 for a post repeating a recent one; X documents no wording, its detail reads "…duplicate content." */
function isDuplicate(error: XApiError): boolean {
  return [error.problem.detail, ...(error.problem.messages ?? [])].some((m) => m !== undefined && /duplicate/i.test(m));
}
