import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { benchMark, type BenchMarkName } from '@/lib/bench-mark';
import { UserIdentity } from './UserLookup';

const ROW_HEIGHT = 56;

/** What a row of the list shows of an account. */
export interface ListedAccount {
  id: string;
  name: string;
  username: string;
  profileImageUrl?: string;
  protected?: boolean;
}

/** What a list's owner can ask of it. */
export interface AccountListHandle {
  /** Scrolls row `index` into view and gives the focus to its first control, once the row is drawn. */
  focusRow(index: number): void;
}

const CONTROLS = 'button, a[href], input, select, textarea, [tabindex]';

/**
 * A long list of accounts (thousands of muted ones, a list's members) drawn a screenful at a time. Rows keep their
 * place in the whole list for screen readers (aria-setsize / aria-posinset), and Tab walks them in order: focusing a
 * row scrolls it into view, which draws the rows after it before the next Tab.
 */
export function AccountList<T extends ListedAccount>({
  entries,
  label,
  actions,
  busy,
  mark,
  handle,
}: {
  entries: readonly T[];
  label: string;
  actions: (entry: T) => ReactNode;
  /** Only the first rows are read yet: the rest are on their way. */
  busy?: boolean;
  /** The User Timing mark of the first screen of rows drawn (benchmarks only). */
  mark?: BenchMarkName;
  handle?: Ref<AccountListHandle>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => entries[i]?.id ?? i,
    // Each row is measured as it shows: in a narrow panel its buttons go under the name, and the row grows to hold them.
    measureElement: (el, entry, instance) => {
      const size = entry?.borderBoxSize[0]?.blockSize ?? el.getBoundingClientRect().height;
      // In a hidden tab (display: none) every row measures 0: keep what was measured while it showed.
      return size > 0 ? size : (instance.measurementsCache[instance.indexFromElement(el)]?.size ?? ROW_HEIGHT);
    },
  });
  const items = virtualizer.getVirtualItems();
  // The row whose first control is to take the focus: it may be drawn only once scrolled to, a render or two later.
  const [focusWanted, setFocusWanted] = useState<number>();
  useImperativeHandle(
    handle,
    () => ({
      focusRow(index: number) {
        // A row drawn is scrolled into view by the focus itself; one not drawn yet is scrolled to, which draws it.
        if (!scrollRef.current?.querySelector(`[data-index="${index}"]`)) virtualizer.scrollToIndex(index);
        setFocusWanted(index);
      },
    }),
    [virtualizer],
  );
  useEffect(() => {
    if (focusWanted === undefined) return;
    const row = scrollRef.current?.querySelector(`[data-index="${focusWanted}"]`);
    const control = row?.querySelector<HTMLElement>(CONTROLS);
    if (control) control.focus();
    if (row || focusWanted >= entries.length) setFocusWanted(undefined);
  }, [focusWanted, entries.length, items]);
  const drawn = items.length > 0;
  useEffect(() => {
    if (drawn && mark) benchMark(mark);
  }, [drawn, mark]);
  return (
    // Not a Tab stop of its own: Firefox makes a scrolling box one (Chromium does not while it holds controls), a stop
    // with no role or name. Tab walks the rows' controls, and focusing one scrolls it into view.
    <div className="mgr-accounts" ref={scrollRef} tabIndex={-1}>
      <div
        role="list"
        aria-label={label}
        aria-busy={busy || undefined}
        className="mgr-accounts-inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              className="mgr-account"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ minHeight: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
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
