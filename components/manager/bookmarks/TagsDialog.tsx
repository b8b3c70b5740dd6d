import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'react';
import type { SavedSearchRow } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { LiveLine } from '@/components/LiveLine';
import { normaliseTag } from '@/lib/bookmarks/tags';
import { SAVED_SEARCH_NAME_MAX } from '@/lib/limits';
import { useModalDialog } from '@/components/use-modal-dialog';
import { thrownText } from '../../error-text';
import { ConfirmButton } from '../ConfirmButton';
import { num } from './BookmarkExport';

type Status = { text: string; error?: boolean } | undefined;

/** A name edited in place: the field (named for what it renames, as long as the name's own field takes), Save and Cancel. */
function RenameForm({
  label,
  initial,
  max,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  max: number;
  onSave: (to: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.select(), []);
  return (
    <form
      className="bookmarks-rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSave(value.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        ref={ref}
        type="text"
        value={value}
        maxLength={max}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            // The field's Escape cancels the rename, not the whole dialog.
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit" className="primary">
        {i18n.t('bookmarks_note_save')}
      </button>
      <button type="button" onClick={onCancel}>
        {i18n.t('bookmarks_note_cancel')}
      </button>
    </form>
  );
}

/** Where the focus goes after a delete that leaves no row in its section. */
const CLOSE = 'close';

/**
 * The manager of the account's tags and saved searches, in a modal dialog: each tag with its count, to rename (into
 * another tag merges them) or delete everywhere (after confirming); each saved search to run, rename, pin or unpin,
 * and delete. Escape or Close closes it and gives the focus back.
 */
export function TagsDialog({
  accountId,
  tags,
  saved,
  onRun,
  onClose,
}: {
  accountId: string;
  tags: readonly { tag: string; count: number }[];
  saved: readonly SavedSearchRow[];
  onRun: (query: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [renaming, setRenaming] = useState<string>();
  const [status, setStatus] = useState<Status>();
  // The Rename button a closed rename form gives the focus back to (once its row shows), so Tab goes on from there;
  // after a delete, the Rename button of the row that takes the deleted one's place, or Close when none is left.
  const [refocus, setRefocus] = useState<string>();
  const closeButton = useRef<HTMLButtonElement>(null);

  useModalDialog(ref);

  useEffect(() => {
    if (!refocus) return;
    const button =
      refocus === CLOSE
        ? closeButton.current
        : [...(ref.current?.querySelectorAll<HTMLElement>('[data-rename]') ?? [])].find((b) => b.dataset.rename === refocus);
    if (!button) return;
    button.focus();
    setRefocus(undefined);
  }, [refocus, renaming, tags, saved]);

  const closeRename = (back: string) => {
    setRenaming(undefined);
    setRefocus(back);
  };
  // A deleted row takes its controls with it: the focus goes to the next row (else the one before), never the page.
  const afterDelete = (keys: string[], gone: string) => {
    const i = keys.indexOf(gone);
    setRefocus(keys[i + 1] ?? keys[i - 1] ?? CLOSE);
  };

  async function run(step: () => Promise<string>) {
    setStatus(undefined);
    try {
      setStatus({ text: await step() });
    } catch (e) {
      setStatus({ text: thrownText(e), error: true });
    }
  }

  const renameTag = (from: string, to: string) =>
    void run(async () => {
      const { changed } = await sendMessage({ type: 'tag.rename', accountId, from, to });
      // Named as it is kept, in the line and by the row that takes the focus: "Birds" is the tag birds.
      const kept = normaliseTag(to) ?? to;
      closeRename(`tag:${kept}`);
      return i18n.t('bookmarks_tag_renamed', changed, [from, kept, num(changed)]);
    });
  const deleteTag = (tag: string) =>
    void run(async () => {
      const { changed } = await sendMessage({ type: 'tag.delete', accountId, tag });
      afterDelete(
        tags.map((t) => `tag:${t.tag}`),
        `tag:${tag}`,
      );
      return i18n.t('bookmarks_tag_deleted', changed, [tag, num(changed)]);
    });
  const saveSearch = (s: SavedSearchRow, change: Partial<Pick<SavedSearchRow, 'name' | 'pinned'>>) =>
    void run(async () => {
      const next = { ...s, ...change };
      await sendMessage({ type: 'savedSearch.save', accountId, id: s.id, name: next.name, query: s.query, pinned: next.pinned });
      if (change.name !== undefined) closeRename(`search:${s.id}`);
      return change.name !== undefined
        ? i18n.t('bookmarks_search_renamed', [next.name])
        : next.pinned
          ? i18n.t('bookmarks_search_pinned', [next.name])
          : i18n.t('bookmarks_search_unpinned', [next.name]);
    });
  const deleteSearch = (s: SavedSearchRow) =>
    void run(async () => {
      await sendMessage({ type: 'savedSearch.delete', accountId, id: s.id });
      afterDelete(
        saved.map((x) => `search:${x.id}`),
        `search:${s.id}`,
      );
      return i18n.t('bookmarks_search_deleted', [s.name]);
    });

  return (
    <dialog
      ref={ref}
      className="bookmarks-tags-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        // Escape inside a delete's question cancels the question (ConfirmButton), not the dialog.
        if (document.activeElement?.closest('.mgr-confirm, .bookmarks-rename')) return;
        onClose();
      }}
    >
      <h2 id={titleId}>{i18n.t('bookmarks_tags_title')}</h2>
      <section aria-labelledby={`${titleId}-tags`}>
        <h3 id={`${titleId}-tags`}>{i18n.t('bookmarks_tags_manage')}</h3>
        {tags.length ? (
          <ul className="bookmarks-manage-list">
            {tags.map(({ tag, count }) => (
              <li key={tag}>
                {renaming === `tag:${tag}` ? (
                  <RenameForm
                    label={i18n.t('bookmarks_tag_rename_label', [tag])}
                    initial={tag}
                    max={64 /* as a card's Add tag box: room for a '#' and spaces the tag's rules take off */}
                    onSave={(to) => renameTag(tag, to)}
                    onCancel={() => closeRename(`tag:${tag}`)}
                  />
                ) : (
                  <>
                    <span className="bookmarks-manage-name">
                      <bdi>{tag}</bdi> <span className="muted">{i18n.t('bookmarks_count', count, [num(count)])}</span>
                    </span>
                    <button
                      type="button"
                      data-rename={`tag:${tag}`}
                      aria-label={i18n.t('bookmarks_tag_rename_named', [tag])}
                      onClick={() => setRenaming(`tag:${tag}`)}
                    >
                      {i18n.t('bookmarks_rename')}
                    </button>
                    <ConfirmButton
                      label={i18n.t('bookmarks_tag_delete_label', [tag])}
                      short={i18n.t('bookmarks_delete')}
                      prompt={i18n.t('bookmarks_tag_delete_prompt', count, [tag, num(count)])}
                      confirmLabel={i18n.t('bookmarks_tag_delete_confirm', [tag])}
                      cancelLabel={i18n.t('bookmarks_note_cancel')}
                      onConfirm={() => deleteTag(tag)}
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{i18n.t('bookmarks_tags_none')}</p>
        )}
      </section>
      <section aria-labelledby={`${titleId}-saved`}>
        <h3 id={`${titleId}-saved`}>{i18n.t('bookmarks_saved_searches')}</h3>
        {saved.length ? (
          <ul className="bookmarks-manage-list">
            {saved.map((s) => (
              <li key={s.id}>
                {renaming === `search:${s.id}` ? (
                  <RenameForm
                    label={i18n.t('bookmarks_search_rename_label', [s.name])}
                    initial={s.name}
                    max={SAVED_SEARCH_NAME_MAX}
                    onSave={(name) => saveSearch(s, { name })}
                    onCancel={() => closeRename(`search:${s.id}`)}
                  />
                ) : (
                  <>
                    <span className="bookmarks-manage-name">
                      <bdi>{s.name}</bdi> <code className="muted">{s.query}</code>
                    </span>
                    <button
                      type="button"
                      aria-label={i18n.t('bookmarks_search_run_named', [s.name])}
                      onClick={() => {
                        onRun(s.query);
                        onClose();
                      }}
                    >
                      {i18n.t('bookmarks_search_run')}
                    </button>
                    <button
                      type="button"
                      data-rename={`search:${s.id}`}
                      aria-label={i18n.t('bookmarks_search_rename_named', [s.name])}
                      onClick={() => setRenaming(`search:${s.id}`)}
                    >
                      {i18n.t('bookmarks_rename')}
                    </button>
                    <button
                      type="button"
                      aria-label={
                        s.pinned ? i18n.t('bookmarks_search_unpin_named', [s.name]) : i18n.t('bookmarks_search_pin_named', [s.name])
                      }
                      onClick={() => saveSearch(s, { pinned: !s.pinned })}
                    >
                      {s.pinned ? i18n.t('bookmarks_search_unpin') : i18n.t('bookmarks_search_pin_short')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={i18n.t('bookmarks_search_delete_named', [s.name])}
                      onClick={() => deleteSearch(s)}
                    >
                      {i18n.t('bookmarks_delete')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{i18n.t('bookmarks_searches_none')}</p>
        )}
      </section>
      <LiveLine said={status} />
      <div className="bookmarks-dialog-buttons">
        <button type="button" ref={closeButton} onClick={onClose}>
          {i18n.t('bookmarks_dialog_close')}
        </button>
      </div>
    </dialog>
  );
}
