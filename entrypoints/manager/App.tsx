import { isManagerTab, Manager, type ManagerTab } from '@/components/manager/Manager';

/** The tab named in the address (manager.html#activity), so a reload or a bookmark keeps it. */
function tabFromHash(): ManagerTab | undefined {
  const name = location.hash.slice(1);
  return isManagerTab(name) ? name : undefined;
}

/** The manager in a browser tab: the same tabs as the side panel, with room for long lists. */
export function App() {
  return (
    <div className="manager-page manager-full">
      <Manager initialTab={tabFromHash() ?? 'bookmarks'} onTabChange={(tab) => history.replaceState(null, '', `#${tab}`)} />
    </div>
  );
}
