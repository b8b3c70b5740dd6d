import { useEffect, useState } from 'react';
import { MessageError, sendMessage, type UserView } from '@/lib/messaging';
import { act } from './act';

type ListChoice = { id: string; name: string; private: boolean; member: boolean };

/** "Add to list…": the account's own lists, each showing whether this person is on it; one list per click. */
export function ListPicker({ accountId, user, onChanged }: { accountId: string; user: UserView; onChanged: () => void }) {
  const [lists, setLists] = useState<ListChoice[]>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  useEffect(() => {
    sendMessage({ type: 'user.lists', accountId, userId: user.id }).then(setLists, (e: unknown) =>
      setMessage({ text: e instanceof MessageError ? e.message : String(e), error: true }),
    );
  }, [accountId, user.id]);

  async function toggle(list: ListChoice) {
    const error = await act(accountId, {
      type: list.member ? 'list.removeMember' : 'list.addMember',
      params: { listId: list.id, listName: list.name, userId: user.id, username: user.username },
    });
    if (error) return setMessage({ text: error, error: true });
    setLists((all) => all?.map((l) => (l.id === list.id ? { ...l, member: !l.member } : l)));
    setMessage({ text: list.member ? `Removing @${user.username} from “${list.name}”.` : `Adding @${user.username} to “${list.name}”.` });
    onChanged();
  }

  if (!lists && !message) return <p aria-busy="true">Loading your lists…</p>;
  return (
    <section aria-label={`Lists for @${user.username}`} className="list-picker">
      {lists && lists.length === 0 ? <p className="muted">You have no lists yet. Create one in Perch’s manager.</p> : null}
      <ul>
        {lists?.map((l) => (
          <li key={l.id} className="row">
            <span className="list-name">
              {l.name}
              {l.private ? <span className="muted"> (private)</span> : null}
            </span>
            <button type="button" onClick={() => void toggle(l)}>
              {l.member ? `Remove from “${l.name}”` : `Add to “${l.name}”`}
            </button>
          </li>
        ))}
      </ul>
      {message ? (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
