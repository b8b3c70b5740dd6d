import { useCallback, useState } from 'react';
import type { ActionBrief } from '@/lib/messaging';

const unsettled = (a: ActionBrief) => a.state === 'queued' || a.state === 'sending';

/**
 * The actions a panel (post, profile, list) shows on its buttons and notes, one rule for all three: any still on its
 * way or settled well, wherever it was made (the manager, another window): that is X's state now. A failure only
 * when it came from a click in this popup: one from elsewhere is told once, by the popup's failed line and the
 * toolbar badge (components/FailedLine.tsx), not again under a button. An old refusal (X's Enterprise-only Block, a
 * month ago) is not news each time the popup opens on that profile: the button shows the stored state, and a new
 * click says again what X answers.
 *
 * `news`: whether an action's end is news to this popup, worth a sentence ("X pinned this list."): clicked here, or
 * seen on its way (queued, sending) while the popup was open. A pin made in the manager a month ago is X's state,
 * shown by its button, not something that just happened.
 */
export function useOwnActions(actions: ActionBrief[], track: (seq: number, type: string, early?: boolean) => void) {
  const [mine, setMine] = useState<ReadonlySet<number>>(() => new Set());
  const [onWay, setOnWay] = useState<ReadonlySet<number>>(() => new Set());
  const trackMine = useCallback(
    (seq: number, type: string, early?: boolean) => {
      setMine((seen) => new Set(seen).add(seq));
      track(seq, type, early);
    },
    [track],
  );
  // Noted as they are rendered (React renders again at once, before showing), so none that goes by is missed.
  const newlyOnWay = actions.filter((a) => unsettled(a) && !onWay.has(a.seq));
  if (newlyOnWay.length) setOnWay((seen) => new Set([...seen, ...newlyOnWay.map((a) => a.seq)]));
  const news = (a: ActionBrief) => mine.has(a.seq) || onWay.has(a.seq);
  return { actions: actions.filter((a) => a.state !== 'failed' || mine.has(a.seq)), track: trackMine, news };
}
