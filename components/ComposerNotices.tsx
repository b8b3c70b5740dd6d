import { i18n } from '#i18n';
import { joinSentences, xSaidText } from '@/lib/error-words';
import type { DraftView } from '@/lib/messaging';
import { profileUrl } from '@/lib/x-url';

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
