import { i18n } from '#i18n';
import { useLayoutEffect, useRef } from 'react';
import { joinSentences, xSaidText } from '@/lib/error-words';
import type { DraftView } from '@/lib/messaging';
import { profileUrl } from '@/lib/x-url';
import { ConfirmButton } from './manager/ConfirmButton';

/** Stands for a link inside a message, where the message is split to put the link in. */
const LINK = '\uE000';

/**
 * The connection dropped while X was publishing: the draft is kept, and the person checks X before posting again.
 * The alert is on the page, empty and hidden from sight, until then (`username` is given only then), so that a screen
 * reader reads it out when it comes: one created together with its words is often not read at all.
 */
export function OutcomeUnknownNotice({ username }: { username: string | undefined }) {
  const [before, after] = i18n.t('composer_outcome_unknown', [LINK]).split(LINK);
  return (
    <p className={username === undefined ? 'visually-hidden' : 'notice'} role="alert">
      {username === undefined ? null : (
        <>
          {before}
          <a href={profileUrl(username)} target="_blank" rel="noreferrer">
            {i18n.t('composer_check_profile')}
          </a>
          {after}
        </>
      )}
    </p>
  );
}

/**
 * In place of Post while X's answer is unknown: Post again (asked first) and Check on X. Post, pressed, is gone from
 * the page then, and the focus with it: Check on X, the safe next step, takes it, so it never falls to the page. Post
 * again, confirmed, keeps its question open and busy until X has answered, then gives the focus back to Post again.
 */
export function OutcomeUnknownActions({
  username,
  disabled,
  onPostAgain,
}: {
  username: string;
  disabled: boolean;
  onPostAgain: () => Promise<unknown>;
}) {
  const check = useRef<HTMLButtonElement>(null);
  // Before the page is painted or observed without Post: the focus is never seen on the page.
  useLayoutEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) check.current?.focus();
  }, []);
  return (
    <>
      <ConfirmButton
        label={i18n.t('composer_post_again')}
        short={i18n.t('composer_post_again')}
        prompt={i18n.t('composer_post_again_prompt')}
        confirmLabel={i18n.t('composer_post_again_confirm')}
        cancelLabel={i18n.t('composer_post_again_cancel')}
        disabled={disabled}
        onConfirm={onPostAgain}
      />
      <button ref={check} type="button" className="primary" onClick={() => window.open(profileUrl(username), '_blank', 'noopener')}>
        {i18n.t('composer_check_on_x')}
      </button>
    </>
  );
}

/**
 * X refused a later post of a thread as a reply: X's words quoted as X's (isolated), what stays, and the way on. The
 * alert is on the page, empty and hidden from sight, until X refuses (`refused` given), as the one above.
 */
export function ReplyRefusedNotice({ refused, onPostSeparately }: { refused: DraftView['replyRefused']; onPostSeparately: () => void }) {
  return (
    <div className={refused ? 'notice' : 'visually-hidden'}>
      <p role="alert">{refused ? refusedWords(refused) : ''}</p>
      {refused ? (
        <button type="button" onClick={onPostSeparately}>
          {i18n.t('composer_post_rest_separately')}
        </button>
      ) : null}
    </div>
  );
}

/** What X refused, in X's words, and what stays. */
function refusedWords(refused: NonNullable<DraftView['replyRefused']>) {
  const what = i18n.t('composer_reply_refused', [refused.index + 1, refused.index]);
  const kept = i18n.t('composer_reply_refused_kept', refused.index, [refused.index, refused.index + 1]);
  return joinSentences(refused.reason ? joinSentences(what, xSaidText(refused.reason)) : what, kept);
}
