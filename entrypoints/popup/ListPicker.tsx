import { i18n } from '#i18n';
import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage, type UserView } from '@/lib/messaging';
import { actionErrorText, thrownText } from '@/components/error-text';
import { watchOutbox, type ActionChange } from '@/lib/services/outbox-feed';
import { act } from './act';
import { isolatedWords } from '@/components/isolated-words';
import { Phrases } from '@/components/Phrases';
import { actionPhase, phaseNote } from '@/components/manager/action-state';
import { joinSentences } from '@/lib/error-words';
import { withoutBidiControls } from '@/lib/text/bidi';
import { NewListForm, type NewListFields } from './NewListForm';

/** `private` is left out when X did not say: no badge, as for a public list. */
type ListChoice = { id: string; name: string; private?: boolean; member: boolean };

interface Props {
  accountId: string;
  user: UserView;
  onChanged: () => void;
  /** Escape: the picker closes, and the focus goes back to the button that opened it. */
  onClose?: () => void;
}

/** The picker's lists in the background's order (lib/services/list-memberships.ts): by name. */
const byName = (a: ListChoice, b: ListChoice) => a.name.localeCompare(b.name);

/**
 * "Add to list…": the account's own lists, each showing whether this person is on it; one list per click. Opened, it
 * takes the focus (its first list, once read); Escape closes it and gives the focus back to its opener. What a click
 * did is said in a status line that is there, empty, before its words (a failure in an alert, there before too).
 * "New list" opens a form that creates a List through the outbox, as the manager's Lists tab does (`list.create`);
 * once X has made it, it is a row here with its Add button, focused: adding the person is a second click of theirs.
 */
