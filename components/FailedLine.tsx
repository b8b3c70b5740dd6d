import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { actionWhat, unnamedListId, withStoredListName } from '@/lib/action-words';
import type { ActionRow } from '@/lib/db/rows';
import { lineOf, type FailureNote } from '@/lib/failed-actions';
import { sendMessage, type ActionRequest } from '@/lib/messaging';
import { withoutBidiControls } from '@/lib/text/bidi';
import { watchTables } from '@/lib/store-changes';
import { LiveLine } from './LiveLine';
import { thrownText } from './error-text';
import { failureCount, failureSentence } from './failed-line-words';
import { canRetry } from './action-phase';
import { useFailureNotes } from './use-failure-notes';
import './failed-line.css';

/**
 * The popup's first line when queued actions failed, or wait for the person (lib/failed-actions.ts): what failed and why, with Retry, Undo (an action still waiting: it is not sent and Perch
 * shows things as before) or Dismiss (a failed one, already put back), and a link to the Activity tab. Several: "3
 * actions failed", with a way to see each. Read from storage after the first paint; nothing shows when none failed.
 * Shown while the popup is in view, the notes leave the toolbar badge (`failures.shown`); a failure of an action this
 * popup sent is already said on the button clicked, so it is not said again here, and is seen (`failures.seen`).
 */
export function FailedLine({ accountId }: { accountId: string }) {
  const notes = useFailureNotes(accountId);
  const [expanded, setExpanded] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    // Refused while a page another extension opened waits for the person's click (lib/popup-gate.ts): told again
    // when the session store changes, as that click records it there.
    let refused = false;
    const told = (asking: Promise<unknown>) => asking.catch(() => void (refused = true));
    const tell = () => {
      if (document.visibilityState !== 'visible') return;
      refused = false;
      const { seen, shown } = lineOf(notes);
      if (seen.length) void told(sendMessage({ type: 'failures.seen', accountId, seqs: seen }));
      if (shown.length) void told(sendMessage({ type: 'failures.shown', accountId, seqs: shown }));
    };
    const onStore = (_changes: unknown, area: string) => {
      if (refused && area === 'session') tell();
    };
    tell();
    document.addEventListener('visibilitychange', tell);
    browser.storage.onChanged.addListener(onStore);
    return () => {
      document.removeEventListener('visibilitychange', tell);
      browser.storage.onChanged.removeListener(onStore);
    };
  }, [accountId, notes]);
  const { said } = lineOf(notes);
  const listNames = useListNames(accountId, said);
  if (!said.length) return null;

  const ask = (asking: Promise<unknown>) => {
    setProblem(undefined);
    asking.catch((e: unknown) => setProblem(thrownText(e)));
  };
  const seen = (seqs?: number[]) => sendMessage({ type: 'failures.seen', accountId, ...(seqs ? { seqs } : {}) });
  const retry = (note: FailureNote) => {
    // Waiting for the person (out of credits): send what waits. Failed for a passing reason: the same action again.
    if (note.waiting) return ask(sendMessage({ type: 'actions.retry', accountId }));
    if (canRetry({ state: 'failed', error: note.error } as ActionRow))
      return ask(sendMessage({ type: 'action.retry', accountId, seq: note.seq }));
    // Refused by X: asked anew, as the person first asked it (a list to create gets a new temporary id).
    const { tempId: _tempId, ...params } = note.params;
    const action = { type: note.type, params } as ActionRequest;
    ask(sendMessage({ type: 'action.do', accountId, action }).then(() => seen([note.seq])));
  };
  const undo = (note: FailureNote) => ask(sendMessage({ type: 'action.cancel', accountId, seq: note.seq }));

  return (
    <FailedLineView
      notes={said}
      listNames={listNames}
      expanded={expanded}
      problem={problem}
      on={{
        retry,
        undo,
        dismiss: (note) => ask(seen([note.seq])),
        dismissAll: () => ask(seen()),
        activity: () => ask(seen()),
        toggle: () => setExpanded(!expanded),
      }}
    />
  );
}

/**
 * The names of the Lists these notes name only by their id (pinned or followed from the popup before Perch read the
 * Lists), as the store holds them now: asked of the background (`tab.list`, the store only; the popup carries none),
 * again when the Lists are written while the popup is open. Empty until then, and for a List Perch does not hold.
 */
