import { profileUrl } from '@/lib/x-url';
import type { UserView } from '@/lib/messaging';

export function UserCard({ user }: { user: UserView }) {
  return (
    <div className="user-card">
      {user.profileImageUrl ? <img className="avatar" src={user.profileImageUrl} alt="" width={40} height={40} /> : null}
      <div className="account-names">
        <span className="account-name">
          <bdi>{user.name}</bdi>
        </span>
        <a className="account-username" href={profileUrl(user.username)} target="_blank" rel="noreferrer">
          <bdi>@{user.username}</bdi>
        </a>
      </div>
    </div>
  );
}
