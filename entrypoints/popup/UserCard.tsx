import { profileUrl } from '@/lib/x-url';
import { Avatar } from '@/components/Avatar';
import type { UserView } from '@/lib/messaging';

export function UserCard({ user }: { user: UserView }) {
  return (
    <div className="user-card">
      <Avatar url={user.profileImageUrl} name={user.name} username={user.username} size={40} />
      <div className="account-names">
        {/* Cut with an ellipsis when long: the title shows the whole name. */}
        <span className="account-name" title={user.name}>
          <bdi>{user.name}</bdi>
        </span>
        <a className="account-username" href={profileUrl(user.username)} target="_blank" rel="noreferrer">
          <bdi>@{user.username}</bdi>
        </a>
      </div>
    </div>
  );
}
