import { useEffect, useState, useSyncExternalStore } from 'react';
import { i18n } from '#i18n';
import { readReply, sendMessage, type ActionBrief, type ActionRequest } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { actionPhase, phaseNote } from '@/components/action-phase';
import { ACTION_TYPES } from '@/lib/action-types';
import { noteSentHere } from '@/lib/failed-actions';
import { earlySent, onEarlySent, type CarriedSend } from './snapshot-send';

/** Shows an action on its button (`early`: sent by the painted snapshot, before the popup watched the outbox). */
type Track = (seq: number, type: string, early?: boolean) => void;

/** The one `action.do` request for an action: what `act` sends and what a toggle carries for its snapshot. */
export const actionRequest = (accountId: string, action: ActionRequest): CarriedSend['request'] => ({
  type: 'action.do',
  accountId,
  action,
});

/**
 * Sends one action through the outbox and has the panel follow it (`track`, from useTabContext); returns an error
 * message for the popup, or undefined.
 */
export function act(accountId: string, action: ActionRequest, track?: Track): Promise<string | undefined> {
  return follow(sendMessage(actionRequest(accountId, action)), action.type, track);
}

/**
 * Follows an action whose `action.do` answer is on its way, sent here or by the painted snapshot (never sent again):
 * shown on its button, or the failure's words.
 */
export async function follow(answer: Promise<{ seq: number }>, type: string, track?: Track): Promise<string | undefined> {
  try {
    const { seq } = await answer;
    // Its outcome shows on the button clicked: a failure met while the popup is open needs no badge later.
    noteSentHere(seq);
    track?.(seq, type);
    return undefined;
  } catch (e) {
    return thrownText(e);
  }
}

/**
 * What a toggle carries for the painted snapshot (snapshot.ts, `data-perch-send`): the very request its click sends,
 * with the label, pressed look and note React’s screen shows while that action is on its way. `names`: each action
 * type's button label, as the panel's buttons show it; `[on, off]`: the toggle's two action types (like, unlike).
 */
export function carriedSend(
  accountId: string,
  action: ActionRequest,
  names: Readonly<Record<string, string>>,
  [on, off]: readonly [string, string],
): string | undefined {
  // An action Perch asks about first (lib/action-types.ts) is never sent by a click on the snapshot.
  if (ACTION_TYPES[action.type].confirm) return undefined;
  const name = names[action.type] ?? action.type;
  const carried: CarriedSend = {
    request: actionRequest(accountId, action),
    label: names[action.type === on ? off : on] ?? '',
    pressed: action.type === on,
    note: i18n.t('popup_note_named', [name, phaseNote(actionPhase({ state: 'queued', notBefore: 0 }, undefined, Date.now())) ?? '']),
    failed: i18n.t('popup_note_named_failed', [name, i18n.t('error_generic')]),
  };
  return JSON.stringify(carried);
}

/**
 * Takes over an action a snapshot's button sent before React was there (snapshot.ts): followed as if this panel
 * had sent it (the same `noteSentHere` and `track`), never sent again. True while its answer is still awaited: the
 * panel's first screen waits for it, so it never shows the old state as if nothing had happened (the snapshot,
 * showing the action on its way, stays until then).
 */
export function useEarlyAction(accountId: string, key: string, track: Track, onProblem: (words: string) => void): boolean {
  const sent = useSyncExternalStore(onEarlySent, earlySent);
  const mine = sent && sent.accountId === accountId && sent.key === key ? sent : undefined;
  const [followed, setFollowed] = useState<object>();
  useEffect(() => {
    if (!mine) return;
    let live = true;
    // Sent before this popup followed the outbox: its progress may have gone by unseen (tab-follower.ts).
    void follow(readReply<'action.do'>(mine.reply), mine.type, (seq, type) => track(seq, type, true)).then((problem) => {
      if (!live) return;
      if (problem) onProblem(problem);
      setFollowed(mine);
    });
    return () => {
      live = false;
    };
  }, [mine, track, onProblem]);
  return mine !== undefined && followed !== mine;
}

/** The latest action of one of these types, from the tab context. */
export function latest(actions: ActionBrief[], ...types: string[]): ActionBrief | undefined {
  return actions.find((a) => types.includes(a.type));
}

/**
 * Whether X refused this action as Enterprise-only (x-api--users--blocks--introduction): from then on the popup
 * offers it on x.com, with the one note that says why (EnterpriseNote), not a button that would fail again.
 */
export function refusedAsEnterpriseOnly(action: ActionBrief | undefined): boolean {
  return action?.state === 'failed' && action.error?.kind === 'enterprise-only';
}
