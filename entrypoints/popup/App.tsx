import { browser } from 'wxt/browser';
import { AccountHeader } from '@/components/AccountHeader';

export function App() {
  return (
    <div className="popup">
      <AccountHeader />
      <main>
        <nav className="row" aria-label="Perch">
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Settings
          </button>
        </nav>
      </main>
    </div>
  );
}
