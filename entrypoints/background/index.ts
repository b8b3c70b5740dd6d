import '@/lib/zod-jitless';
import { browser, type Browser } from 'wxt/browser';
import { followTestClock } from '@/lib/clock';
import { createMessageListener, isTrustedSender, originOf, type MessageListener } from '@/lib/message-contract';
import { forgetTab, guardSender } from '@/lib/popup-gate';
import { readSessionView } from '@/lib/storage';
import { createHandlers } from './handlers';
import { signedInOnly } from './signed-in-only';
import { bookmarkCurrentPost, createMenus, runMenuAction, type MenuClickInfo } from './menus';
import { createServices, DAILY_ALARM, OUTBOX_ALARM } from './services';
import { startUpChores } from './start-up';
import { exposeTestHooks } from './test-hooks';

export default defineBackground(() => {
  followTestClock();
  const services = createServices();
  // A worker (re)start: send what was waiting, including actions caught mid-send by the last stop, paint the badge of
  // failures not yet seen again (the browser forgets it when it restarts), and finish a sign-out the last stop cut
  // off — after the first answer.
  const chores = startUpChores(() => {
    void services.outbox.recover();
    void services.failures.paint();
    void services.auth.finishSignOuts().catch(() => undefined);
  });
  // Every listener is registered synchronously, before any await, so a woken worker never misses its event.
  browser.runtime.onMessage.addListener(chores.afterAnswer(guarded(createMessageListener(signedInOnly(createHandlers(services))))));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void services.outbox.wake();
    if (alarm.name === DAILY_ALARM) void dailySync();
  });
  const onMenuClick = (info: MenuClickInfo, tab?: Browser.tabs.Tab) => runMenuAction(services, info, tab);
  const onCommand = async (command: string, tab?: Browser.tabs.Tab) => {
    if (command === 'bookmark-current-post') await bookmarkCurrentPost(services, tab);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  exposeTestHooks({ menuClick: onMenuClick, command: onCommand });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
    void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 60 });
    void createMenus();
  });
  browser.runtime.onStartup.addListener(() => void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 60 }));

  /** Hourly, and free unless a new UTC day began: the day's first bookmark walk purges what X deleted. */
  async function dailySync(): Promise<void> {
    for (const account of (await readSessionView()).accounts) await services.sync.sync(account.id, 'bookmarks');
  }
});

/**
 * Perch's pages opened by someone else (`popup.html?url=…`) ask X nothing and write nothing until the person clicks
 * in them (lib/popup-gate.ts): such a request gets a reason instead of an answer. Other senders are left to the
 * listener, which answers only Perch's own pages.
 */
function guarded(listener: MessageListener): MessageListener {
  return (message, sender, sendResponse) => {
    const origin = originOf(browser.runtime.getURL('/'));
    if (!origin || !isTrustedSender(sender, browser.runtime.id, origin)) return listener(message, sender, sendResponse);
    void guardSender(message, sender)
      .catch(() => false)
      .then((allowed) => {
        if (allowed) listener(message, sender, sendResponse);
        else sendResponse({ ok: false, error: { kind: 'bad-request', message: '', replyWords: { kind: 'gate-refused' } } });
      });
    return true;
  };
}
