import { AccountHeader } from '@/components/AccountHeader';

export function App() {
  return (
    <div className="sidepanel">
      <AccountHeader />
      <main>
        <h1>Perch</h1>
      </main>
    </div>
  );
}
