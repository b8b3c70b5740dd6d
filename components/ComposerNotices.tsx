import { i18n } from '#i18n';
import { joinSentences, xSaidText } from '@/lib/error-words';
import type { DraftView } from '@/lib/messaging';
import { profileUrl } from '@/lib/x-url';

/** Stands for a link inside a message, where the message is split to put the link in. */
const LINK = '\uE000';

/** The connection dropped while X was publishing: the draft is kept, and the person checks X before posting again. */
export function OutcomeUnknownNotice({ username }: { username: string }) {
  const [before, after] = i18n.t('composer_outcome_unknown', [LINK]).split(LINK);
  return (
    <p className="notice" role="alert">
      {before}
      <a href={profileUrl(username)} target="_blank" rel="noreferrer">
        {i18n.t('composer_check_profile')}
      </a>
      {after}
    </p>
  );
}

/** X refused a later post of a thread as a reply: X's words quoted as X's (isolated), what stays, and the way on. */
export function ReplyRefusedNotice({
  refused,
  onPostSeparately,
}: {
  refused: NonNullable<DraftView['replyRefused']>;
  onPostSeparately: () => void;
}) {
  const what = i18n.t('composer_reply_refused', [refused.index + 1, refused.index]);
  const kept = i18n.t('composer_reply_refused_kept', refused.index, [refused.index, refused.index + 1]);
  return (
    <div className="notice">
      <p role="alert">{joinSentences(refused.reason ? joinSentences(what, xSaidText(refused.reason)) : what, kept)}</p>
      <button type="button" onClick={onPostSeparately}>
        {i18n.t('composer_post_rest_separately')}
      </button>
    </div>
  );
}
