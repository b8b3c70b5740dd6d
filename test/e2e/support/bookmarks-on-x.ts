/** Ada's bookmarks as X (the emulator) holds them, read through the API as any app would: the manager specs' truth. */
import { ADA, type EmulatorControl } from './emulator-control';

type XUser = { id: string; name: string; username: string };

/** What X (the emulator) returns for Ada's bookmarks, read as Perch's test would read X: through the API. */
export interface XBookmarks {
  ids: string[];
  text: Map<string, string>;
  authorOf: Map<string, XUser>;
}

export interface XCardPost {
  id: string;
  text: string;
  author_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: string; id: string }[];
  entities?: { urls?: { url: string; expanded_url: string; display_url: string }[] };
}

interface BookmarksPage {
  data?: XCardPost[];
  includes?: { users?: XUser[]; tweets?: XCardPost[] };
  meta: { next_token?: string };
}

/** Each page of Ada's bookmarks with these fields and expansions, 100 a page, following next_token to the end. */
async function* bookmarkPages(emu: EmulatorControl, fields: Record<string, string>): AsyncGenerator<BookmarksPage> {
  let next: string | undefined;
  do {
    const q = new URLSearchParams({ max_results: '100', ...fields });
    if (next) q.set('pagination_token', next);
    const page = (await emu.readAsSignedIn(`/2/users/${ADA.id}/bookmarks?${q}`)) as BookmarksPage;
    yield page;
    next = page.meta.next_token;
  } while (next);
}

/** Ada's bookmarks, newest first, with each one's text and author. */
export async function bookmarksOnX(emu: EmulatorControl): Promise<XBookmarks> {
  const out: XBookmarks = { ids: [], text: new Map(), authorOf: new Map() };
  for await (const page of bookmarkPages(emu, { 'tweet.fields': 'author_id', expansions: 'author_id', 'user.fields': 'name,username' })) {
    const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
    for (const p of page.data ?? []) {
      out.ids.push(p.id);
      out.text.set(p.id, p.text);
      const author = users.get(p.author_id);
      if (author) out.authorOf.set(p.id, author);
    }
  }
  return out;
}

/** Ada's bookmarks with what their cards show, read through the API with X's expansions. */
export async function cardsOnX(emu: EmulatorControl): Promise<{
  posts: Map<string, XCardPost>;
  tweets: Map<string, XCardPost>;
  users: Map<string, XUser>;
}> {
  const out = { posts: new Map<string, XCardPost>(), tweets: new Map<string, XCardPost>(), users: new Map<string, XUser>() };
  const fields = {
    'tweet.fields': 'author_id,entities,referenced_tweets,in_reply_to_user_id',
    expansions: 'author_id,referenced_tweets.id,referenced_tweets.id.author_id,in_reply_to_user_id',
    'user.fields': 'name,username',
  };
  for await (const page of bookmarkPages(emu, fields)) {
    for (const p of page.data ?? []) out.posts.set(p.id, p);
    for (const t of page.includes?.tweets ?? []) out.tweets.set(t.id, t);
    for (const u of page.includes?.users ?? []) out.users.set(u.id, u);
  }
  return out;
}

/** A post's words without its links and @mentions: what the search box finds it by. */
export function wordsOf(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\w+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}
