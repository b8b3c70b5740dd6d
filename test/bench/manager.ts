/**
 * The manager with a big account, in headless Chromium: 10,000 bookmarks, 5,000 muted and 5,000 blocked accounts,
 * 1,000 owned lists (one of them with 5,000 members) and 10,000 activity rows, written straight into the extension's
 * IndexedDB (from an extension page, as the background would have stored them), then
 *   first render   navigation to manager.html → Bookmarks rows committed (User Timing mark), median of runs
 *   each tab       click on the tab (or on the list's name, for Members) → its first screen of rows committed (the
 *                  tab's User Timing mark, lib/bench-mark.ts), each run on a freshly opened page, median of runs;
 *                  beside it the floor: click on a tab already drawn → its panel shown, in the same pages
 *   search         one keystroke (an input event) → results in the DOM, and → painted (the frame after), median
 *   tag search     the same, typing `tag:rust compilers` over 10,000 bookmarks that carry tags, notes and read state
 *   scrolling      the list scrolled by a wheel's worth every frame: frame times and frames over budget
 *   memory         JS heap after a GC, with the Bookmarks tab shown
 *   Muted tab      click → the newest of 5,000 muted accounts visible, as a person (Playwright) sees it
 * Figures and targets are printed; nothing here fails a build. On the bench build (./build.ts), never the store build.
 */
import type { Page } from 'playwright-core';
import { startEmulator } from '../emulator/server';
import { launchPerch, registerCallback, signIn } from '../e2e/support/chromium';
import { ADA, EmulatorControl, TEST_EMULATOR_PORT } from '../e2e/support/emulator-control';
import { benchBuild } from './build';
import { median, type BenchRow } from './types';

