import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { db, type ActionRow } from '@/lib/db';
import type { UserView } from '@/lib/messaging';
import { ActionNote, type NoteTexts } from './ActionNote';
import { AccountList } from './AccountList';
import { ExportButtons, type ExportTexts } from './ExportButtons';
import { accountEntries, profileUrl, searchEntries, type AccountEntry, type ActionPhase } from './manage-logic';
import { SyncBar, type SyncTexts } from './SyncBar';
import { useTrackedAction } from './use-action-row';
import { UserLookup } from './UserLookup';
import { ViewErrorBoundary } from './ViewErrorBoundary';

/** The words of the Muted or the Blocked tab. */
export interface RelationTexts {
  title: string;
  count(n: number): string;
  shown(shown: number, total: number): string;
  sync: SyncTexts;
  note: NoteTexts;
  add: { label: string; short: string; action(user: UserView): string; already(user: UserView): string; hint?: string };
  search: { label: string; placeholder: string };
  listLabel: string;
  loading: string;
  empty: string;
  noResults(query: string): string;
  remove: { short: string; action(entry: AccountEntry): string };
  profile(username: string): string;
  profileShort: string;
  export: ExportTexts;
  viewError(message: string): string;
  retry: string;
}

const TYPES = { muted: ['mute', 'unmute'], blocked: ['block', 'unblock'] } as const;

interface Props {
  accountId: string;
  collection: 'muted' | 'blocked';
  texts: RelationTexts;
  /** Said under the tab's heading (the Blocked tab explains X's Enterprise rule). */
  intro?: ReactNode;
  /** More to say about the last action's outcome. */
  noteExtra?: (phase: ActionPhase, action: ActionRow) => ReactNode;
  /**
   * Set when the person's X app may not add or remove through the API (blocking needs X's Enterprise plan): each
   * account links to its profile on x.com, where the person does it, instead of a button X would refuse.
   */
  onX?: { add(username: string): string; remove(username: string): string };
}

/**
 * The Muted or the Blocked tab: the accounts, most recent first, searchable (case and accents ignored), exportable;
 * one account added by @username (looked up and shown first), or removed with Undo; and the sync line.
 */
export function RelationView(props: Props) {
  return (
    <ViewErrorBoundary describe={props.texts.viewError} retryLabel={props.texts.retry}>
      <Relation {...props} />
    </ViewErrorBoundary>
  );
}

function Relation({ accountId, collection, texts, intro, noteExtra, onX }: Props) {
  const id = useId();
  const on = collection === 'muted' ? 'mute' : 'block';
  const off = collection === 'muted' ? 'unmute' : 'unblock';
  const { seq, undoSeq, act: send, undo, error } = useTrackedAction(accountId, TYPES[collection]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const noteRef = useRef<HTMLDivElement>(null);

  const entries = useLiveQuery(async () => {
    const d = db();
    const relations = await d[collection].where('accountId').equals(accountId).toArray();
    const users = await d.users.bulkGet(relations.map((r) => [accountId, r.userId] as [string, string]));
    return accountEntries(relations, users);
  }, [accountId, collection]);
  const shown = useMemo(() => searchEntries(entries ?? [], deferredQuery), [entries, deferredQuery]);
  const ids = useMemo(() => new Set(entries?.map((e) => e.id)), [entries]);

  async function act(type: 'mute' | 'unmute' | 'block' | 'unblock', user: { id: string; username: string }): Promise<boolean> {
    return send({ type, params: { userId: user.id, ...(user.username ? { username: user.username } : {}) } });
  }

  let list: ReactNode;
  if (entries === undefined)
    list = (
      <p className="muted" aria-busy="true">
        {texts.loading}
      </p>
    );
  else if (!entries.length) list = <p className="mgr-empty">{texts.empty}</p>;
  else if (!shown.length) list = <p className="mgr-empty">{texts.noResults(deferredQuery)}</p>;
  else
    list = (
      <AccountList
        entries={shown}
        label={texts.listLabel}
        actions={(entry) => (
          <>
            {entry.username ? (
              <a
                className="mgr-profile-link"
                href={profileUrl(entry.username)}
                target="_blank"
                rel="noreferrer"
                aria-label={texts.profile(entry.username)}
              >
                {texts.profileShort}
              </a>
            ) : null}
            {onX && entry.username ? (
              <a className="quick-link" href={profileUrl(entry.username)} target="_blank" rel="noreferrer">
                {onX.remove(entry.username)}
              </a>
            ) : (
              <button
                type="button"
                aria-label={texts.remove.action(entry)}
                onClick={() => {
                  void act(off, entry).then((ok) => ok && noteRef.current?.focus());
                }}
              >
                {texts.remove.short}
              </button>
            )}
          </>
        )}
      />
    );

  return (
    <section className="mgr-view mgr-relation" aria-labelledby={`${id}-title`}>
      <div className="mgr-head">
        <h2 id={`${id}-title`}>{texts.title}</h2>
        {entries ? <span className="muted">{texts.count(entries.length)}</span> : null}
      </div>
      {intro}
      <SyncBar accountId={accountId} collection={collection} texts={texts.sync} />
      <UserLookup
        accountId={accountId}
        label={texts.add.label}
        actionLabel={texts.add.action}
        actionShort={texts.add.short}
        unavailable={(u) => (ids.has(u.id) ? texts.add.already(u) : undefined)}
        onAct={(u) => act(on, u)}
        {...(texts.add.hint ? { hint: texts.add.hint } : {})}
        {...(onX ? { elsewhere: (u: UserView) => ({ href: profileUrl(u.username), label: onX.add(u.username) }) } : {})}
      />
      <ActionNote
        ref={noteRef}
        accountId={accountId}
        seq={seq}
        undoSeq={undoSeq}
        texts={texts.note}
        error={error}
        onUndo={(s) => void undo(s)}
        {...(noteExtra ? { extra: noteExtra } : {})}
      />
      <div className="mgr-toolbar">
        <label className="mgr-search">
          <span className="visually-hidden">{texts.search.label}</span>
          <input type="search" placeholder={texts.search.placeholder} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {entries?.length ? <ExportButtons entries={shown} texts={texts.export} collection={collection} /> : null}
      </div>
      <p className="muted mgr-shown" role="status">
        {entries?.length && deferredQuery.trim() ? texts.shown(shown.length, entries.length) : ''}
      </p>
      {list}
    </section>
  );
}
