import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { confirmAction } from '@/components/action-confirm';
import { useEnterprisePlan } from '@/components/use-enterprise-plan';
import { Phrases } from '@/components/Phrases';
import { typesOfCollection, type ActionType } from '@/lib/action-types';
import type { ActionRow } from '@/lib/db';
import { db } from '@/lib/db';
import type { UserView } from '@/lib/messaging';
import { utcDay } from '@/lib/services/sync-walk';
import { ActionNote } from './ActionNote';
import type { ActionPhase } from './action-state';
import { AccountList } from './AccountList';
import { AccountExportMenu } from './AccountExportMenu';
import { profileUrl } from '@/lib/x-url';
import { newestAccounts, storedAccounts } from './account-queries';
import { ProfileLink } from './ProfileLink';
import { searchEntries, type AccountEntry } from './accounts';
import { relationTexts, type Relation } from './relation-texts';
import { EmptyState, useSyncPhase } from './EmptyState';
import { SyncBar } from './SyncBar';
import { useTrackedAction } from './use-action-row';
import { UnreadableRows } from './UnreadableRows';
import { UserLookup } from './UserLookup';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { sentenceGap } from '@/lib/sentence-gap';

/** The action that adds an account to each relation, and the one that removes it. */
const TOGGLES = { muted: { on: 'mute', off: 'unmute' }, blocked: { on: 'block', off: 'unblock' } } as const satisfies Record<
  Relation,
  { on: ActionType; off: ActionType }
>;

/** The status line follows the latest action on the relation (lib/action-types.ts: the store each type changes). */
const TYPES = { muted: typesOfCollection('muted'), blocked: typesOfCollection('blocked') };

/**
 * What to say when X refused a block or an unblock because the app is not on the Enterprise plan: that, plainly,
 * and a link to the person's profile on x.com, where they can do it themselves.
 */
function enterpriseNote(phase: ActionPhase, action: ActionRow) {
  const refused = phase.kind === 'failed' || phase.kind === 'undo-failed' ? phase : undefined;
  const username = typeof action.params.username === 'string' ? action.params.username : undefined;
  if (refused?.errorKind !== 'enterprise-only' || !username) return null;
  // The refused request is the action itself, or (undo-failed) its inverse.
  const blocking = (action.type === 'block') === (phase.kind === 'failed');
  return (
    <div className="notice mgr-enterprise">
      <p>{i18n.t(blocking ? 'blocked_enterprise_block' : 'blocked_enterprise_unblock', { username })}</p>
      <a href={profileUrl(username)} target="_blank" rel="noreferrer">
        {i18n.t(blocking ? 'blocked_enterprise_link_block' : 'blocked_enterprise_link_unblock', { username })}
      </a>
    </div>
  );
}

/**
 * What to say once an account is unblocked here (Unblock on its row, or Undo of a Block): blocking ended the person's
 * follow of it, and unblocking does not bring it back (x-api--users--blocks--integrate, "What happens when you
 * block": you can no longer follow them), so they do not follow it now, with its profile on x.com to follow it again.
 * Said plainly when Perch held that follow when Block or Unblock was pressed (`followed` true); not at all when
 * X had said that day that the person did not follow them as they blocked them here (false); as an "if" otherwise.
 */
function unblockedNote(phase: ActionPhase, action: ActionRow, followed: ReadonlyMap<string, boolean>) {
  const unblocked = (action.type === 'unblock' && phase.kind === 'done') || (action.type === 'block' && phase.kind === 'undone');
  const username = typeof action.params.username === 'string' ? action.params.username : undefined;
  if (!unblocked || !username) return null;
  const known = typeof action.params.userId === 'string' ? followed.get(action.params.userId) : undefined;
  if (known === false) return null;
  return (
    <p className="mgr-unblocked">
      {i18n.t(known ? 'relation_unblocked_unfollowed' : 'relation_unblocked_may_unfollowed', { username })}
      {sentenceGap()}
      <ProfileLink username={username} />
    </p>
  );
}

interface Props {
  accountId: string;
  relation: Relation;
}

