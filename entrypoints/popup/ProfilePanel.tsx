import { i18n } from '#i18n';
import { confirmAction } from '@/components/action-confirm';
import { Phrases } from '@/components/Phrases';
import { useId, useState } from 'react';
import type { ProfileContext } from '@/lib/messaging';
import { profileUrl } from '@/lib/x-links';
import { ActionButton, ActionNotes, onItsWay } from './ActionButton';
import { act, latest, refusedAsEnterpriseOnly } from './act';
import { ListPicker } from './lazy';
import { useReopenedState } from './part-reload';
import { ProblemLine } from './ProblemLine';
import { EnterpriseNote } from './EnterpriseNote';
import { RelationButton, RelationOnX, shownRelation } from './RelationButton';
import { UserCard } from './UserCard';
import { tabErrorText } from './tab-error-text';
import { useOwnActions } from './use-own-actions';
import { useTabContext } from './use-tab-context';
import { sentenceGap } from '@/lib/sentence-gap';

/** Quick actions on the profile in the current tab. */
export function ProfilePanel({ accountId, username }: { accountId: string; username: string }) {
  const { context: ctx, error, refresh, track: trackAny } = useTabContext<ProfileContext>(accountId, { kind: 'profile', username });
  const { actions, track, news } = useOwnActions(ctx?.actions ?? [], trackAny);
  // Kept when Perch reloads the popup for a part that failed to load (./part-reload.ts).
  const [lists, setLists] = useReopenedState(
    `profile:${username.toLowerCase()}`,
    () => false,
    (kept) => kept === true,
  );
  const [problem, setProblem] = useState<string>();
  const notes = useId();
  // Whether the person followed them when they pressed Block here, as X's answer Perch showed said: 'unsaid' when X had
  // not said, undefined when the Block was not pressed in this popup (Perch does not know then).
  const [followedAtBlock, setFollowedAtBlock] = useState<boolean | 'unsaid'>();

  // The first read failed: nothing to show but the failure, and Read again. A later one keeps the panel and says it
  // in its line.
  if (error && !ctx) return <ProblemLine problem={undefined} readFailed={error} read={refresh} />;
  if (!ctx) return <p aria-busy="true">{i18n.t('popup_loading_user', [username])}</p>;
  const user = ctx.user;
  if (!user) {
    return (
      <p className="notice" role="alert">
        <Phrases text={tabErrorText(ctx.error, i18n.t('popup_user_not_found', [username]))} />
      </p>
    );
  }
  if (user.id === accountId) return <UserCard user={user} />;

  const run = async (action: Parameters<typeof act>[1]) => {
    // Block asks first, saying what it will do (lib/action-types.ts declares which actions ask), and that it ends
    // the person's follow of them.
    if (!(await confirmAction(action, { following: following ?? 'unsaid' }))) return;
    if (action.type === 'block') setFollowedAtBlock(following ?? 'unsaid');
    setProblem(await act(accountId, action, track));
  };
  const params = { userId: user.id, username: user.username };
  // While an action is on its way its button shows what it asks for; the stored state once it settles.
  const onFollow = latest(actions, 'follow', 'unfollow');
  const onMute = latest(actions, 'mute', 'unmute');
  const onBlock = latest(actions, 'block', 'unblock');
  // X has not said the relation (connection_status not a list): each is unknown, its buttons offer both ways (RelationButton).
  const unsaid = user.relationUnsaid;
  const followAsked = shownRelation(user.following || user.followRequested, unsaid, onFollow, 'follow');
  // A protected account answers a follow with a request: shown as Requested while it is sent, as the store does.
  const followRequested = !!followAsked && (user.followRequested || (!user.following && !!user.protected));
  const following = followAsked === undefined ? undefined : followAsked && !followRequested;
  const muted = shownRelation(user.muted, unsaid, onMute, 'mute');
  const blocked = shownRelation(user.blocked, unsaid, onBlock, 'block');
  const unsaidId = `${notes}-unsaid`;
  // Unblocked from this popup: blocking ended any follow and the unblock did not bring it back (actions.ts's block),
  // so the profile offers Follow, and a line says why. Said plainly, and read with the Follow button too, only when the
  // person followed them as they pressed Block here; as an "if" when Perch did not know (blocked elsewhere or before,
  // or X had not said); not at all when they did not follow them then.
  const unblocked =
    onBlock?.type === 'unblock' && onBlock.state === 'done' && news(onBlock) && following === false && !followRequested
      ? followedAtBlock === true
        ? 'plain'
        : followedAtBlock === false
          ? undefined
          : 'if'
      : undefined;
  const unblockedId = `${notes}-unblocked`;
  // X does not let you follow an account you block (x-api--users--blocks--integrate): Follow is shown, not offered, and
  // a line says how to follow them, as X's own profile does. Not while a follow is on its way or held (Requested).
  const followBlocked = blocked === true && following === false && !followRequested && !onItsWay(onFollow);
  const followBlockedId = `${notes}-follow-blocked`;
  const noteOf = (relation: string) =>
    [
      `${notes}-${relation}`,
      unsaid ? unsaidId : '',
      relation === 'follow' && unblocked === 'plain' ? unblockedId : '',
      relation === 'follow' && followBlocked ? followBlockedId : '',
    ]
      .filter(Boolean)
      .join(' ');
  // Each button's label by the action type it asks for: the button shows it, and the note of that action names it so
  // ("Mute: Queued…"), the one source of both.
  const label = {
    follow: i18n.t('popup_follow'),
    unfollow: i18n.t('popup_unfollow'),
    mute: i18n.t('popup_mute'),
    unmute: i18n.t('popup_unmute'),
    block: i18n.t('popup_block'),
    unblock: i18n.t('popup_unblock'),
  };
  const requested = i18n.t('popup_follow_requested');

  return (
    <section className="profile-panel" aria-label={`@${user.username}`}>
      <UserCard user={user} />
      <div className="quick-actions">
        <RelationButton
          icon="follow"
          state={following}
          unavailable={followBlocked}
          busy={onItsWay(onFollow)}
          on={label.follow}
          off={label.unfollow}
          held={followRequested ? requested : undefined}
          also={[requested]}
          noteId={noteOf('follow')}
          send={(start) => void run({ type: start ? 'follow' : 'unfollow', params })}
        />
        <RelationButton
          icon="mute"
          state={muted}
          busy={onItsWay(onMute)}
          on={label.mute}
          off={label.unmute}
          noteId={noteOf('mute')}
          send={(start) => void run({ type: start ? 'mute' : 'unmute', params })}
        />
        {ctx.rules.block === 'perch' && !refusedAsEnterpriseOnly(onBlock) ? (
          <RelationButton
            icon="block"
            state={blocked}
            busy={onItsWay(onBlock)}
            on={label.block}
            off={label.unblock}
            noteId={noteOf('block')}
            send={(start) => void run({ type: start ? 'block' : 'unblock', params })}
          />
        ) : (
          <RelationOnX
            state={blocked}
            on={i18n.t('popup_block_on_x')}
            off={i18n.t('popup_unblock_on_x')}
            href={profileUrl(user.username)}
          />
        )}
        <ActionButton icon="list" label={i18n.t('popup_add_to_list')} expanded={lists} onClick={() => setLists(!lists)} />
      </div>
      <ActionNotes
        names={label}
        notes={[
          { id: `${notes}-follow`, action: onFollow },
          { id: `${notes}-mute`, action: onMute },
          { id: `${notes}-block`, action: onBlock },
        ]}
      />
      {unblocked ? (
        <p className="note" id={unblockedId}>
          {i18n.t(unblocked === 'plain' ? 'popup_unblocked_not_followed' : 'popup_unblocked_if_followed', [user.username])}
        </p>
      ) : null}
      {followBlocked ? (
        <p className="note" id={followBlockedId}>
          {i18n.t('popup_follow_blocked_note', [user.username])}
        </p>
      ) : null}
      {unsaid ? (
        <p className="note" id={unsaidId}>
          {i18n.t('popup_relation_unsaid', [user.username])}
        </p>
      ) : null}
      {followRequested ? (
        <p className="note">
          {i18n.t('popup_follow_requested_note', [user.username])}
          {sentenceGap()}
          <a href={profileUrl(user.username)} target="_blank" rel="noreferrer">
            {i18n.t('popup_cancel_request_on_x')}
          </a>
        </p>
      ) : null}
      <EnterpriseNote actions={actions} username={user.username} />
      {lists ? <ListPicker accountId={accountId} user={user} onChanged={() => void refresh()} onClose={() => setLists(false)} /> : null}
      {/* The person's last click refused, or the last read of the profile failed (the panel stays, as a list's does). */}
      <ProblemLine problem={problem} readFailed={error} read={refresh} />
    </section>
  );
}
