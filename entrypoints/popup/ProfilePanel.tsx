import { i18n } from '#i18n';
import { confirmAction } from '@/components/action-confirm';
import { useState } from 'react';
import type { ProfileContext } from '@/lib/messaging';
import { profileUrl } from '@/lib/x-url';
import { ActionButton } from './ActionButton';
import { act, latest } from './act';
import { ListPicker } from './ListPicker';
import { OnXLink } from './OnXLink';
import { EnterpriseNote } from './PostPanel';
import { UserCard } from './UserCard';
import { useTabContext } from './use-tab-context';

/** Quick actions on the profile in the current tab. */
export function ProfilePanel({ accountId, username }: { accountId: string; username: string }) {
  const { context: ctx, error, refresh } = useTabContext<ProfileContext>(accountId, { kind: 'profile', username });
  const [lists, setLists] = useState(false);
  const [problem, setProblem] = useState<string>();

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!ctx) return <p aria-busy="true">{i18n.t('popup_loading_user', [username])}</p>;
  const user = ctx.user;
  if (!user) {
    return (
      <p className="notice" role="alert">
        {ctx.error?.message ?? i18n.t('popup_user_not_found', [username])}
      </p>
    );
  }
  if (user.id === accountId) return <UserCard user={user} />;

  const run = async (action: Parameters<typeof act>[1]) => {
    // Block asks first, saying what it will do (lib/action-types.ts declares which actions ask).
    if (!(await confirmAction(action))) return;
    setProblem(await act(accountId, action));
    await refresh();
  };
  const params = { userId: user.id, username: user.username };

  return (
    <section className="profile-panel" aria-label={`@${user.username}`}>
      <UserCard user={user} />
      <div className="quick-actions">
        {user.followRequested ? (
          <ActionButton
            label={i18n.t('popup_follow_requested')}
            pressed
            disabled
            action={latest(ctx.actions, 'follow', 'unfollow')}
            onClick={() => undefined}
          />
        ) : (
          <ActionButton
            label={user.following ? i18n.t('popup_unfollow') : i18n.t('popup_follow')}
            pressed={user.following}
            action={latest(ctx.actions, 'follow', 'unfollow')}
            onClick={() => void run({ type: user.following ? 'unfollow' : 'follow', params })}
          />
        )}
        <ActionButton
          label={user.muted ? i18n.t('popup_unmute') : i18n.t('popup_mute')}
          pressed={user.muted}
          action={latest(ctx.actions, 'mute', 'unmute')}
          onClick={() => void run({ type: user.muted ? 'unmute' : 'mute', params })}
        />
        {ctx.rules.block === 'perch' ? (
          <ActionButton
            label={user.blocked ? i18n.t('popup_unblock') : i18n.t('popup_block')}
            pressed={user.blocked}
            action={latest(ctx.actions, 'block', 'unblock')}
            onClick={() => void run({ type: user.blocked ? 'unblock' : 'block', params })}
          />
        ) : (
          <OnXLink label={user.blocked ? i18n.t('popup_unblock_on_x') : i18n.t('popup_block_on_x')} href={profileUrl(user.username)} />
        )}
        <ActionButton label={i18n.t('popup_add_to_list')} onClick={() => setLists(!lists)} />
      </div>
      {user.followRequested ? (
        <p className="note">
          {i18n.t('popup_follow_requested_note', [user.username])}{' '}
          <a href={profileUrl(user.username)} target="_blank" rel="noreferrer">
            {i18n.t('popup_cancel_request_on_x')}
          </a>
        </p>
      ) : null}
      <EnterpriseNote actions={ctx.actions} username={user.username} />
      {lists ? <ListPicker accountId={accountId} user={user} onChanged={() => void refresh()} /> : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
