import { i18n } from '#i18n';
import { useCallback, useEffect, useRef, useState } from 'react';
import { USERNAME_PATTERN } from '@/lib/limits';
import { sendMessage, type DraftView } from '@/lib/messaging';
import { thrownText } from './error-text';

export interface EditablePost {
  text: string;
  /**
   * `alt`: the image's description for people who cannot see it; absent until the person adds one. `durationSecs`: a
   * video's length, as read from the file.
   */
  media: { id: string; name: string; type: string; size: number; previewUrl?: string; alt?: string; durationSecs?: number }[];
}

export interface DraftTarget {
  accountId: string;
  context: string;
  replyToId?: string;
  quoteId?: string;
  /** The @username of that post's author as X named them, kept on the draft: the Drafts tab names it without a lookup. */
  authorUsername?: string | undefined;
  /**
   * Text to start with when there is no saved draft (sharing a page, editing a post). Shown, not saved: it becomes a
   * draft only once the person changes it, or posts it.
   */
  initialText?: string;
}

const EMPTY: EditablePost[] = [{ text: '', media: [] }];

/** Whether the background keeps no draft for these posts (saveDraft's rule: no words, no media). */
const nothingIn = (posts: EditablePost[]) => posts.every((p) => !p.text.trim() && p.media.length === 0);

/**
 * The draft being edited, saved through the background on every change. Saves are sent at once, numbered,
 * without waiting for the one before, so closing the popup right after a keystroke still saves it. `stored`: whether
 * a draft is kept for this context, so opening the popup on a page makes no draft of the page until the person writes.
 */
export function useDraft(target: DraftTarget) {
  const [posts, setPosts] = useState<EditablePost[]>();
  const [saved, setSaved] = useState<DraftView | null>(null);
  const [saveError, setSaveError] = useState<string>();
  const [stored, setStored] = useState(false);
  const seq = useRef(0);
  const current = useRef<EditablePost[]>(EMPTY);
  const kept = useRef(false);
  // Posts of a thread already on X keep their draft, however empty the rest is.
  const published = useRef(0);
  const keep = useCallback((yes: boolean) => {
    kept.current = yes;
    setStored(yes);
  }, []);
  const show = useCallback((next: EditablePost[]) => {
    current.current = next;
    setPosts(next);
  }, []);
  const { accountId, context, replyToId, quoteId, authorUsername, initialText } = target;

  const persist = useCallback(
    (next: EditablePost[]) => {
      seq.current += 1;
      keep(!nothingIn(next) || published.current > 0);
      const sent = sendMessage({
        type: 'draft.save',
        accountId,
        context,
        seq: seq.current,
        posts: next.map((p) => {
          const alts = Object.fromEntries(p.media.flatMap((m) => (m.alt !== undefined ? [[m.id, m.alt]] : [])));
          return { text: p.text, mediaIds: p.media.map((m) => m.id), ...(Object.keys(alts).length ? { alts } : {}) };
        }),
        ...(replyToId ? { replyToId } : {}),
        ...(quoteId ? { quoteId } : {}),
        // One that is no @username (a stored row of another shape) is left out: the save is not refused for it.
        ...(authorUsername && USERNAME_PATTERN.test(authorUsername) ? { authorUsername } : {}),
      });
      sent.then(
        () => setSaveError(undefined),
        (e: unknown) => setSaveError(i18n.t('composer_save_failed', [thrownText(e)])),
      );
      return sent;
    },
    [accountId, context, replyToId, quoteId, authorUsername, keep],
  );

  const reload = useCallback(async () => {
    const draft = await sendMessage({ type: 'draft.get', accountId, context });
    setSaved(draft);
    seq.current = Math.max(seq.current, draft?.seq ?? 0);
    published.current = draft?.publishedIds.length ?? 0;
    keep(!!draft);
    return draft;
  }, [accountId, context, keep]);

  useEffect(() => {
    let live = true;
    reload().then(
      (draft) => {
        if (!live) return;
        if (draft) show(draft.posts.map((p) => ({ text: p.text, media: p.media })));
        else if (initialText) show([{ text: initialText, media: [] }]);
        else show(EMPTY);
      },
      (e: unknown) => {
        if (!live) return;
        setSaveError(i18n.t('composer_read_failed', [thrownText(e)]));
        show(EMPTY);
      },
    );
    return () => {
      live = false;
    };
  }, [reload, initialText, show]);

  const update = useCallback(
    (change: (posts: EditablePost[]) => EditablePost[]) => {
      const next = change(current.current);
      show(next);
      void persist(next);
    },
    [persist, show],
  );

  /** Before posting: the text shown but never changed (a shared page's, a post's being edited) is saved first. */
  const store = useCallback(async () => {
    if (!kept.current) await persist(current.current);
  }, [persist]);

  const reset = useCallback(() => {
    seq.current += 1;
    published.current = 0;
    keep(false);
    show(EMPTY);
    setSaved(null);
  }, [show, keep]);

  return { posts, saved, stored, saveError, update, store, reload, reset };
}
