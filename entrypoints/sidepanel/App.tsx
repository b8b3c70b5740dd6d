import { AccountHeader } from '@/components/AccountHeader';
import { Composer } from '@/components/Composer';
import { useSession } from '@/components/use-session';

export function App() {
  const session = useSession();
  const active = session?.accounts.find((a) => a.id === session.activeAccountId);
  return (
    <div className="sidepanel">
      <AccountHeader />
      <main>
        {active ? <Composer key={active.id} accountId={active.id} username={active.username} context="compose" title="New post" /> : null}
      </main>
    </div>
  );
}
