import { isManagerTab, Manager } from '@/components/manager/Manager';
import { tabFromHash } from '@/components/manager/open-tab';

/** The manager in a browser tab: the same tabs as the side panel, with room for long lists. */
export function App() {
  // The tab named in the address (manager.html#activity, or #lists/<id> for one list), so a reload keeps it.
  const { tab, listId } = tabFromHash(location.hash);
  return (
    <div className="manager-page manager-full">
      <Manager
        initialTab={isManagerTab(tab) ? tab : 'bookmarks'}
        initialListId={tab === 'lists' ? listId : undefined}
        onTabChange={(next) => history.replaceState(null, '', `#${next}`)}
      />
    </div>
  );
}
