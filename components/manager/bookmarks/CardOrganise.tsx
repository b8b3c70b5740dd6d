import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import { createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { normaliseTag, TAGS_PER_BOOKMARK_MAX } from '@/lib/bookmarks/tags';
import { BOOKMARK_NOTE_MAX } from '@/lib/limits';
import { sendMessage } from '@/lib/messaging';
import { thrownText } from '../../error-text';
import type { BookmarkItem } from '../use-bookmarks';

/** What every card of the tab shares: whose bookmarks they are, and the id of the one list of the account's tags. */
export interface OrganiseScope {
  accountId: string;
  /** The `<datalist>` of the account's tags, the type-ahead of every card's Add tag box. */
  tagListId: string;
  /**
   * The notes being written, by post id, while their editors are open: kept above the virtualised list, so a card
   * that leaves it (a search, a scroll, Mark read while Unread is shown) and comes back shows its editor and text.
   */
  noteDrafts?: Map<string, string>;
}

export const OrganiseContext = createContext<OrganiseScope | undefined>(undefined);

type Change = { tags?: string[]; note?: string; read?: boolean };

/**
 * Writes one bookmark's tags, note or read state (only what is given changes) through the background, and keeps the
 * last refusal in words for the card to show.
 */
export function useOrganise(item: BookmarkItem) {
  const scope = useContext(OrganiseContext);
  const [error, setError] = useState('');
  async function save(change: Change): Promise<boolean> {
    if (!scope) return false;
    setError('');
    try {
      await sendMessage({
        type: 'bookmark.organise',
        accountId: scope.accountId,
        postId: item.postId,
        ...(item.author ? { username: item.author.username } : {}),
        ...change,
      });
      return true;
    } catch (e) {
      setError(thrownText(e));
      return false;
    }
  }
  return { save, error, setError };
}

/**
 * A bookmark's tags as chips, each with its remove button, and the Add tag box: a combobox whose suggestions are the
 * account's tags (a native `<datalist>`). Enter adds what is typed; Backspace in the empty box removes the last tag.
 */
export function TagEditor({
  item,
  save,
  onError,
  named,
}: {
  item: BookmarkItem;
  save: (change: Change) => Promise<boolean>;
  onError: (text: string) => void;
  /** Names a control after the card's post, its label first. */
  named: (label: string) => string;
}) {
  const scope = useContext(OrganiseContext);
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  async function add() {
    if (!text.trim()) return;
    const tag = normaliseTag(text);
    if (!tag) return onError(i18n.t('bookmarks_tag_invalid', [text.trim()]));
    if (item.tags.includes(tag)) return setText('');
    if (item.tags.length >= TAGS_PER_BOOKMARK_MAX) return onError(i18n.t('bookmarks_tag_too_many', [numberOf(TAGS_PER_BOOKMARK_MAX)]));
    if (await save({ tags: [...item.tags, tag] })) setText('');
  }

  async function remove(tag: string) {
    await save({ tags: item.tags.filter((t) => t !== tag) });
    inputRef.current?.focus();
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      void add();
    } else if (e.key === 'Backspace' && !text && item.tags.length) {
      e.preventDefault();
      // Only a fresh press takes a tag: Backspace held to clear the box must not go on through the card's tags.
      if (e.repeat) return;
      void remove(item.tags[item.tags.length - 1]!);
    } else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
    }
  }

  return (
    // A group, not a list: the card is already an item of the bookmarks list, and its chips are not more bookmarks.
    <div className="bookmarks-tags" role="group" aria-label={named(i18n.t('bookmarks_tags_label'))}>
      {item.tags.map((tag) => (
        <span key={tag} className="bookmarks-tag">
          <bdi>{tag}</bdi>
          <button
            type="button"
            className="bookmarks-tag-remove"
            aria-label={named(i18n.t('bookmarks_tag_remove', [tag]))}
            onClick={() => void remove(tag)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      ))}
      <input
        ref={inputRef}
        className="bookmarks-tag-input"
        type="text"
        aria-label={named(i18n.t('bookmarks_tag_add'))}
        placeholder={i18n.t('bookmarks_tag_add')}
        list={scope?.tagListId}
        value={text}
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
    </div>
  );
}

/** The card's private note, shown under the post. */
export function NoteText({ note }: { note: string }) {
  return note ? (
    <p className="bookmarks-note">
      <span className="visually-hidden">{i18n.t('bookmarks_note_label')}: </span>
      <bdi>{note}</bdi>
    </p>
  ) : null;
}

/** The note's editor, open from Add note / Edit note: a textarea with Save and Cancel; Escape cancels. */
export function NoteEditor({ item, close, save }: { item: BookmarkItem; close: () => void; save: (change: Change) => Promise<boolean> }) {
  const drafts = useContext(OrganiseContext)?.noteDrafts;
  // An editor back with its card after it left the list keeps its text, and leaves the focus where the person is.
  const [kept] = useState(() => drafts?.get(item.postId));
  const [draft, setDraft] = useState(kept ?? item.note);
  const openedWith = useRef(draft);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (kept !== undefined) return;
    drafts?.set(item.postId, openedWith.current);
    areaRef.current?.focus();
  }, [kept, drafts, item.postId]);

  async function submit() {
    if (await save({ note: draft.trim() })) close();
  }

  // Escape cancels from the field or either button.
  const cancelOnEscape = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return false;
    e.preventDefault();
    e.stopPropagation();
    close();
    return true;
  };

  return (
    <div className="bookmarks-note-edit">
      <label htmlFor={id} className="bookmarks-note-label">
        {i18n.t('bookmarks_note_label')}
      </label>
      <textarea
        id={id}
        ref={areaRef}
        rows={2}
        maxLength={BOOKMARK_NOTE_MAX}
        value={draft}
        placeholder={i18n.t('bookmarks_note_placeholder')}
        onChange={(e) => {
          setDraft(e.target.value);
          drafts?.set(item.postId, e.target.value);
        }}
        onKeyDown={(e) => {
          if (cancelOnEscape(e)) return;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <div className="bookmarks-note-buttons">
        <button type="button" className="primary" onKeyDown={cancelOnEscape} onClick={() => void submit()}>
          {i18n.t('bookmarks_note_save')}
        </button>
        <button type="button" onKeyDown={cancelOnEscape} onClick={close}>
          {i18n.t('bookmarks_note_cancel')}
        </button>
      </div>
    </div>
  );
}
