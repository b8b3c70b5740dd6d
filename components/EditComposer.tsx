import { i18n } from '#i18n';
import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { editContext } from '@/lib/edit-context';
import { sendMessage, type EditView } from '@/lib/messaging';
import { ClearDraftButton } from './ClearDraftButton';
import { ComposerFoot } from './ComposerFoot';
import { whyCannotPost } from './compose-rules';
import { thrownText } from './error-text';
import { composeErrorText } from './compose-error-text';
import { PostEditor } from './PostEditor';
import { PublishedPosts, PublishedRegion } from './PublishedPosts';
import { useDraft } from './use-draft';
import { editsLeftText, editTimeLeft, timeLeftText, useEditClock } from './use-edit-window';
import { useEnterprisePlan } from './use-enterprise-plan';
import { usePostLimit } from './use-post-limit';

type Status =
  { kind: 'idle' } | { kind: 'publishing' } | { kind: 'published'; ids: string[]; username: string } | { kind: 'error'; message: string };

/**
 * Asks X (through the background) whether a post may be edited now, and opens the edit when it may; otherwise says
 * X does not allow it. Used by the published post's line, where Perch has not yet read X's `edit_controls`.
 */
export function useOpenEdit(accountId: string) {
  const [editing, setEditing] = useState<EditView>();
  const [refusal, setRefusal] = useState<string>();
  const [checking, setChecking] = useState<string>();
  async function open(postId: string) {
    setRefusal(undefined);
    setChecking(postId);
    try {
      const view = await sendMessage({ type: 'post.editView', accountId, postId });
      if (view.editable && editTimeLeft(view.editableUntil, Date.now()) > 0) setEditing(view);
      else setRefusal(i18n.t(view.media ? 'composer_edit_media' : 'composer_edit_refused'));
    } catch (e) {
      setRefusal(composeErrorText(e));
    } finally {
      setChecking(undefined);
    }
  }
  /** Puts the edit away, unsent: its draft stays, for an Edit pressed again. */
  const close = () => setEditing(undefined);
  return { editing, refusal, checking, open, close };
}

/**
 * Back to the post an edit was opened on (Back to the post): puts the edit away; once the post's line is drawn again
 * inside `root`, its Edit has the focus, in the commit that draws it (never the page).
 */
export function useBackToEdit(edits: ReturnType<typeof useOpenEdit>, root: RefObject<HTMLElement | null>): () => void {
  const backTo = useRef<string>(undefined);
  useLayoutEffect(() => {
    if (edits.editing || !backTo.current) return;
    root.current?.querySelector<HTMLElement>(`[data-focus="${backTo.current}:edit"]`)?.focus();
    backTo.current = undefined;
  }, [edits.editing, root]);
  return () => {
    backTo.current = edits.editing?.postId;
    edits.close();
  };
}

/**
 * Editing one of your posts within X's window (x-api--fundamentals--edit-posts): the post's text in the box as a
 * draft of its own ('edit:<id>'), the time left counted down from X's `editable_until` and the edits left; Update
 * sends the new text as a new version. When X says no (the window is over, no edits left), the text stays a draft.
 */
