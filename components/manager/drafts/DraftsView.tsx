import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { thrownText } from '@/components/error-text';
import { sendMessage, type DraftSummary } from '@/lib/messaging';
import { readDrafts, unnamedAuthors, unnamedPosts, withAuthors } from '@/lib/services/drafts';
import { numberOf } from '../format';
import { UnreadableRows } from '../UnreadableRows';
import { When } from '../When';
import { draftContextText, draftFacts } from './draft-words';
import './drafts.css';

/**
 * The Drafts tab: every saved draft of the account, the most recently changed first, each with what it was started
 * on ("Reply to @grace"), its text and its age, to reopen (Perch's popup in a window, on that post, page or new
 * post, where the composer picks the draft up) or to delete after a confirmation (its images go with it, and they
 * live only in Perch's store, so there is no Undo). Read live from the store: a draft saved or posted in the popup
 * appears or goes here at once. Only the background writes drafts; this tab asks it through messages.
 */
export function DraftsView({ accountId }: { accountId: string }) {
  // The drafts read no table a sync writes, so they show at once during one; the authors of posts a draft does not
  // name (one kept before it carried them) are read apart and named once the store gives them.
  const read = useLiveQuery(() => readDrafts(accountId), [accountId]);
  const unnamed = read ? unnamedPosts(read.drafts).join(' ') : '';
  const authors = useLiveQuery(() => unnamedAuthors(accountId, unnamed ? unnamed.split(' ') : []), [accountId, unnamed]);
  const drafts = read && withAuthors(read.drafts, authors);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [deleting, setDeleting] = useState<DraftSummary>();
  const statusRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const open = (draft: DraftSummary) => {
    setMessage(undefined);
    sendMessage({ type: 'draft.open', accountId, context: draft.context }).then(
      () => setMessage({ text: i18n.t('drafts_opened', [draftContextText(draft)]) }),
      (e: unknown) => setMessage({ text: thrownText(e), error: true }),
    );
  };

  const remove = (draft: DraftSummary) => {
    setMessage(undefined);
    sendMessage({ type: 'draft.discard', accountId, context: draft.context }).then(
      () => {
        setMessage({ text: i18n.t('drafts_deleted', [draftContextText(draft)]) });
        // The row and its buttons are gone: the focus goes to the line that says so, not to the page's top.
        statusRef.current?.focus();
      },
      (e: unknown) => setMessage({ text: thrownText(e), error: true }),
    );
  };

  return (
    <section className="mgr-view drafts-view" aria-labelledby={`${id}-title`}>
      <div className="mgr-head">
        <h2 id={`${id}-title`}>{i18n.t('drafts_title')}</h2>
        {drafts?.length ? <span className="muted">{i18n.t('drafts_count', drafts.length, [numberOf(drafts.length)])}</span> : null}
      </div>
      <div className="drafts-message mgr-focus-target" role="status" tabIndex={-1} ref={statusRef}>
        {message ? <p className={message.error ? 'error' : 'muted'}>{message.text}</p> : null}
      </div>
      {read ? <UnreadableRows count={read.unreadable} /> : null}
      {drafts === undefined ? (
        <p className="muted" aria-busy="true">
          {i18n.t('drafts_loading')}
        </p>
      ) : !drafts.length ? (
        <div className="drafts-empty">
          <p className="drafts-empty-title">{i18n.t('drafts_empty')}</p>
          <p className="muted">{i18n.t('drafts_empty_how')}</p>
        </div>
      ) : (
        <ol className="mgr-rows" aria-label={i18n.t('drafts_list_label')}>
          {drafts.map((d) => (
            <DraftItem key={d.context} draft={d} onOpen={open} onDelete={setDeleting} />
          ))}
        </ol>
      )}
      {deleting ? (
        <ConfirmDialog
          request={{
            title: i18n.t('drafts_delete_title'),
            body: i18n.t('drafts_delete_body', [draftContextText(deleting)]),
            confirm: i18n.t('drafts_delete_confirm'),
            cancel: i18n.t('drafts_delete_cancel'),
          }}
          onClose={(confirmed) => {
            const draft = deleting;
            setDeleting(undefined);
            if (confirmed) remove(draft);
          }}
        />
      ) : null}
    </section>
  );
}

function DraftItem({
  draft,
  onOpen,
  onDelete,
}: {
  draft: DraftSummary;
  onOpen: (d: DraftSummary) => void;
  onDelete: (d: DraftSummary) => void;
}) {
  const what = draftContextText(draft);
  const facts = draftFacts(draft);
  return (
    <li className="mgr-row">
      <div className="mgr-row-main">
        <span className="mgr-row-title drafts-context">{what}</span>
        <p className={`drafts-text${draft.text.trim() ? '' : ' muted'}`} dir="auto">
          {draft.text.trim() ? draft.text : i18n.t('drafts_no_text')}
        </p>
        <p className="drafts-meta muted">
          {draft.updatedAt ? <When iso={draft.updatedAt} /> : null}
          {facts ? (draft.updatedAt ? i18n.t('popup_meta_separator') : '') + facts : ''}
        </p>
        {draft.state === 'unknown' ? <p className="drafts-unknown">{i18n.t('drafts_unknown')}</p> : null}
      </div>
      <div className="drafts-actions">
        <button type="button" aria-label={i18n.t('drafts_open_label', [what])} onClick={() => onOpen(draft)}>
          {i18n.t('drafts_open')}
        </button>
        <button type="button" aria-label={i18n.t('drafts_delete_label', [what])} onClick={() => onDelete(draft)}>
          {i18n.t('drafts_delete')}
        </button>
      </div>
    </li>
  );
}
