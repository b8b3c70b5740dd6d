import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import type { AccountEntry } from './accounts';
import { UserIdentity } from './UserLookup';

const ROW_HEIGHT = 56;

/**
 * A long list of accounts (thousands of muted ones) drawn a screenful at a time. Rows keep their place in the whole
 * list for screen readers (aria-setsize / aria-posinset), and Tab walks them in order: focusing a row scrolls it
 * into view, which draws the rows after it before the next Tab.
 */
export function AccountList({
  entries,
  label,
  actions,
}: {
  entries: AccountEntry[];
  label: string;
  actions: (entry: AccountEntry) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => entries[i]?.id ?? i,
  });
  return (
    <div className="mgr-accounts" ref={scrollRef}>
      <div role="list" aria-label={label} className="mgr-accounts-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              className="mgr-account"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <UserIdentity user={entry} />
              <div className="mgr-account-actions">{actions(entry)}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