/**
 * The Muted or the Blocked tab: the accounts, most recent first, searchable (case and accents ignored), exportable;
 * one account added by @username (looked up and shown first; a block is confirmed first), or removed with Undo;
 * and the sync line. X lets apps block and unblock only on its Enterprise plan (x-api--users--blocks--introduction):
 * unless the person says their app is on it, each account links to its profile on x.com, where they do it, instead
 * of a button X would refuse, and a refusal is explained with that link.
 */
export function RelationView(props: Props) {
  const texts = useMemo(() => relationTexts(props.relation), [props.relation]);
  return (
    <ViewErrorBoundary describe={texts.viewError} retryLabel={texts.retry}>
      <RelationTab {...props} />
    </ViewErrorBoundary>
  );
}

function RelationTab({ accountId, relation }: Props) {
  const id = useId();
  const texts = useMemo(() => relationTexts(relation), [relation]);
  const enterprise = useEnterprisePlan();
  const onX = relation === 'blocked' && !enterprise ? { add: (u: string) => i18n.t('popup_block_user_on_x', [u]) } : undefined;
  const { on, off } = TOGGLES[relation];
  const collection = relation;
  const { seq, undoSeq, act: send, undo, error } = useTrackedAction(accountId, TYPES[relation]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const noteRef = useRef<HTMLDivElement>(null);
  // Whether Perch held the person as following each account when Block or Unblock was pressed on it here, once
  // confirmed (unblockedNote): true for a follow (not a request), false when X said that day they did not follow it.
  const followed = useRef(new Map<string, boolean>());

  // The newest screenful first, through the position index; the whole list (search, count, export) right after.
  const newest = useLiveQuery(() => newestAccounts(accountId, collection), [accountId, collection]);
  // Asked once the newest are in: read together, the whole list would hold the first screen back.
  const newestRead = newest !== undefined;
  const stored = useLiveQuery(() => (newestRead ? storedAccounts(accountId, collection) : undefined), [accountId, collection, newestRead]);
  const entries = stored?.entries;
  // "nobody muted" only once X said so: before a sync has finished, an empty store knows nothing of X's list.
  const phase = useSyncPhase(accountId, collection);
  const counted = entries && (entries.length > 0 || phase === 'synced') ? entries : undefined;
  const shown = useMemo(() => searchEntries(entries ?? [], deferredQuery), [entries, deferredQuery]);
  // Until the whole list is read, the newest rows stand for it, unless a search needs every row.
  const first = entries === undefined && !deferredQuery.trim() && newest?.length ? newest : undefined;
  const ids = useMemo(() => new Set(entries?.map((e) => e.id)), [entries]);

  async function act(type: (typeof TOGGLES)[Relation]['on' | 'off'], user: { id: string; username: string }): Promise<boolean> {
    const action = { type, params: { userId: user.id, ...(user.username ? { username: user.username } : {}) } };
    // Block asks first, saying what it will do; cancelled, nothing is sent and the account stays shown.
    if (!(await confirmAction(action))) return false;
    if (relation === 'blocked') await noteFollow(type === 'block', user.id);
    return send(action);
  }

  /**
   * What Perch holds, as Block or Unblock is sent, of the person's follow of the account. A follow (not a request):
   * the note after the unblock says plainly that it ended. At Block, X having said that day that there was no follow
   * (the popup's read, connection_status): the note says nothing. A store that cannot be read, or a relation X has not
   * said that day, leaves it unknown (an "if"); the action goes on. An Unblock finds no follow row (Block's confirm
   * forgets it), so it keeps what the Block here knew.
   */
  async function noteFollow(blocking: boolean, userId: string) {
    const key: [string, string] = [accountId, userId];
    const [row, user] = await Promise.all([db().following.get(key), db().users.get(key)]).catch(() => [undefined, undefined]);
    const seen = user?.relationSeenAt ? utcDay(Date.parse(user.relationSeenAt)) === utcDay(Date.now()) : false;
    if (row && !row.pending) followed.current.set(userId, true);
    else if (!blocking) return;
    else if (seen) followed.current.set(userId, false);
    else followed.current.delete(userId);
  }

  let list: ReactNode;
  if (first) list = accountList(first);
  else if (entries === undefined)
    list = (
      <p className="muted" aria-busy="true">
        {texts.loading}
      </p>
    );
  else if (!entries.length) list = <EmptyState accountId={accountId} kind={collection} className="mgr-empty" />;
  else if (!shown.length) list = <p className="mgr-empty">{texts.noResults(deferredQuery)}</p>;
  else list = accountList(shown);

  function accountList(rows: AccountEntry[]) {
    return (
      <AccountList
        entries={rows}
        {...(entries === undefined ? { busy: true } : {})}
        label={texts.listLabel}
        mark={relation === 'muted' ? 'perch-muted-list' : 'perch-blocked-list'}
        actions={(entry) => (
          <>
            {entry.username ? <ProfileLink username={entry.username} /> : null}
            {onX && entry.username ? (
              // Shown short, as Unmute is: the whole sentence left a narrow side panel no room for the name.
              <a
                className="quick-link"
                href={profileUrl(entry.username)}
                target="_blank"
                rel="noreferrer"
                aria-label={i18n.t('blocked_unblock_on_x', { username: entry.username })}
              >
                {texts.remove.short}
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
  }

  return (
    <section className="mgr-view mgr-relation" aria-labelledby={`${id}-title`}>
      <div className="mgr-head">
        <h2 id={`${id}-title`}>{texts.title}</h2>
        {counted ? <span className="muted">{texts.count(counted.length)}</span> : null}
      </div>
      <IntroNote relation={relation} enterprise={enterprise} />
      <SyncBar accountId={accountId} collection={collection} texts={texts.sync} />
      <UserLookup
        accountId={accountId}
        label={texts.add.label}
        actionLabel={texts.add.action}
        actionShort={texts.add.short}
        unavailable={(u) => (ids.has(u.id) ? texts.add.already(u) : undefined)}
        onAct={(u) => act(on, u)}
        {...(onX ? { elsewhere: (u: UserView) => ({ href: profileUrl(u.username), label: onX.add(u.username) }) } : {})}
      />
      <ActionNote
        ref={noteRef}
        accountId={accountId}
        seq={seq}
        undoSeq={undoSeq}
        error={error}
        onUndo={(s) => void undo(s)}
        {...(relation === 'blocked'
          ? {
              extra: (phase: ActionPhase, action: ActionRow) => (
                <>
                  {enterpriseNote(phase, action)}
                  {unblockedNote(phase, action, followed.current)}
                </>
              ),
            }
          : {})}
      />
      <div className="mgr-toolbar">
        <label className="mgr-search">
          <span className="visually-hidden">{texts.search.label}</span>
          <input type="search" placeholder={texts.search.placeholder} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {entries?.length ? <AccountExportMenu entries={shown} texts={texts.export} collection={collection} /> : null}
      </div>
      <UnreadableRows count={stored?.unreadable ?? 0} />
      <p className="muted mgr-shown" role="status">
        {entries?.length && deferredQuery.trim() ? texts.shown(shown.length, entries.length) : ''}
      </p>
      {list}
    </section>
  );
}

/** Where a person manages their muted words: on x.com, X's own settings page (opened as a link, nothing read from it). */
const MUTED_WORDS_URL = 'https://x.com/settings/muted_keywords';

/**
 * Said under the tab's heading. Muted: that muted words are on x.com, with the link; X's API v2 has mutes of accounts
 * only (x-api--users--mutes--introduction; the spec's only paths are /2/users/{id}/muting…), no muted words, so people
 * looking here for them are not left looking. Blocked: X's Enterprise rule, and where blocking happens for this app.
 */
function IntroNote({ relation, enterprise }: { relation: Relation; enterprise: boolean }) {
  if (relation === 'muted')
    return (
      <p className="muted">
        {i18n.t('muted_words_on_x')}
        {sentenceGap()}
        <a href={MUTED_WORDS_URL} target="_blank" rel="noreferrer">
          {i18n.t('muted_words_link')}
        </a>
      </p>
    );
  return (
    <p className="note">
      <Phrases text={i18n.t(enterprise ? 'blocked_intro' : 'blocked_intro_self_serve')} />
    </p>
  );
}
