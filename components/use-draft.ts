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
  // Whether another screen saved this draft while this one was open: said from then on, as long as this one is open.
  const elsewhere = useRef(false);
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
      const save = async (posts: EditablePost[]): Promise<void> => {
        seq.current += 1;
        const mine = seq.current;
        keep(!nothingIn(posts) || published.current > 0);
        try {
          const { saved: keptIt } = await sendMessage({
            type: 'draft.save',
            accountId,
            context,
            seq: mine,
            posts: posts.map((p) => {
              const alts = Object.fromEntries(p.media.flatMap((m) => (m.alt !== undefined ? [[m.id, m.alt]] : [])));
              return { text: p.text, mediaIds: p.media.map((m) => m.id), ...(Object.keys(alts).length ? { alts } : {}) };
            }),
            ...(replyToId ? { replyToId } : {}),
            ...(quoteId ? { quoteId } : {}),
            // One that is no @username (a stored row of another shape) is left out: the save is not refused for it.
            ...(authorUsername && USERNAME_PATTERN.test(authorUsername) ? { authorUsername } : {}),
          });
          if (keptIt) {
            setSaveError(elsewhere.current ? i18n.t('composer_draft_changed_elsewhere') : undefined);
            return;
          }
          // Refused, and no later save of this screen's on its way: the stored draft is numbered past all this screen
          // sent, so another screen (the side panel's, the popup's) saved it since. What was typed here, and is shown
          // here, is saved again over it, numbered past it, and the person is told: never dropped unsaid.
          if (mine !== seq.current) return;
          const stored = await sendMessage({ type: 'draft.get', accountId, context });
          if (mine !== seq.current) return;
          seq.current = Math.max(seq.current, stored?.seq ?? 0);
          published.current = Math.max(published.current, stored?.publishedIds.length ?? 0);
          elsewhere.current = true;
          setSaveError(i18n.t('composer_draft_changed_elsewhere'));
          // A refusal the stored draft does not explain (it is numbered no later than this save) is not answered by
          // saving again, which would only be refused again: it is said, and the next change tries anew.
          if (stored && stored.seq <= mine) return;
        } catch (e: unknown) {
          setSaveError(i18n.t('composer_save_failed', [thrownText(e)]));
          throw e;
        }
        return save(current.current);
      };
      return save(next);
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
      // A failure is said on the screen (saveError).
      persist(next).catch(() => undefined);
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
