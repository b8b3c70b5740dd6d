import '@/lib/zod-jitless';
import { browser, type Browser } from 'wxt/browser';
import { followTestClock } from '@/lib/clock';
import { createMessageListener } from '@/lib/message-contract';
import { readSessionView } from '@/lib/storage';
import { createHandlers } from './handlers';
import { bookmarkCurrentPost, createMenus, runMenuAction } from './menus';
import { createServices, DAILY_ALARM, OUTBOX_ALARM } from './services';
import { exposeTestHooks } from './test-hooks';

export default defineBackground(() => {
  followTestClock();
  const services = createServices();
  // Every listener is registered synchronously, before any await, so a woken worker never misses its event.
  browser.runtime.onMessage.addListener(createMessageListener(createHandlers(services)));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void services.outbox.wake();
    if (alarm.name === DAILY_ALARM) void dailySync();
  });
  const onMenuClick = (info: { menuItemId: string | number; linkUrl?: string }, tab?: Browser.tabs.Tab) =>
    runMenuAction(services, String(info.menuItemId), info.linkUrl, tab);
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

  // A worker (re)start: send what was waiting, including actions caught mid-send by the last stop.
  void services.outbox.recover();

  /** Hourly, and free unless a new UTC day began: the day's first bookmark walk purges what X deleted. */
  async function dailySync(): Promise<void> {
    for (const account of (await readSessionView()).accounts) await services.sync.sync(account.id, 'bookmarks');
  }
});
