import { browser } from 'wxt/browser';
import { AuthService } from '@/lib/auth/service';
import { fromBase64 } from '@/lib/base64';
import { createMessageListener } from '@/lib/message-contract';
import { readSessionView, sessionView, type AccountView } from '@/lib/storage';
import { attachImage, discardDraft, getDraft, publishDraft, saveDraft } from '@/lib/services/compose';
import { deletePost } from '@/lib/x/posts';
import { getMe } from '@/lib/x/users';
import { oauthSettings, readSettings, saveClientId } from '@/lib/settings';

export default defineBackground(() => {
  // Every listener is registered synchronously, before any await, so a woken worker never misses its event.
  const auth = new AuthService({
    settings: oauthSettings,
    launchWebAuthFlow: async (url) => {
      const responseUrl = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!responseUrl) throw new Error('The user did not approve access.');
      return responseUrl;
    },
    ...(typeof navigator !== 'undefined' && navigator.locks ? { locks: navigator.locks } : {}),
  });

  browser.runtime.onMessage.addListener(
    createMessageListener({
      'auth.signIn': () => auth.signIn(),
      'auth.signOut': async ({ accountId }) => {
        await auth.signOut(accountId);
        return null;
      },
      'account.switch': async ({ accountId }) => {
        await auth.switchAccount(accountId);
        return null;
      },
      'account.check': async ({ accountId }) => {
        const user = await getMe(auth.clientFor(accountId, await oauthSettings()));
        const account: AccountView = {
          id: user.id,
          name: user.name,
          username: user.username,
          ...(user.profile_image_url ? { profileImageUrl: user.profile_image_url } : {}),
        };
        const view = await readSessionView();
        await sessionView.setValue({ ...view, accounts: view.accounts.map((a) => (a.id === account.id ? account : a)) });
        return account;
      },
      'settings.get': () => readSettings(),
      'draft.get': ({ accountId, context }) => getDraft(accountId, context),
      'draft.save': ({ type: _type, ...input }) => saveDraft(input),
      'draft.discard': async ({ accountId, context }) => {
        await discardDraft(accountId, context);
        return null;
      },
      'draft.attachImage': async ({ accountId, context, name, mediaType, data }) => ({
        id: await attachImage(accountId, context, { name, type: mediaType, bytes: fromBase64(data) }),
      }),
      'post.publish': async ({ accountId, context }) => {
        const ids = await publishDraft(auth.clientFor(accountId, await oauthSettings()), accountId, context);
        const username = (await readSessionView()).accounts.find((a) => a.id === accountId)?.username ?? 'i';
        return { ids, username };
      },
      'post.delete': async ({ accountId, postId }) => {
        await deletePost(auth.clientFor(accountId, await oauthSettings()), postId);
        return null;
      },
      'settings.setClientId': ({ clientId }) => saveClientId(clientId),
    }),
  );

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
});
