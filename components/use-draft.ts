import { i18n } from '#i18n';
import { useCallback, useEffect, useRef, useState } from 'react';
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
  /** Text to start with when there is no saved draft (sharing a page). */
  initialText?: string;
}

const EMPTY: EditablePost[] = [{ text: '', media: [] }];

/**
 * The draft being edited, saved through the background on every change. Saves are sent at once, numbered,
 * without waiting for the one before, so closing the popup right after a keystroke still saves it.
 */
export function useDraft(target: DraftTarget) {
  const [posts, setPosts] = useState<EditablePost[]>();
  const [saved, setSaved] = useState<DraftView | null>(null);
  const [saveError, setSaveError] = useState<string>();
  const seq = useRef(0);
  const current = useRef<EditablePost[]>(EMPTY);
  const show = useCallback((next: EditablePost[]) => {
    current.current = next;
    setPosts(next);
  }, []);
  const { accountId, context, replyToId, quoteId, initialText } = target;

  const persist = useCallback(
    (next: EditablePost[]) => {
      seq.current += 1;
      sendMessage({
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
      }).then(
        () => setSaveError(undefined),
        (e: unknown) => setSaveError(i18n.t('composer_save_failed', [thrownText(e)])),
      );
    },
    [accountId, context, replyToId, quoteId],
  );

  const reload = useCallback(async () => {
    const draft = await sendMessage({ type: 'draft.get', accountId, context });
    setSaved(draft);
    seq.current = Math.max(seq.current, draft?.seq ?? 0);
    return draft;
  }, [accountId, context]);

  useEffect(() => {
    let live = true;
    reload().then(
      (draft) => {
        if (!live) return;
        if (draft) show(draft.posts.map((p) => ({ text: p.text, media: p.media })));
        else if (initialText) {
          const start = [{ text: initialText, media: [] }];
          show(start);
          persist(start);
        } else show(EMPTY);
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
  }, [reload, initialText, persist, show]);

  const update = useCallback(
    (change: (posts: EditablePost[]) => EditablePost[]) => {
      const next = change(current.current);
      show(next);
      persist(next);
    },
    [persist, show],
  );

  const reset = useCallback(() => {
    seq.current += 1;
    show(EMPTY);
    setSaved(null);
  }, [show]);

  return { posts, saved, saveError, update, reload, reset };
}
