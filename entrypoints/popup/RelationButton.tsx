import { ActionButton } from './ActionButton';
import type { IconName } from './icons';
import { OnXLink } from './OnXLink';
import { shownState, type ShownAction } from './tab-follower';

/**
 * What a relation's button shows (following, muting, blocking): the state an action on its way asks for, else the
 * state X said — or nothing (`undefined`) when X answered without saying (`relationUnsaid`): the store's rows are then
 * a guess, and a button must not claim one.
 */
export function shownRelation(
  stored: boolean,
  unsaid: boolean | undefined,
  action: ShownAction | undefined,
  onType: string,
): boolean | undefined {
  const onItsWay = action?.state === 'queued' || action?.state === 'sending';
  // Done, with the read after it failed: X's answer says the relation it asked for, said or not before.
  const answered = !!action?.unread && action.state === 'done';
  return unsaid && !onItsWay && !answered ? undefined : shownState(stored, action, onType);
}

export interface RelationButtonProps {
  icon: IconName;
  /** `shownRelation`'s answer: true when the relation holds, undefined when X did not say. */
  state: boolean | undefined;
  /** The label that starts the relation (Mute), and the one that ends it (Unmute). */
  on: string;
  off: string;
  /** A state the person cannot change here (a follow request waiting: "Requested"), shown pressed and disabled. */
  held?: string | undefined;
  /** The relation cannot start here now (Follow on an account you block): its `on` label, not pressed, disabled. */
  unavailable?: boolean;
  /** Other labels the button may show (Requested): it is as wide as the widest. */
  also?: readonly string[];
  /** The ids of the notes that describe the button (its action's, and the note saying X did not say). */
  noteId: string;
  /** Its action is on its way to X (ActionButton's `busy`). */
  busy?: boolean;
  send: (start: boolean) => void;
}

/**
 * A relation's toggle: one button that says and changes the state X said; both buttons, neither pressed, when X did
 * not say — the person knows which they want, Perch does not know which holds.
 */
export function RelationButton({ icon, state, on, off, held, unavailable, also = [], noteId, busy = false, send }: RelationButtonProps) {
  if (unavailable) {
    return (
      <ActionButton icon={icon} label={on} otherLabels={[off, ...also]} disabled busy={busy} noteId={noteId} onClick={() => undefined} />
    );
  }
  if (held !== undefined) {
    return (
      <ActionButton
        icon={icon}
        label={held}
        otherLabels={[on, off]}
        pressed
        disabled
        busy={busy}
        noteId={noteId}
        onClick={() => undefined}
      />
    );
  }
  if (state === undefined) {
    return (
      <>
        <ActionButton icon={icon} label={on} otherLabels={[off, ...also]} noteId={noteId} busy={busy} onClick={() => send(true)} />
        <ActionButton icon={icon} label={off} otherLabels={[on, ...also]} noteId={noteId} busy={busy} onClick={() => send(false)} />
      </>
    );
  }
  return (
    <ActionButton
      icon={icon}
      label={state ? off : on}
      otherLabels={[on, off, ...also]}
      pressed={state}
      busy={busy}
      noteId={noteId}
      onClick={() => send(!state)}
    />
  );
}

/** An action offered on x.com (Block where X lets only Enterprise apps block): both ways when X did not say which holds. */
export function RelationOnX({ state, on, off, href }: { state: boolean | undefined; on: string; off: string; href: string }) {
  if (state === undefined) {
    return (
      <>
        <OnXLink label={on} href={href} />
        <OnXLink label={off} href={href} />
      </>
    );
  }
  return <OnXLink label={state ? off : on} href={href} />;
}