export function ListPicker({ accountId, user, onChanged, onClose }: Props) {
  const [lists, setLists] = useState<ListChoice[]>();
  const root = useRef<HTMLElement>(null);
  // The button that opened the picker: it had the focus when the picker mounted.
  // (Read by its focus(), not `instanceof HTMLElement`: the element may come from another window's realm.)
  const [opener] = useState(() => {
    const active = document.activeElement;
    return active && 'focus' in active ? (active as HTMLElement) : undefined;
  });
  const loaded = lists !== undefined;
  useEffect(() => {
    const first = root.current?.querySelector<HTMLElement>('button');
    (first ?? root.current)?.focus();
  }, [loaded]);
  useEffect(() => {
    const el = root.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose?.();
      opener?.focus();
    };
    el?.addEventListener('keydown', onKey);
    return () => el?.removeEventListener('keydown', onKey);
  }, [onClose, opener]);
  // The line under the Lists: where a change is, or X's refusal of one (`listId`: the List it names; `seq`: the change
  // on its way it speaks of, whose wait for X is said after it).
  const [message, setMessage] = useState<{ text: string; error?: boolean; listId?: string; seq?: number }>();
  // The changes on their way, each followed through the outbox's publications: its message says where it is, then
  // that it is done (or X's answer), never "Adding…" after it finished. Several at once when a person presses one List
  // and then another before X answers the first: each is followed, so X refusing the first still puts its row back.
  const [sent, setSent] = useState<readonly { seq: number; adding: boolean; listId: string; list: string }[]>([]);
  const seen = useRef(new Map<number, ActionChange>());
  const [settled, setSettled] = useState<ActionChange>();
  // Each publication: a List being created follows its own action's moves (queued, waiting, done) through it.
  const [published, setPublished] = useState(0);

  useEffect(
    () =>
      watchOutbox(accountId, (changes) => {
        for (const c of changes) {
          seen.current.set(c.seq, c);
          if (c.state === 'done' || c.state === 'failed') setSettled(c);
        }
        setPublished((n) => n + 1);
      }),
    [accountId],
  );

  // "New list": the form open, the List on its way (`seq` once the background took it), X's refusal, and the List to
  // focus once it is a row.
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<NewListFields & { seq?: number }>();
  const [refused, setRefused] = useState<string>();
  const [focusId, setFocusId] = useState<string>();
  const newButton = useRef<HTMLButtonElement>(null);
  const creatingRef = useRef(creating);
  creatingRef.current = creating;
  const madeChange = made?.seq === undefined ? undefined : seen.current.get(made.seq);
  const madePhase = madeChange ? actionPhase(madeChange, undefined, Date.now()) : undefined;
  const madeNote = madePhase?.kind === 'queued' ? phaseNote(madePhase) : undefined;

  useEffect(() => {
    if (made?.seq === undefined) return;
    const c = seen.current.get(made.seq);
    if (!c || (c.state !== 'done' && c.state !== 'failed')) return;
    setMade(undefined);
    // X answered the create unreadably: X may have made it, so the form is not left ready for a second List; the Lists
    // are read again, the new one looked for among them.
    const mayBeDone = c.state === 'failed' && c.error?.mayBeDone === true;
    if (c.state === 'failed' && !mayBeDone)
      return notMade(i18n.t('popup_list_create_failed', [made.name, c.error ? actionErrorText(c.error) : i18n.t('popup_note_refused')]));
    const shown = (id: string) => {
      setMessage({ text: i18n.t('popup_list_created', [made.name]) });
      if (!creatingRef.current && !mayBeDone) return;
      setCreating(false);
      setFocusId(id);
    };
    if (mayBeDone) {
      setCreating(false);
      setRefused(undefined);
      setMessage({ text: i18n.t('popup_list_create_maybe', [made.name]) });
    }
    if (c.madeId) {
      const row: ListChoice = { id: c.madeId, name: made.name, private: made.private, member: false };
      setLists((all) => (all?.some((l) => l.id === row.id) ? all : [...(all ?? []), row].sort(byName)));
      return shown(c.madeId);
    }
    // X's id not published (an outbox from before this version): the lists are read again, the new one among them.
    // X may have made it: the store never heard of it, and user.lists asks X nothing once the day's Lists sync ran, so
    // the Lists are read from X again first, as the side panel's Sync now does. If that read fails, what the store
    // holds is read, and a List not among it is said not seen: check on X before making it again.
    const before = new Set(lists?.map((l) => l.id));
    const fresh = mayBeDone
      ? sendMessage({ type: 'sync.run', accountId, collection: 'lists', force: true }).catch(() => undefined)
      : Promise.resolve();
    fresh
      .then(() => sendMessage({ type: 'user.lists', accountId, userId: user.id }))
      .then(
        (all) => {
          setLists(all);
          const row = all.find((l) => l.name === made.name && !before.has(l.id));
          if (row) shown(row.id);
          else if (mayBeDone) setMessage({ text: i18n.t('popup_list_create_maybe_unseen', [made.name]), error: true });
        },
        (e: unknown) => setMessage({ text: thrownText(e), error: true }),
      );
  }, [made, published, lists, accountId, user.id]);

  // The new List's row is drawn: its Add button takes the focus.
  useEffect(() => {
    if (!focusId) return;
    const button = [...(root.current?.querySelectorAll<HTMLElement>('button[data-list-id]') ?? [])].find(
      (b) => b.dataset.listId === focusId,
    );
    if (!button) return;
    button.focus();
    setFocusId(undefined);
  }, [focusId, lists]);

  async function create(fields: NewListFields) {
    if (made) return;
    setRefused(undefined);
    // An earlier change's word would stand beside the form's own: this List is what is said now.
    setMessage(undefined);
    setMade(fields);
    const error = await act(accountId, { type: 'list.create', params: { name: fields.name, private: fields.private } }, (seq) =>
      setMade({ ...fields, seq }),
    );
    if (error) {
      setMade(undefined);
      notMade(i18n.t('popup_list_create_failed', [fields.name, error]));
    }
  }

  // Not made: the form, still open, says why in X's words under the name typed; closed meanwhile, the picker says it.
  function notMade(words: string) {
    if (creatingRef.current) setRefused(words);
    else setMessage({ text: words, error: true });
  }

  const closeForm = useCallback(() => {
    setCreating(false);
    setRefused(undefined);
    newButton.current?.focus();
  }, []);

  useEffect(() => {
    const ended = sent.flatMap((one) => {
      const c = settled?.seq === one.seq ? settled : seen.current.get(one.seq);
      return c && (c.state === 'done' || c.state === 'failed') ? [{ one, c }] : [];
    });
    if (ended.length === 0) return;
    setSent((all) => all.filter((one) => !ended.some((e) => e.one.seq === one.seq)));
    for (const { one, c } of ended) {
      if (c.state === 'failed') {
        // Not done: the list shows what it was, and X's answer says why.
        setLists((all) => all?.map((l) => (l.id === one.listId ? { ...l, member: !one.adding } : l)));
        const why = c.error ? actionErrorText(c.error) : i18n.t('popup_note_refused');
        const what = one.adding ? 'popup_list_add_failed' : 'popup_list_remove_failed';
        setMessage({ text: i18n.t(what, [user.username, one.list, why]), error: true, listId: one.listId });
        continue;
      }
      const text = one.adding
        ? i18n.t('popup_list_added', [user.username, one.list])
        : i18n.t('popup_list_removed', [user.username, one.list]);
      // Another List's refusal stays said until the person acts again: a later success must not hide it.
      setMessage((m) => (m?.error && m.listId !== undefined && m.listId !== one.listId ? m : { text }));
    }
  }, [sent, settled, published, user.username]);

  useEffect(() => {
    sendMessage({ type: 'user.lists', accountId, userId: user.id }).then(setLists, (e: unknown) =>
      setMessage({ text: thrownText(e), error: true }),
    );
  }, [accountId, user.id]);

  async function toggle(list: ListChoice) {
    let seq: number | undefined;
    const error = await act(
      accountId,
      {
        type: list.member ? 'list.removeMember' : 'list.addMember',
        params: { listId: list.id, listName: list.name, userId: user.id, username: user.username },
      },
      (taken) => {
        seq = taken;
        setSent((all) => [...all, { seq: taken, adding: !list.member, listId: list.id, list: list.name }]);
      },
    );
    if (error) {
      const what = list.member ? 'popup_list_remove_failed' : 'popup_list_add_failed';
      return setMessage({ text: i18n.t(what, [user.username, list.name, error]), error: true });
    }
    setLists((all) => all?.map((l) => (l.id === list.id ? { ...l, member: !l.member } : l)));
    setMessage({
      text: list.member
        ? i18n.t('popup_list_removing', [user.username, list.name])
        : i18n.t('popup_list_adding', [user.username, list.name]),
      ...(seq === undefined ? {} : { seq }),
    });
    onChanged();
  }

  // A change that waits for X (X not answering, X's limit, no connection) says so after its "Adding…", with when Perch
  // tries again, as the profile's own buttons say it; a change merely on its way says nothing more.
  const waiting = message?.seq === undefined ? undefined : seen.current.get(message.seq);
  const phase = waiting?.state === 'queued' ? actionPhase(waiting, undefined, Date.now()) : undefined;
  const waitNote =
    phase?.kind === 'queued' && (phase.reasonKind !== undefined || phase.until !== undefined || phase.awaitingPerson)
      ? phaseNote(phase)
      : undefined;
  const status = message && !message.error ? (waitNote ? joinSentences(message.text, waitNote) : message.text) : undefined;

  return (
    <section aria-label={i18n.t('popup_lists_label', [user.username])} className="list-picker" ref={root} tabIndex={-1}>
      {!lists && !message ? <p aria-busy="true">{i18n.t('popup_lists_loading')}</p> : null}
      {lists && lists.length === 0 ? <p className="muted">{i18n.t('popup_lists_none')}</p> : null}
      <ul>
        {lists?.map((l) => (
          // One control a row: its button says the List's name ("Add to “Birds”"), so the row reads it once, not
          // once beside the button and again in it.
          <li key={l.id} className="row">
            <button
              type="button"
              data-list-id={l.id}
              aria-label={withoutBidiControls(i18n.t(l.member ? 'popup_list_remove' : 'popup_list_add', [l.name]))}
              onClick={() => void toggle(l)}
            >
              {isolatedWords((m) => i18n.t(l.member ? 'popup_list_remove' : 'popup_list_add', [m(0)]), [l.name])}
            </button>
            {l.private ? <span className="muted">{i18n.t('popup_list_private')}</span> : null}
          </li>
        ))}
      </ul>
      {lists ? (
        <div className="new-list-open">
          <button type="button" ref={newButton} aria-expanded={creating} onClick={() => (creating ? closeForm() : setCreating(true))}>
            {i18n.t('lists_new')}
          </button>
        </div>
      ) : null}
      {creating ? (
        <NewListForm busy={!!made} note={madeNote} problem={refused} onSubmit={(fields) => void create(fields)} onClose={closeForm} />
      ) : null}
      <p className="muted" role="status">
        <Phrases text={status} />
      </p>
      <p className="error" role="alert">
        <Phrases text={message?.error ? message.text : undefined} />
      </p>
    </section>
  );
}
