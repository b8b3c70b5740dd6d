import { i18n } from '#i18n';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { benchMark } from '@/lib/bench-mark';
import type { BookmarkItem } from '../use-bookmarks';
import { BookmarkCard } from './BookmarkCard';

/** Marks the first time the list is drawn with rows, for the benchmarks (User Timing). */
function markFirstList(): void {
  benchMark('perch-bookmarks-list');
}

/**
 * The bookmarks shown, in a virtualised list: only the rows near the scroll position are drawn, each measured as it
 * shows; a new search (`resultsFor`) starts at the top.
 */
export const BookmarkList = memo(function BookmarkList({
  items,
  resultsFor,
  onRemove,
}: {
  items: readonly BookmarkItem[];
  resultsFor: string;
  onRemove: (b: BookmarkItem) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 6,
    getItemKey: (i) => items[i]!.postId,
    useFlushSync: false,
    measureElement: (el, entry, instance) => {
      const size = entry?.borderBoxSize[0]?.blockSize ?? el.getBoundingClientRect().height;
      // In a hidden tab (display: none) every row measures 0: keep what was measured while it showed.
      return size > 0 ? size : (instance.measurementsCache[instance.indexFromElement(el)]?.size ?? 120);
    },
  });

  useEffect(() => {
    // A hidden tab loses its scroll position without a scroll event: when it shows again, put the list back where
    // the virtualiser still believes it is.
    const el = scrollRef.current;
    if (!el) return;
    let hidden = false;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry?.contentRect.height) hidden = true;
      else if (hidden) {
        hidden = false;
        el.scrollTop = virtualizer.scrollOffset ?? 0;
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [virtualizer]);

  useEffect(() => {
    // A new search starts at the top of its results.
    virtualizer.scrollToOffset(0);
  }, [resultsFor, virtualizer]);

  useEffect(markFirstList, []);

  return (
    // Tabbing through the links and buttons of the rows scrolls the list, and the rows around the focus are drawn.
    <div ref={scrollRef} className="bookmarks-scroll">
      <div
        role="list"
        aria-label={i18n.t('bookmarks_list_label')}
        className="bookmarks-list"
        data-results-for={resultsFor}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]!;
          return (
            <div
              key={v.key}
              role="listitem"
              className="bookmarks-item"
              aria-setsize={items.length}
              aria-posinset={v.index + 1}
              data-index={v.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              <BookmarkCard item={item} onRemove={onRemove} />
            </div>
          );
        })}
      </div>
    </div>
  );
});
