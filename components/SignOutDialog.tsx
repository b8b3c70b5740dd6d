import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { KeepChoice } from '@/lib/db/wipe';
import { numberOf } from '@/lib/reader-locale';
import type { SignOutLoss } from '@/lib/services/sign-out-loss';
import type { AccountView } from '@/lib/storage';
import { ConfirmDialog } from './ConfirmDialog';
import { Phrases } from './Phrases';

export type { SignOutLoss };

interface Props {
  account: AccountView;
  /** undefined while it is being counted; 'uncounted' when the store could not be read. */
  loss: SignOutLoss | 'uncounted' | undefined;
  /** The answer, with what the person chose to keep (lib/db/wipe.ts KeepChoice). */
  onClose: (confirmed: boolean, keep: KeepChoice[]) => void;
}

/**
 * "Sign out of @name?": says what will happen and what will be lost, before anything is — a ConfirmDialog (modal,
 * Cancel first, Escape cancels, focus goes back to the Sign out button) whose confirm waits for the count.
 * A choice to keep something (issues 14, 15: notes, drafts) is one more checkbox after the list of losses, its
 * value handed to `onClose` with the answer and on to `auth.signOut`.
 */
export function SignOutDialog({ account, loss, onClose }: Props) {
  // The person's own work, not X's content (issue 14): kept unless they choose otherwise.
  const [keepNotes, setKeepNotes] = useState(true);
  // Drafts survive only if the person says so (issue 15): signing out is often handing the browser over, and an
  // unsent draft may be words not meant for the next person; ticking one box keeps them for the next sign-in.
  const [keepDrafts, setKeepDrafts] = useState(false);
  const keepId = useId();
  const keepDraftsId = useId();
  const losses =
    loss === 'uncounted'
      ? [i18n.t('sign_out_lose_uncounted')]
      : [
          loss?.queued ? i18n.t('sign_out_lose_queued', loss.queued, [numberOf(loss.queued)]) : '',
          loss?.drafts && !keepDrafts ? i18n.t('sign_out_lose_drafts', loss.drafts, [numberOf(loss.drafts)]) : '',
          loss?.notes && !keepNotes ? i18n.t('sign_out_lose_bookmark_notes', loss.notes, [numberOf(loss.notes)]) : '',
        ].filter(Boolean);
  // Unticked, the tags and notes go too: nothing is lost only when the account has none (counted, not assumed).
  const notesMayGo = !keepNotes && loss !== 'uncounted' && loss?.notes !== 0;

  const body = (
    <>
      <p>
        <Phrases text={i18n.t('sign_out_body')} />
      </p>
      {!loss ? (
        <p aria-busy="true">
          <Phrases text={i18n.t('sign_out_counting')} />
        </p>
      ) : losses.length ? (
        <>
          <p>
            <Phrases text={i18n.t('sign_out_lose')} />
          </p>
          <ul>
            {losses.map((line) => (
              <li key={line}>
                <Phrases text={line} />
              </li>
            ))}
          </ul>
        </>
      ) : notesMayGo ? null : (
        <p>
          <Phrases text={i18n.t('sign_out_lose_nothing')} />
        </p>
      )}
      <p className="sign-out-keep">
        <input id={keepId} type="checkbox" checked={keepNotes} onChange={(e) => setKeepNotes(e.target.checked)} />
        <label htmlFor={keepId}>
          <Phrases text={i18n.t('sign_out_keep_bookmark_notes')} />
        </label>
      </p>
      <p className="sign-out-keep">
        <input id={keepDraftsId} type="checkbox" checked={keepDrafts} onChange={(e) => setKeepDrafts(e.target.checked)} />
        <label htmlFor={keepDraftsId}>
          <Phrases text={i18n.t('sign_out_keep_drafts')} />
        </label>
      </p>
    </>
  );
  return (
    <ConfirmDialog
      request={{
        title: i18n.t('sign_out_title', [account.username]),
        body,
        confirm: i18n.t('header_sign_out'),
        cancel: i18n.t('sign_out_cancel'),
      }}
      confirmDisabled={!loss}
      onClose={(confirmed) =>
        onClose(confirmed, [...(keepNotes ? (['bookmarkNotes'] as const) : []), ...(keepDrafts ? (['drafts'] as const) : [])])
      }
    />
  );
}
