import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { sendMessage, type UserView } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { act } from './act';

type ListChoice = { id: string; name: string; private: boolean; member: boolean };

/** "Add to list…": the account's own lists, each showing whether this person is on it; one list per click. */
export function ListPicker({ accountId, user, onChanged }: { accountId: string; user: UserView; onChanged: () => void }) {
  const [lists, setLists] = useState<ListChoice[]>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  useEffect(() => {
    sendMessage({ type: 'user.lists', accountId, userId: user.id }).then(setLists, (e: unknown) =>
      setMessage({ text: thrownText(e), error: true }),
    );
  }, [accountId, user.id]);

  async function toggle(list: ListChoice) {
    const error = await act(accountId, {
      type: list.member ? 'list.removeMember' : 'list.addMember',
      params: { listId: list.id, listName: list.name, userId: user.id, username: user.username },
    });
    if (error) return setMessage({ text: error, error: true });
    setLists((all) => all?.map((l) => (l.id === list.id ? { ...l, member: !l.member } : l)));
    setMessage({
      text: list.member
        ? i18n.t('popup_list_removing', [user.username, list.name])
        : i18n.t('popup_list_adding', [user.username, list.name]),
    });
    onChanged();
  }

  if (!lists && !message) return <p aria-busy="true">{i18n.t('popup_lists_loading')}</p>;
  return (
    <section aria-label={i18n.t('popup_lists_label', [user.username])} className="list-picker">
      {lists && lists.length === 0 ? <p className="muted">{i18n.t('popup_lists_none')}</p> : null}
      <ul>
        {lists?.map((l) => (
          <li key={l.id} className="row">
            <span className="list-name">
              <bdi>{l.name}</bdi>
              {l.private ? <span className="muted"> {i18n.t('popup_list_private')}</span> : null}
            </span>
            <button type="button" onClick={() => void toggle(l)}>
              {l.member ? i18n.t('popup_list_remove', [l.name]) : i18n.t('popup_list_add', [l.name])}
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