function useListNames(accountId: string, notes: readonly FailureNote[]): ReadonlyMap<string, string> {
  const ids = [...new Set(notes.map(unnamedListId).filter((id) => id !== undefined))].sort().join(' ');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!ids) return;
    let live = true;
    // Asks can cross (a write while one is out): only the last one asked is shown, never an older answer after it.
    let asked = 0;
    const ask = () => {
      const seq = ++asked;
      void Promise.all(
        ids.split(' ').map((listId) =>
          sendMessage({ type: 'tab.list', accountId, listId }).then(
            (context) => (context.list && typeof context.list.name === 'string' ? ([listId, context.list.name] as const) : undefined),
            () => undefined,
          ),
        ),
      ).then((found) => {
        if (live && seq === asked) setNames(new Map(found.filter((f) => f !== undefined)));
      });
    };
    ask();
    const stop = watchTables(['lists'], ask);
    return () => {
      live = false;
      stop();
    };
  }, [accountId, ids]);
  return names;
}

/** What the person can do from the line. */
export interface FailedLineActions {
  retry(note: FailureNote): void;
  undo(note: FailureNote): void;
  dismiss(note: FailureNote): void;
  dismissAll(): void;
  activity(): void;
  toggle(): void;
}

/** The line itself, from the notes: one failure in words with its choices, or the count and a way to see each. */
export function FailedLineView({
  notes,
  listNames,
  expanded,
  problem,
  on,
}: {
  notes: readonly FailureNote[];
  /** The stored names of Lists the notes name only by their id: the words name the List by its name. */
  listNames?: ReadonlyMap<string, string> | undefined;
  expanded: boolean;
  problem?: string | undefined;
  on: FailedLineActions;
}) {
  const listId = useId();
  if (!notes.length) return null;
  // The note in words: its List by its name where the store holds it (the note itself, as stored, is what is sent).
  const worded = (note: FailureNote) => withStoredListName(note, listNames?.get(unnamedListId(note) ?? ''));
  const choices = (note: FailureNote) => {
    // Named without direction marks (a List name's, or the FSI/PDI isolating it): the visible line keeps them.
    const what = withoutBidiControls(actionWhat(worded(note)));
    return (
      <>
        <button type="button" aria-label={i18n.t('activity_retry_label', [what])} onClick={() => on.retry(note)}>
          {i18n.t('activity_retry')}
        </button>
        {note.waiting ? (
          <button type="button" aria-label={i18n.t('activity_undo_label', [what])} onClick={() => on.undo(note)}>
            {i18n.t('manager_undo')}
          </button>
        ) : (
          <button type="button" aria-label={i18n.t('failed_dismiss_label', [what])} onClick={() => on.dismiss(note)}>
            {i18n.t('failed_dismiss')}
          </button>
        )}
      </>
    );
  };
  const activity = (
    <a
      href={browser.runtime.getURL('/manager.html#activity')}
      target="_blank"
      rel="noreferrer"
      aria-label={i18n.t('failed_activity_label')}
      onClick={() => on.activity()}
    >
      {i18n.t('failed_activity')}
    </a>
  );
  const one = notes.length === 1 ? notes[0] : undefined;

  return (
    <section className="failed-line" aria-label={i18n.t('failed_region')}>
      <p className="error">{one ? failureSentence(worded(one)) : failureCount(notes.length)}</p>
      <div className="failed-line-actions">
        {one ? (
          choices(one)
        ) : (
          <>
            <button type="button" aria-expanded={expanded} aria-controls={listId} onClick={() => on.toggle()}>
              {i18n.t('failed_show')}
            </button>
            <button type="button" onClick={() => on.dismissAll()}>
              {i18n.t('failed_dismiss_all')}
            </button>
          </>
        )}
        {activity}
      </div>
      {!one && expanded ? (
        <ul id={listId}>
          {notes.map((note) => (
            <li key={note.seq}>
              <p>{failureSentence(worded(note))}</p>
              <div className="failed-line-actions">{choices(note)}</div>
            </li>
          ))}
        </ul>
      ) : null}
      <LiveLine said={problem ? { text: problem, error: true } : undefined} />
    </section>
  );
}