const BOOKMARKS = 10_000;
const MUTED = 5_000;
const BLOCKED = 5_000;
const LISTS = 1_000;
const MEMBERS = 5_000;
const ACTIVITY = 10_000;
const RENDER_RUNS = 11;
const TAB_RUNS = 7;
/** The owned list with 5,000 members: the newest, so it comes first under Owned. */
const BIG_LIST = { id: '1600000000000000000', name: 'Bench big list' };
const TAB_TARGET_MS = 300;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Writes the big local copy into the store, with IndexedDB itself, from a page of the extension. */
async function seedStore(page: Page, accountId: string): Promise<void> {
  await page.evaluate(
    async ({ accountId, bookmarks, muted, blocked, lists, members, activity, bigList }) => {
      const fold = (s: string) =>
        s
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase();
      const first = ['Zoë', 'Ångström', 'José', 'Łukasz', 'Ada', 'Grace', '山田', '김', 'Émile', 'Nuño', 'Søren', 'Çelik'];
      const last = ['Müller', 'Ørsted', 'García', 'Żółć', 'Hopper', 'Lovelace', '花子', '민준', 'Zola', 'Peña', 'Kierkegaard', 'Şahin'];
      const words = [
        'compilers',
        'type systems',
        'testing',
        'OAuth',
        'rate limits',
        'browser extensions',
        'Unicode',
        '勉強しました',
        '型システム',
        '编译器',
        '테스트',
        'café',
        'naïve',
        'résumé',
        '🎉',
        '🚀',
      ];
      const now = new Date().toISOString();
      const users: { accountId: string; id: string; name: string; username: string; seenAt: string }[] = [];
      for (let i = 0; i < 600; i++) {
        users.push({
          accountId,
          id: String(2_000_000_000 + i),
          name: `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`,
          username: `author_${i}`,
          seenAt: now,
        });
      }
      for (let i = 0; i < muted; i++) {
        users.push({ accountId, id: String(3_000_000_000 + i), name: `Muted person ${i}`, username: `muted_${i}`, seenAt: now });
      }
      for (let i = 0; i < blocked; i++) {
        users.push({ accountId, id: String(4_000_000_000 + i), name: `Blocked person ${i}`, username: `blocked_${i}`, seenAt: now });
      }
      for (let i = 0; i < members; i++) {
        users.push({ accountId, id: String(5_000_000_000 + i), name: `Member person ${i}`, username: `member_${i}`, seenAt: now });
      }
      const listRows: object[] = [];
      for (let i = 0; i < lists; i++) {
        const big = i === lists - 1;
        listRows.push({
          accountId,
          id: big ? bigList.id : String(1_500_000_000_000_000_000n + BigInt(i)),
          name: big ? bigList.name : `Bench list ${i}`,
          ...(i % 3 ? { description: `Accounts about ${words[(i * 5) % words.length]} and ${words[(i * 7) % words.length]}` } : {}),
          private: i % 4 === 0,
          ownerId: accountId,
          memberCount: big ? members : i % 50,
          followerCount: i % 7,
          createdAt: new Date(Date.now() - (lists - i) * 60_000).toISOString(),
          owned: true,
          followed: false,
          pinned: false,
          member: false,
        });
      }
      const types = [
        ['bookmark', 'Bookmark post'],
        ['like', 'Like post'],
        ['repost', 'Repost post'],
        ['mute', 'Mute @muted_'],
      ] as const;
      const actionRows: object[] = [];
      for (let i = 0; i < activity; i++) {
        const [type, label] = types[i % types.length]!;
        const at = new Date(Date.now() - (activity - i) * 90_000).toISOString();
        const target =
          type === 'mute'
            ? { userId: String(3_000_000_000 + i), username: `muted_${i}` }
            : { postId: String(1_900_000_000_000_000_000n + BigInt(i)) };
        actionRows.push({
          accountId,
          type,
          params: target,
          label: `${label}${type === 'mute' ? i : ` ${i}`}`,
          state: i % 17 === 0 ? 'failed' : 'done',
          ...(i % 17 === 0 ? { error: { kind: 'rate-limited', message: 'Too Many Requests' } } : {}),
          createdAt: at,
          updatedAt: at,
          notBefore: 0,
          attempts: 1,
        });
      }
      const posts: object[] = [];
      const marks: object[] = [];
      // The person's own organising (issue 14): a tag or two on each bookmark, a note on every fourth, half read.
      const tagNames = ['rust', 'reading', 'to-read', 'work', '東京'];
      const notes: object[] = [];
      for (let i = 0; i < bookmarks; i++) {
        const author = users[(i * 31) % 600]!;
        const w = (k: number) => words[(i * k) % words.length];
        const url = 'https://t.co/abcdefghij';
        const text = `Post ${i} about ${w(3)} and ${w(5)}, ${w(7)} ${w(11)}. Read more ${url}`;
        const id = String(1_900_000_000_000_000_000n + BigInt(i));
        const start = Array.from(text).length - url.length;
        posts.push({
          accountId,
          id,
          text,
          authorId: author.id,
          createdAt: new Date(Date.now() - (bookmarks - i) * 3_600_000).toISOString(),
          urls: [
            {
              url,
              expandedUrl: `https://example.com/articles/${i}`,
              displayUrl: `example.com/articles/${i}`,
              start,
              end: start + url.length,
            },
          ],
          mediaCount: i % 9 === 0 ? 2 : 0,
          ...(i % 13 === 0 ? { quotedId: '20' } : {}),
          seenAt: now,
        });
        marks.push({
          accountId,
          postId: id,
          position: i + 1,
          folderIds: [],
          searchText: fold(`${text} https://example.com/articles/${i} ${author.name} @${author.username}`),
        });
        notes.push({
          accountId,
          postId: id,
          tags: [tagNames[i % tagNames.length], ...(i % 3 === 0 ? ['later'] : [])].sort(),
          note: i % 4 === 0 ? `Note ${i}: remember ${w(13)}` : '',
          read: i % 2 === 0,
          updatedAt: now,
          username: author.username,
        });
      }
      const day = now.slice(0, 10);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('perch');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const stores = ['users', 'posts', 'bookmarks', 'bookmarkNotes', 'muted', 'blocked', 'lists', 'listMembers', 'actions', 'syncState'];
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(stores, 'readwrite');
        tx.objectStore('bookmarks').clear();
        for (const u of users) tx.objectStore('users').put(u);
        for (const p of posts) tx.objectStore('posts').put(p);
        for (const b of marks) tx.objectStore('bookmarks').put(b);
        for (const n of notes) tx.objectStore('bookmarkNotes').put(n);
        for (let i = 0; i < muted; i++) tx.objectStore('muted').put({ accountId, userId: String(3_000_000_000 + i), position: i + 1 });
        for (let i = 0; i < blocked; i++) tx.objectStore('blocked').put({ accountId, userId: String(4_000_000_000 + i), position: i + 1 });
        for (const l of listRows) tx.objectStore('lists').put(l);
        for (let i = 0; i < members; i++)
          tx.objectStore('listMembers').put({ accountId, listId: bigList.id, userId: String(5_000_000_000 + i), position: i });
        for (const a of actionRows) tx.objectStore('actions').add(a);
        // Synced today: no tab asks X for anything while it is measured.
        for (const collection of ['bookmarks', 'bookmarkFolders', 'muted', 'blocked', 'lists']) {
          tx.objectStore('syncState').put({ accountId, collection, lastSyncedAt: now, lastFullDay: day });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      accountId,
      bookmarks: BOOKMARKS,
      muted: MUTED,
      blocked: BLOCKED,
      lists: LISTS,
      members: MEMBERS,
      activity: ACTIVITY,
      bigList: BIG_LIST,
    },
  );
}

/**
 * Clicks the element `click` (a CSS selector, and the text it must have) and times click → the User Timing mark
 * `mark` (the first screen of rows committed), in the page's own clock. NaN when the mark never comes.
 */
async function clickToMark(page: Page, click: { selector: string; text: string }, mark: string): Promise<number> {
  return page.evaluate(
    ({ click, mark }) =>
      new Promise<number>((resolve) => {
        const target = [...document.querySelectorAll<HTMLElement>(click.selector)].find((el) => el.textContent?.trim() === click.text);
        if (!target) return resolve(NaN);
        performance.clearMarks(mark);
        const timeout = setTimeout(() => resolve(NaN), 30_000);
        const observer = new PerformanceObserver((entries) => {
          const entry = entries.getEntriesByName(mark)[0];
          if (!entry) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve(entry.startTime - t0);
        });
        observer.observe({ type: 'mark' });
        const t0 = performance.now();
        target.click();
      }),
    { click, mark },
  );
}

/** The floor: click on a tab already drawn → its panel shown (the DOM change React commits), in the page's clock. */
async function clickToShown(page: Page, tabName: string): Promise<number> {
  return page.evaluate(
    (tabName) =>
      new Promise<number>((resolve) => {
        const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((el) => el.textContent?.trim() === tabName);
        const panel = tab && document.getElementById(tab.getAttribute('aria-controls') ?? '');
        if (!tab || !panel) return resolve(NaN);
        const observer = new MutationObserver(() => {
          if (panel.hidden) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
        const t0 = performance.now();
        tab.click();
      }),
    tabName,
  );
}

/** Sets the search box's text as one keystroke would, and times it: → results in the DOM, → painted. */
/** Scrolls an element by a wheel's worth (240 px) every frame for 300 frames; returns each frame's duration. */
async function scrollFrames(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(
    (sel) =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector<HTMLElement>(sel)!;
        const times: number[] = [];
        let last = performance.now();
        const step = () => {
          const t = performance.now();
          times.push(t - last);
          last = t;
          el.scrollTop += 240;
          if (times.length < 300) requestAnimationFrame(step);
          else resolve(times.slice(1));
        };
        requestAnimationFrame(step);
      }),
    selector,
  );
}

async function keystroke(page: Page, value: string): Promise<{ dom: number; paint: number }> {
  return page.evaluate(
    (value) =>
      new Promise<{ dom: number; paint: number }>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        const t0 = performance.now();
        let dom = 0;
        const done = () => {
          const list = document.querySelector<HTMLElement>('[role="list"][data-results-for]');
          return list?.dataset.resultsFor === `|${value}` || !!document.querySelector('.bookmarks-view .bookmarks-empty');
        };
        const observer = new MutationObserver(() => {
          if (!dom && done()) dom = performance.now() - t0;
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-results-for'] });
        const frame = () => {
          if (!done()) return requestAnimationFrame(frame);
          observer.disconnect();
          dom ||= performance.now() - t0;
          // This frame paints what is committed; a message posted now runs once it is on screen.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ dom, paint: performance.now() - t0 });
          channel.port2.postMessage(null);
        };
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(frame);
      }),
    value,
  );
}

export async function bench(): Promise<BenchRow[]> {
  const build = benchBuild();
  const emulator = await startEmulator({ port: TEST_EMULATOR_PORT });
  const emu = new EmulatorControl(emulator.url);
  const { perch, close } = await launchPerch({ build });
  try {
    await registerCallback(perch, emu);
    await signIn(perch, await perch.open('options'));
    // tsx keeps function names with a `__name` helper that pages do not have.
    await perch.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await perch.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    const url = `chrome-extension://${perch.id}/manager.html`;
    await page.goto(url);
    // The first visit syncs the emulator's 800 by itself; the big copy replaces them once that is done.
    await page.getByText(/^Last synced /).waitFor({ timeout: 60_000 });
    await seedStore(page, ADA.id);

    const renders: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      await page.goto(url);
      await page.locator('.bookmarks-item').first().waitFor();
      renders.push(await page.evaluate(() => performance.getEntriesByName('perch-bookmarks-list')[0]?.startTime ?? NaN));
      // The page goes on to read all 10,000 rows; the next run starts once that is done, as a fresh open would.
      await page.getByText(`${BOOKMARKS.toLocaleString('en')} bookmarks`, { exact: true }).waitFor();
    }

    // Each run opens the manager afresh on another tab, waits until it is idle (every bookmark read), then clicks.
    let opened = 0;
    const settled = async (hash: string) => {
      // A new query string: a real navigation, never a same-document jump to the hash.
      await page.goto(`${url}?open=${++opened}#${hash}`);
      if (hash === 'bookmarks') await page.getByText(`${BOOKMARKS.toLocaleString('en')} bookmarks`, { exact: true }).waitFor();
      else await page.locator('.activity-list').waitFor();
    };
    const tabs: { name: string; label: string; mark: string; from: string; open?: string }[] = [
      { name: `Bookmarks (${BOOKMARKS.toLocaleString('en')})`, label: 'Bookmarks', mark: 'perch-bookmarks-list', from: 'activity' },
      { name: `Muted (${MUTED.toLocaleString('en')})`, label: 'Muted', mark: 'perch-muted-list', from: 'bookmarks' },
      { name: `Blocked (${BLOCKED.toLocaleString('en')})`, label: 'Blocked', mark: 'perch-blocked-list', from: 'bookmarks' },
      { name: `Lists (${LISTS.toLocaleString('en')} owned)`, label: 'Lists', mark: 'perch-lists-list', from: 'bookmarks' },
      {
        name: `a list's Members (${MEMBERS.toLocaleString('en')})`,
        label: 'Lists',
        mark: 'perch-members-list',
        from: 'bookmarks',
        open: BIG_LIST.name,
      },
      { name: `Activity (${ACTIVITY.toLocaleString('en')})`, label: 'Activity', mark: 'perch-activity-list', from: 'bookmarks' },
    ];
    const tabTimes = new Map<string, number[]>();
    const floors: number[] = [];
    for (let run = 0; run < TAB_RUNS; run++) {
      for (const tab of tabs) {
        await settled(tab.from);
        let ms: number;
        if (tab.open) {
          await clickToMark(page, { selector: '[role="tab"]', text: tab.label }, 'perch-lists-list');
          // Once the whole Lists tab is drawn (the oldest list is last): the figure is the members', not the lists'.
          await page.getByRole('button', { name: 'Bench list 0', exact: true }).waitFor();
          await page.waitForTimeout(200);
          ms = await clickToMark(page, { selector: 'button.mgr-list-name', text: tab.open }, tab.mark);
        } else ms = await clickToMark(page, { selector: '[role="tab"]', text: tab.label }, tab.mark);
        tabTimes.set(tab.name, [...(tabTimes.get(tab.name) ?? []), ms]);
        // The floor: back to the tab drawn when the page opened, which React only has to show again.
        await page.waitForTimeout(200);
        floors.push(await clickToShown(page, tab.from === 'activity' ? 'Activity' : 'Bookmarks'));
      }
    }
    const floor = median(floors);
    await settled('bookmarks');

    const typed: { dom: number; paint: number }[] = [];
    for (const word of ['compilers', 'zoe muller', '勉強', 'cafe', '@author_4']) {
      for (let n = 1; n <= [...word].length; n++) typed.push(await keystroke(page, [...word].slice(0, n).join('')));
      typed.push(await keystroke(page, ''));
    }
    const dom = median(typed.map((t) => t.dom));
    const paint = median(typed.map((t) => t.paint));

    // Issue 14: a tag and a word, typed a key at a time, as a person narrows 10,000 organised bookmarks.
    const TAG_QUERY = 'tag:rust compilers';
    const tagTyped: { dom: number; paint: number }[] = [];
    for (let round = 0; round < 3; round++) {
      for (let n = 1; n <= TAG_QUERY.length; n++) tagTyped.push(await keystroke(page, TAG_QUERY.slice(0, n)));
      tagTyped.push(await keystroke(page, ''));
    }
    const tagPaint = median(tagTyped.map((t) => t.paint));

    const frames = await scrollFrames(page, '.bookmarks-scroll');
    // The control: a plain scroller with nothing in it but height, scrolled the same way in the same page. Frames
    // it loses are the machine's (a 2-core VM, software compositing), not the list's.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.className = 'bench-control';
      box.style.cssText = 'position:fixed;inset:0;overflow:auto;z-index:9';
      box.innerHTML = '<div style="height:4000000px"></div>';
      document.body.append(box);
    });
    const control = await scrollFrames(page, '.bench-control');
    await page.evaluate(() => document.querySelector('.bench-control')!.remove());
    const scrolledRows = await page.locator('.bookmarks-item').count();
    const frameMedian = median(frames);
    const long = (f: number[]) => f.filter((t) => t > 1.5 * (1000 / 60)).length;
    const longFrames = long(frames);

    await page.evaluate(() => document.querySelector<HTMLElement>('.bookmarks-scroll')!.scrollTo(0, 0));
    const cdp = await perch.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };

    await settled('bookmarks');
    const t0 = Date.now();
    await page.getByRole('tab', { name: 'Muted' }).click();
    await page
      .getByText(`Muted person ${MUTED - 1}`, { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });
    const mutedShown = Date.now() - t0;

    const render = median(renders);
    const tabRows = tabs.map(({ name }): BenchRow => {
      const ms = median(tabTimes.get(name) ?? [NaN]);
      return {
        metric: `${name}: click → first screen of rows (median of ${TAB_RUNS})`,
        figure: `${ms.toFixed(0)} ms (${(ms / floor).toFixed(1)}× the floor)`,
        target: `≤ ${TAB_TARGET_MS} ms`,
        ok: ms <= TAB_TARGET_MS,
      };
    });
    return [
      ...tabRows,
      {
        metric: `floor: click → a tab already drawn shown again (median of ${floors.length})`,
        figure: `${floor.toFixed(1)} ms`,
        target: 'reported',
        ok: true,
      },
      {
        metric: `Bookmarks tab first render (${BOOKMARKS.toLocaleString('en')}, median of ${RENDER_RUNS})`,
        figure: `${render.toFixed(0)} ms`,
        target: '≤ 300 ms',
        ok: render <= 300,
      },
      {
        metric: `search keystroke → results painted (median of ${typed.length})`,
        figure: `${paint.toFixed(1)} ms (in DOM ${dom.toFixed(1)} ms, p95 painted ${percentile(
          typed.map((t) => t.paint),
          95,
        ).toFixed(1)} ms)`,
        target: '≤ 16 ms',
        ok: paint <= 16,
      },
      {
        metric: `search \`tag:rust compilers\` over ${BOOKMARKS.toLocaleString('en')} organised: keystroke → painted (median of ${tagTyped.length})`,
        figure: `${tagPaint.toFixed(1)} ms (in DOM ${median(tagTyped.map((t) => t.dom)).toFixed(1)} ms, p95 painted ${percentile(
          tagTyped.map((t) => t.paint),
          95,
        ).toFixed(1)} ms)`,
        target: '≤ 16 ms',
        ok: tagPaint <= 16,
      },
      {
        metric: `scrolling, 240 px a frame (${frames.length} frames, ${scrolledRows} rows drawn)`,
        figure:
          `${frameMedian.toFixed(1)} ms median frame, p95 ${percentile(frames, 95).toFixed(1)} ms, ${longFrames} over 25 ms ` +
          `(an empty scroller here: ${median(control).toFixed(1)} ms, p95 ${percentile(control, 95).toFixed(1)} ms, ${long(control)} over 25 ms)`,
        // Judged against the control: the list may lose at most 1% of frames more than an empty scroller does.
        target: '60 fps; long frames ≤ empty scroller’s + 1%',
        ok: frameMedian <= 17.5 && longFrames <= long(control) + frames.length / 100,
      },
      {
        metric: 'JS heap, Bookmarks tab shown (after GC)',
        figure: `${(heap.usedSize / 1024 / 1024).toFixed(1)} MB`,
        target: 'reported',
        ok: true,
      },
      {
        metric: `Muted tab shown (${MUTED.toLocaleString('en')} accounts, click → newest row visible, as Playwright sees it)`,
        figure: `${mutedShown} ms`,
        target: 'reported',
        ok: true,
      },
    ];
  } finally {
    await close();
    await emulator.close();
  }
}
