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

  /** The card whose control has the focus (by post, its place, and which of its controls), while the focus is in it. */
  const listRef = useRef<HTMLDivElement>(null);
  const lastFocus = useRef<{ postId: string; index: number; control: string | undefined }>(undefined);
  useEffect(() => {
    // A card left the list with the focus in it (marked read while only unread ones are shown, its tag removed while
    // that tag is searched): the focus goes to the same control of the card now in its place (else the one before),
    // not to the page, where the next Tab would start again from the top.
    const last = lastFocus.current;
    if (!last || items.some((b) => b.postId === last.postId)) return;
    lastFocus.current = undefined;
    if (document.activeElement && document.activeElement !== document.body) return;
    const row = listRef.current?.querySelector(`[data-index="${Math.min(last.index, items.length - 1)}"]`);
    const same = last.control ? row?.querySelector<HTMLElement>(`.${CSS.escape(last.control)}`) : null;
    (same ?? row?.querySelector<HTMLElement>('a[href], button, input, textarea'))?.focus();
  }, [items]);

  return (
    // Tabbing through the links and buttons of the rows scrolls the list, and the rows around the focus are drawn. The
    // box itself is no Tab stop (Firefox would make it one, with no role or name; Chromium does not).
    <div ref={scrollRef} className="bookmarks-scroll" tabIndex={-1}>
      <div
        ref={listRef}
        role="list"
        onFocus={(e) => {
          const row = e.target.closest<HTMLElement>('[data-index]');
          const item = items[Number(row?.dataset.index)];
          const control = [...e.target.classList].find((c) => c.startsWith('bookmarks-'));
          lastFocus.current = item && row ? { postId: item.postId, index: Number(row.dataset.index), control } : undefined;
        }}
        onBlur={(e) => {
          // The person moved the focus out of the list (a card that left takes its focus with it, and is not here).
          const left = e.target;
          if (e.relatedTarget && e.currentTarget.contains(e.relatedTarget)) return;
          setTimeout(() => {
            if (left.isConnected && !listRef.current?.contains(document.activeElement)) lastFocus.current = undefined;
          });
        }}
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
