import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ActionRow, ListRow } from '@/lib/db';
import { listUrl } from '@/lib/x-links';
import { withoutBidiControls } from '@/lib/text/bidi';
import { isolatedWords } from '@/components/isolated-words';
import { actionPhase, phaseWords } from '../action-state';
import { storedGoneListIds } from '../activity-link';
import { ConfirmButton } from '../ConfirmButton';
import { ListActions, ListFacts, ListPinWaiting, type Act } from './ListActions';
import { ListForm } from './ListForm';
import { ListMembers } from './ListMembers';
import { ListPosts } from './ListPosts';
import { listEdits } from './list-rules';

/** An id X gave (a snowflake), not Perch's temporary one of a List still being created. */
const X_ID = /^\d{1,19}$/;

interface Props {
  accountId: string;
  /** The List opened: said gone by its id once its row is (deleted here, on X, or no longer among one's Lists). */
  listId?: string | undefined;
  /** Undefined when the list is gone (deleted here or on X). */
  list: ListRow | undefined;
  /** Its change still waiting for X (queued or being sent), if any: the heading shows the new name, said not done yet. */
  pending?: ActionRow | undefined;
  /** Its pin or unpin still waiting for X, if any. */
  pin?: ActionRow | undefined;
  /** Its follow or unfollow still waiting for X, if any. */
  follow?: ActionRow | undefined;
  act: Act;
  /** Back to all Lists; `gone` once the List is deleted, whose button there goes with it. */
  onBack: (gone?: boolean) => void;
  /** After an action whose row disappears (a removed member, the deleted list): focus the status line. */
  onActed: () => void;
}

