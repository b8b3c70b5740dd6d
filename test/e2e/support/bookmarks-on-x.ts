/** Ada's bookmarks as X (the emulator) holds them, read through the API as any app would: the manager specs' truth. */
import { ADA, type EmulatorControl } from './emulator-control';

type XUser = { id: string; name: string; username: string };

/** What X (the emulator) returns for Ada's bookmarks, read as Perch's test would read X: through the API. */
export interface XBookmarks {
  ids: string[];
  text: Map<string, string>;
  authorOf: Map<string, XUser>;
  /** The post each bookmark quotes, where X returned it: its card shows it inset, and the search finds its words. */
  quoted: Map<string, { text: string; authorId: string }>;
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
  const out: XBookmarks = { ids: [], text: new Map(), authorOf: new Map(), quoted: new Map() };
  const fields = {
    'tweet.fields': 'author_id,referenced_tweets',
    expansions: 'author_id,referenced_tweets.id',
    'user.fields': 'name,username',
  };
  for await (const page of bookmarkPages(emu, fields)) {
    const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
    const tweets = new Map((page.includes?.tweets ?? []).map((t) => [t.id, t]));
    for (const p of page.data ?? []) {
      out.ids.push(p.id);
      out.text.set(p.id, p.text);
      const author = users.get(p.author_id);
      if (author) out.authorOf.set(p.id, author);
      const quoted = tweets.get(p.referenced_tweets?.find((r) => r.type === 'quoted')?.id ?? '');
      if (quoted) out.quoted.set(p.id, { text: quoted.text, authorId: quoted.author_id });
    }
  }
  return out;
}

/** Whether bookmark `id`'s card shows `words`: in its post's text, or in the post it quotes. */
export function cardShows(onX: XBookmarks, id: string, words: string): boolean {
  return [onX.text.get(id) ?? '', onX.quoted.get(id)?.text ?? ''].some((text) => text.includes(words));
}

/** Whether bookmark `id`'s card names the account `userId`: as its post's author, or the quoted post's. */
export function cardNames(onX: XBookmarks, id: string, userId: string): boolean {
  return onX.authorOf.get(id)?.id === userId || onX.quoted.get(id)?.authorId === userId;
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
