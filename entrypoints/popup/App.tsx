import { browser } from 'wxt/browser';
import { AccountHeader } from '@/components/AccountHeader';
import { Composer } from '@/components/Composer';
import { useSession } from '@/components/use-session';

export function App() {
  const session = useSession();
  const active = session?.accounts.find((a) => a.id === session.activeAccountId);
  return (
    <div className="popup">
      <AccountHeader />
      <main>
        {active ? <Composer key={active.id} accountId={active.id} username={active.username} context="compose" /> : null}
        <nav className="row popup-nav" aria-label="Perch">
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Settings
          </button>
        </nav>
      </main>
    </div>
  );
}
