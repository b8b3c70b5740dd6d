import { i18n } from '#i18n';
import { profileUrl } from '@/lib/x-links';
import { Avatar } from '@/components/Avatar';
import type { UserView } from '@/lib/messaging';
import { withoutBidiControls } from '@/lib/text/bidi';

/**
 * The account's picture, name and @username, a link to their profile on X. A stored account whose name does not
 * read shows its @username alone; one whose @username does not read either, "Unknown account" and no link.
 */
export function UserCard({ user }: { user: UserView }) {
  const name = user.name || (user.username ? '' : i18n.t('account_unknown'));
  return (
    <div className="user-card">
      <Avatar url={user.profileImageUrl} name={user.name} username={user.username} size={40} />
      <div className="account-names">
        {/* Cut with an ellipsis when long: the title shows the whole name, without its direction marks. */}
        {name ? (
          <span className="account-name" title={withoutBidiControls(name)}>
            <bdi>{name}</bdi>
          </span>
        ) : null}
        {user.username ? (
          <a className="account-username" href={profileUrl(user.username)} target="_blank" rel="noreferrer">
            <bdi>@{user.username}</bdi>
          </a>
        ) : null}
      </div>
    </div>
  );
}
