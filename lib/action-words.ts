import { i18n } from '#i18n';
import { ACTION_TYPES, isActionType, type ActionTypeInfo } from './action-types';
import type { ActionRow } from './db';
import type { ActionError } from './db/rows';
import { errorWords } from './error-words';
import type { FailureNote } from './failed-actions';
import { listOf, numberOf, timeOf } from './reader-locale';
import { isActionTypeName } from './reply-words';
import { hasBidiControls, isolateBidi } from './text/bidi';
import { boundedWords } from './text/bounded-words';

/**
 * The words of the outbox's actions shared by the screens and the background (the toolbar badge's title): what an
 * action is, why it failed, and a failed action as one sentence. Here in lib/ so the worker bundles no components/
 * code; the screens reach these through components/manager/action-state.ts, components/error-text.ts and
 * components/failed-line-words.ts.
 */

/**
 * Why an action of the outbox failed or waits, in the reader's language, worded from what the background stored
 * (its kind, X's reset, X's own words quoted as X's: lib/error-words.ts). A row stored before kept the background's
 * English sentence: shown as it is when it is one (a string within bounds, isolated if it holds direction controls),
 * else worded from its kind like any other.
 */
export function actionErrorText(error: ActionError | undefined): string {
  if (!error) return '';
  return boundedWords(error.message) ?? errorWords(error, timeOf);
}

/** The longest label a row stored before issue 13 keeps and shows ("Bookmark a post by @…", a list's name in it). */
const STORED_LABEL_MAX = 300;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** A name X holds (a List's), between FSI and PDI when it has a direction control: it cannot reverse the words after it. */
const isolated = (name: string): string => (hasBidiControls(name) ? isolateBidi(name) : name);

/** Fills the named `{who}` and `{name}` of an action's words (each type's key takes some of them). */
const words = i18n.t as unknown as (key: string, named: Record<string, string>) => string;

/** What the action is, in the person's words, from its declaration: "Mute @ewd", "Pin “Compiler folks”". */
export function actionWhat(action: Pick<ActionRow, 'type' | 'params' | 'label'>): string {
  return wordsOf(action, false);
}

/**
 * The Activity log's words for an action, in the reader's language, from its type and parameters ("Bookmark a post
 * by @ada", "Change “Compiler folks”"). A row of a type this version does not know keeps the words stored with it.
 */
export function actionLabel(action: Pick<ActionRow, 'type' | 'params' | 'label'>): string {
  return wordsOf(action, true);
}

function wordsOf(action: Pick<ActionRow, 'type' | 'params' | 'label'>, logged: boolean): string {
  if (!isActionType(action.type)) {
    // A row of a type this version does not know (another version's, or a corrupted store): its stored words, else its
    // type when shaped as one, else words that say so; never a value put in the log as it came.
    return boundedWords(action.label, STORED_LABEL_MAX) ?? (isActionTypeName(action.type) ? action.type : i18n.t('action_what_unknown'));
  }
  // Parameters that are not an object (a row from another version, a write cut off) name no one.
  const p: Partial<Record<string, unknown>> = typeof action.params === 'object' && action.params !== null ? action.params : {};
  const info: ActionTypeInfo = ACTION_TYPES[action.type];
  const username = str(p.username);
  const listName = str(p.listName) ?? str(p.name);
  // A List action without the List's name says which List by its id, never a made-up name ("Pin “a list”").
  const listId = listName === undefined ? str(p.listId) : undefined;
  const key =
    (listId !== undefined ? info.unnamed : undefined) ??
    (logged ? info.logged : undefined) ??
    (username === undefined ? info.anonymous : undefined) ??
    info.what;
  const who = username ? i18n.t('action_who', { username }) : i18n.t('action_someone');
  const name = listName === undefined ? i18n.t('action_a_list') : isolated(listName);
  const said = words(key, { who, name, id: listId ?? '' });
  const changes = logged && action.type === 'list.update' ? listChanges(p) : undefined;
  return changes ? i18n.t('action_list_changes', { what: said, changes }) : said;
}

/**
 * What a List change asked of X, for the Activity log, where it is read long after ("Change “Old”: new name “New”
 * and made private"): what the change sent (updateLists' body: only the fields changed), in the reader's language.
 * Undefined when it names none (a row of another version).
 */
function listChanges(p: Partial<Record<string, unknown>>): string | undefined {
  const parts: string[] = [];
  const to = str(p.name);
  // `name` is the new name only beside the List's name before it (`listName`); alone it is all Perch knows it by.
  if (to !== undefined && str(p.listName) !== undefined) parts.push(i18n.t('action_list_change_name', { to: isolated(to) }));
  if (typeof p.description === 'string')
    parts.push(i18n.t(p.description ? 'action_list_change_description' : 'action_list_change_description_removed'));
  if (typeof p.private === 'boolean') parts.push(i18n.t(p.private ? 'action_list_change_private' : 'action_list_change_public'));
  return parts.length ? listOf(parts) : undefined;
}

/**
 * The action with the name of its List as the store holds it, where the action did not carry one (pinned from the
 * popup before Perch read the Lists, then read since): its words name the List, not only its id.
 */
export function withStoredListName<A extends Pick<ActionRow, 'params'>>(action: A, storedName: string | undefined): A {
  const p: Partial<Record<string, unknown>> = typeof action.params === 'object' && action.params !== null ? action.params : {};
  if (!storedName || str(p.listName) !== undefined || str(p.name) !== undefined) return action;
  return { ...action, params: { ...p, listName: storedName } };
}

/** The List a List action is about, when it did not carry the List's name: to look the name up in the store. */
export function unnamedListId(action: Pick<ActionRow, 'type' | 'params'>): string | undefined {
  const info: ActionTypeInfo | undefined = isActionType(action.type) ? ACTION_TYPES[action.type] : undefined;
  if (info?.unnamed === undefined) return undefined;
  const p: Partial<Record<string, unknown>> = typeof action.params === 'object' && action.params !== null ? action.params : {};
  return (str(p.listName) ?? str(p.name)) ? undefined : str(p.listId);
}

/**
 * "Like a post by @grace: not done. X does not allow this. X said: “…”", or "…: waiting for you. <why>"; "…: not
 * confirmed. <why>" when an earlier try was answered 2xx unreadably (`mayBeDone`): X may have done it, so never "not done".
 */
export function failureSentence(note: FailureNote): string {
  const what = actionWhat(note);
  const message = actionErrorText(note.error);
  if (note.waiting) return i18n.t('failed_waiting', { what, message });
  if (note.error.mayBeDone) return i18n.t('action_phase_failed_unconfirmed', { what, message });
  return i18n.t('action_phase_failed', { what, message });
}

/** The first line for several: "3 actions failed", "1,234 actions failed". */
export function failureCount(count: number): string {
  return i18n.t('failed_count', [numberOf(count)]);
}

/**
 * The toolbar icon's title for these notes (every account's): "Perch: <the one failure>" or "Perch: 3 actions
 * failed"; plain text, so a sentence holding direction controls outside its isolates (an @username) is isolated
 * whole and cannot reverse "Perch:" around it.
 */
export function badgeTitle(notes: readonly FailureNote[]): string {
  const text = notes.length === 1 ? failureSentence(notes[0]!) : failureCount(notes.length);
  const outsideIsolates = text.replace(/\u2068[^\u2066-\u2069]*\u2069/g, '');
  return i18n.t('menu_title', [hasBidiControls(outsideIsolates) ? isolateBidi(text) : text]);
}
