import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'react';
import { LiveLine } from '@/components/LiveLine';
import { ActionIcon } from './icons';

/**
 * A panel's problem line (the post's, the profile's, the List's): the person's last click refused (`problem`), or the
 * last read of the tab's thing failed (`readFailed`, with the panel still on screen: tab-follower.ts). After a failed
 * read, Read again beside it asks the background for the thing once more (`read`): one read per press, never on its
 * own. While it reads the line says so (the failure is said again if it fails again, so a screen reader hears it);
 * once a read comes back the line empties, Read again goes and the focus goes to the panel's first action, which
 * shows the state read.
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
  // The panel the focus moves into when Read again goes (the button, focused when pressed, is gone with it).
  const pressedIn = useRef<HTMLElement | null>(null);
  const failure = problem ?? readFailed;

  const press = (button: HTMLButtonElement) => {
    if (reading) return;
    pressedIn.current = document.activeElement === button ? button.closest('section') : null;
    setReading(true);
    void read().finally(() => setReading(false));
  };

  // The press's read has come back: failed, the focus stays on Read again; read, it goes into the panel.
  useEffect(() => {
    if (reading) return;
    const panel = pressedIn.current;
    pressedIn.current = null;
    if (!readFailed) panel?.querySelector<HTMLElement>('.quick-actions button, .quick-actions a')?.focus();
  }, [reading, readFailed]);

  return (
    <>
      <LiveLine said={reading ? { text: i18n.t('popup_reading_again') } : failure ? { text: failure, error: true } : undefined} />
      {readFailed || reading ? (
        <div className="row" style={{ margin: '8px 0' }}>
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