export function EditComposer({
  accountId,
  username,
  edit,
  onBack,
}: {
  accountId: string;
  username: string;
  edit: EditView;
  /** Back to the published post the edit was opened on, where there is one to go back to. */
  onBack?: (() => void) | undefined;
}) {
  const context = editContext(edit.postId);
  const { posts, stored, saveError, update, store, reload, reset } = useDraft({ accountId, context, initialText: edit.text });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const reasonId = useId();
  const now = useEditClock(edit.editableUntil);
  const enterprise = useEnterprisePlan();
  const limit = usePostLimit(accountId);
  const again = useOpenEdit(accountId);
  // Bumped to draw the box afresh after Clear draft: its button goes, and the focus goes to the box, not the page.
  const [generation, setGeneration] = useState(0);
  const loading = useRef<HTMLElement>(null);
  // Edit, pressed on a post just published, goes with the published line while the draft is read: the section waiting
  // for it keeps the focus (Firefox leaves it on the page), until the box takes it.
  useLayoutEffect(() => {
    const at = loading.current?.ownerDocument.activeElement;
    if (!posts && (!at || at === loading.current?.ownerDocument.body)) loading.current?.focus();
  }, [posts]);

  if (again.editing) return <EditComposer key={again.editing.postId} accountId={accountId} username={username} edit={again.editing} />;
  if (!posts)
    return <section ref={loading} tabIndex={-1} className="composer" aria-busy="true" aria-label={i18n.t('composer_edit_title')} />;

  const left = editTimeLeft(edit.editableUntil, now);
  const reason = !edit.editable
    ? i18n.t('composer_edit_not_allowed')
    : left === 0
      ? i18n.t('composer_edit_over')
      : whyCannotPost(posts, enterprise, limit);
  const busy = status.kind === 'publishing';
  const post = posts[0] ?? { text: '', media: [] };

  async function publish() {
    setStatus({ kind: 'publishing' });
    try {
      await store();
      const result = await sendMessage({ type: 'post.publish', accountId, context });
      setStatus({ kind: 'published', ...result });
      reset();
    } catch (e) {
      setStatus({ kind: 'error', message: composeErrorText(e) });
      await reload().catch(() => undefined);
    }
  }

  async function clear() {
    try {
      await sendMessage({ type: 'draft.discard', accountId, context });
      reset();
      setGeneration((g) => g + 1);
      setStatus({ kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'error', message: thrownText(e) });
    }
  }

  return (
    <section className="composer" aria-label={i18n.t('composer_edit_title')}>
      <h2>{i18n.t('composer_edit_title')}</h2>
      {onBack && status.kind !== 'published' ? (
        <button type="button" onClick={onBack}>
          {i18n.t('popup_back_to_post')}
        </button>
      ) : null}
      <PublishedRegion>
        {status.kind === 'published' ? (
          <PublishedPosts
            accountId={accountId}
            ids={status.ids}
            username={status.username}
            separately={false}
            edited
            editing={again.checking}
            editRefusal={again.refusal}
            onEdit={(id) => void again.open(id)}
            onError={(message) => setStatus({ kind: 'error', message })}
            onWriteAnother={() => setStatus({ kind: 'idle' })}
          />
        ) : null}
      </PublishedRegion>
      {status.kind === 'published' ? null : (
        <>
          {edit.editable && left > 0 ? (
            <p className="muted">{i18n.t('composer_editing', [timeLeftText(left), editsLeftText(edit.editsRemaining)])}</p>
          ) : null}
          <PostEditor
            key={generation}
            text={post.text}
            label={i18n.t('composer_text_label')}
            describedBy={reason ? reasonId : undefined}
            autoFocus={!busy}
            onSubmit={() => {
              if (!reason && !busy) void publish();
            }}
            limit={limit}
            // Updating: X gets the text as it was when Update was pressed, and the draft goes once X has it.
            readOnly={busy}
            onChange={(text) => update((all) => all.map((p, j) => (j === 0 ? { ...p, text } : p)))}
          />
          <ComposerFoot
            error={status.kind === 'error' ? status.message : undefined}
            saveError={saveError}
            reason={reason}
            reasonId={reasonId}
            reasonClassName={edit.editable && left > 0 ? 'muted' : 'error'}
            send={{
              label: busy ? i18n.t('composer_updating') : i18n.t('composer_update'),
              disabled: !!reason,
              busy,
              onClick: () => void publish(),
            }}
          >
            {stored ? <ClearDraftButton empty={!post.text} disabled={busy} onClear={() => void clear()} /> : null}
          </ComposerFoot>
        </>
      )}
    </section>
  );
}