/** One list: its details, pin/follow, edit and delete (lists one owns), its members and a preview of its posts. */
export function ListDetail({ accountId, listId, list: stored, pending, pin, follow, act, onBack, onActed }: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The List as it was when Edit was pressed: Save sends only what the person changed in the form since then, so a
  // change made meanwhile (Make private above the form, an edit elsewhere) is not undone by the form's older values.
  const [editedFrom, setEditedFrom] = useState<ListRow>();
  // Deleted here: the store forgets the List at once, before the background has said it took the deletion. Until it
  // says (and the tab goes back to all Lists), the List stays drawn, its Yes, delete busy with the focus on it.
  const [deleting, setDeleting] = useState<typeof stored>();
  const list = stored ?? deleting;

  // On opening: the focus on its heading. When the List goes while open, ListGone says why, with the focus there.
  const shown = !!list;
  useEffect(() => headingRef.current?.focus(), [shown]);

  const back = (
    <button type="button" className="mgr-back" onClick={() => onBack()}>
      {i18n.t('lists_back')}
    </button>
  );
  if (!list) return <ListGone key={listId} accountId={accountId} listId={listId} back={back} />;
  const ref = { listId: list.id, listName: list.name };
  // In labels, the name without its bidi formatting characters: an override in it (U+202E) cannot reverse the words after
  // it for a screen reader, a braille display or voice control. On screen the name keeps its marks inside a <bdi>.
  const spokenName = withoutBidiControls(list.name);
  // X's List carries `private` only when asked and answered: without it, neither state is claimed (no toggle, no box).
  const privacySaid = typeof list.private === 'boolean';
  const privacyButton = (makePrivate: boolean) => (
    <button
      key={String(makePrivate)}
      type="button"
      aria-label={i18n.t(makePrivate ? 'lists_make_private' : 'lists_make_public', { name: spokenName })}
      aria-describedby={privacySaid ? undefined : `${id}-privacy-unsaid`}
      onClick={() => void act({ type: 'list.update', params: { ...ref, private: makePrivate } })}
    >
      {i18n.t(makePrivate ? 'lists_make_private_short' : 'lists_make_public_short')}
    </button>
  );
  return (
    <section className="mgr-list-detail" aria-labelledby={`${id}-title`}>
      {back}
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        <bdi>{list.name}</bdi>
      </h2>
      {/* Its page on x.com: only once X has it (a List still being created has Perch's temporary id, and no page). */}
      {X_ID.test(list.id) ? (
        <p className="mgr-list-on-x">
          <a href={listUrl(list.id)} target="_blank" rel="noreferrer" aria-label={i18n.t('lists_open_on_x_label', { name: spokenName })}>
            {i18n.t('lists_open_on_x')}
          </a>
        </p>
      ) : null}
      {pending?.type === 'list.update' ? (
        <p className="note">{i18n.t('lists_change_pending', { state: phaseWords(actionPhase(pending, undefined, Date.now())) })}</p>
      ) : null}
      <p>
        <ListFacts list={list} sayMember />
        {list.followerCount !== undefined ? (
          <span className="muted"> · {i18n.t('lists_follower_count', list.followerCount, [numberOf(list.followerCount)])}</span>
        ) : null}
      </p>
      {list.description ? (
        <p className="mgr-list-description">
          <bdi>{list.description}</bdi>
        </p>
      ) : null}
      <ListPinWaiting pin={pin} />
      <ListPinWaiting pin={follow} />
      <ListActions list={list} act={act} />
      {list.owned ? (
        <div className="mgr-owner-tools">
          <div className="row">
            <button
              type="button"
              aria-expanded={!!editedFrom}
              aria-label={i18n.t('lists_edit', { name: spokenName })}
              onClick={() => setEditedFrom((e) => (e ? undefined : list))}
            >
              {i18n.t('lists_edit_short')}
            </button>
            {privacySaid ? privacyButton(!list.private) : [privacyButton(true), privacyButton(false)]}
            <ConfirmButton
              label={i18n.t('lists_delete', { name: spokenName })}
              short={i18n.t('lists_delete_short')}
              prompt={i18n.t('lists_delete_prompt', { name: spokenName })}
              shownPrompt={isolatedWords((m) => i18n.t('lists_delete_prompt', { name: m(0) }), [list.name])}
              confirmLabel={i18n.t('lists_delete_confirm', { name: spokenName })}
              cancelLabel={i18n.t('lists_delete_cancel')}
              onConfirm={async () => {
                setDeleting(list);
                const ok = await act({ type: 'list.delete', params: ref });
                setDeleting(undefined);
                if (ok) onBack(true);
              }}
            />
          </div>
          {privacySaid ? null : (
            <p className="note" id={`${id}-privacy-unsaid`}>
              {i18n.t('lists_privacy_unsaid')}
            </p>
          )}
          {editedFrom ? (
            <ListForm
              key={list.id}
              label={i18n.t('lists_edit', { name: spokenName })}
              initial={{ name: editedFrom.name, description: editedFrom.description ?? '', private: !!editedFrom.private }}
              requireChange
              asksPrivacy={typeof editedFrom.private === 'boolean'}
              submit={{ short: i18n.t('lists_save_short'), label: i18n.t('lists_save', { name: spokenName }) }}
              onCancel={() => setEditedFrom(undefined)}
              onSubmit={async (fields) => {
                const ok = await act({
                  type: 'list.update',
                  params: { ...ref, ...listEdits(editedFrom, fields, typeof editedFrom.private === 'boolean') },
                });
                if (ok) setEditedFrom(undefined);
                return ok;
              }}
            />
          ) : null}
        </div>
      ) : null}
      <ListMembers accountId={accountId} list={list} act={act} onActed={onActed} />
      <ListPosts accountId={accountId} listId={list.id} name={spokenName} />
    </section>
  );
}

/**
 * An open List that went: X said it no longer exists (its id among the gone ones, list-gone.ts), or it is merely no
 * longer among the person's Lists. Mounted anew each time one goes, so no answer read while it was shown stands in:
 * until its gone ids are read nothing is said and the focus stays, and the first sentence a screen reader hears is the
 * true one.
 */
function ListGone({ accountId, listId, back }: { accountId: string; listId: string | undefined; back: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const goneOnX = useLiveQuery(async () => !!listId && (await storedGoneListIds(accountId)).includes(listId), [accountId, listId]);
  const known = goneOnX !== undefined;
  useEffect(() => {
    if (known) ref.current?.focus();
  }, [known]);
  return (
    <div className="mgr-list-detail">
      {back}
      <p className="mgr-empty" ref={ref} tabIndex={-1} role="status">
        {known ? i18n.t(goneOnX ? 'lists_gone_on_x' : 'lists_gone') : null}
      </p>
    </div>
  );
}
