import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'react';
import { LiveLine } from '@/components/LiveLine';
import { joinSentences } from '@/lib/error-words';
import { ActionIcon } from './icons';
import { firstActionIn } from './use-first-action-focus';

/**
 * A panel's problem line (the post's, the profile's, the List's): the person's last click refused (`problem`), and/or
 * the last read of the tab's thing failed (`readFailed`, with the panel still on screen: tab-follower.ts), said until
 * a read works (a click in the meantime does not clear it). After a failed read, Read again beside it asks the
 * background for the thing once more (`read`): one read per press, never on its own. While it reads the line says
 * so (the failure is said again if it fails again, so a screen reader hears it); once a read comes back the line
 * empties, Read again goes and the focus goes to the panel's first action, which shows the state read.
 *
 * It is also the whole panel when the panel's first read failed (`readFailed` and nothing read yet): the alert, and
 * Read again under it. A read that works draws the panel in this line's place, and the focus goes to its first action.
 */
export function ProblemLine({
  problem,
  readFailed,
  read,
}: {
  problem: string | undefined;
  readFailed: string | undefined;
  read: () => Promise<void>;
}) {
  const [reading, setReading] = useState(false);
  // The panel the focus moves into when Read again goes (the button, focused when pressed, is gone with it): its
  // section, or the popup's main region when this line is the whole panel (the first read failed).
  const pressedIn = useRef<HTMLElement | null>(null);
  // Both said when both are there: a click's refusal does not make the failed read seem to have worked. Joined as the
  // reader's language joins two sentences (no space after 。 in Japanese).
  const failure = problem && readFailed && problem !== readFailed ? joinSentences(problem, readFailed) : (problem ?? readFailed);

  const press = (button: HTMLButtonElement) => {
    if (reading) return;
    pressedIn.current = document.activeElement === button ? button.closest('section, main') : null;
    setReading(true);
    void read().finally(() => setReading(false));
  };

  // The press's read has come back: failed, the focus stays on Read again; read, it goes into the panel.
  useEffect(() => {
    if (reading) return;
    const panel = pressedIn.current;
    pressedIn.current = null;
    if (!readFailed) focusFirstAction(panel);
  }, [reading, readFailed]);

  // The read drew the panel in this line's place (the first read had failed): the focus goes to its first action.
  useEffect(
    () => () => {
      focusFirstAction(pressedIn.current);
    },
    [],
  );

  return (
    <>
      <LiveLine said={reading ? { text: i18n.t('popup_reading_again') } : failure ? { text: failure, error: true } : undefined} />
      {readFailed || reading ? (
        <div className="row read-again-row">
          <button type="button" className="quick-button" aria-busy={reading ? true : undefined} onClick={(e) => press(e.currentTarget)}>
            <ActionIcon name="retry" />
            <span className="quick-label">{i18n.t('popup_read_again')}</span>
            <span className="quick-busy" aria-hidden="true" />
          </button>
        </div>
      ) : null}
    </>
  );
}

/** Focuses the first action of the panel in `within` that takes the focus, if there is one. */
function focusFirstAction(within: HTMLElement | null): void {
  if (within) firstActionIn(within)?.focus();
}
