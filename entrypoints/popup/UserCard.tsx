import type { UserView } from '@/lib/messaging';

export function UserCard({ user }: { user: UserView }) {
  return (
    <div className="user-card">
      {user.profileImageUrl ? <img className="avatar" src={user.profileImageUrl} alt="" width={40} height={40} /> : null}
      <div className="account-names">
        <span className="account-name">{user.name}</span>
        <a className="account-username" href={`https://x.com/${user.username}`} target="_blank" rel="noreferrer">
          @{user.username}
        </a>
      </div>
    </div>
  );
}
