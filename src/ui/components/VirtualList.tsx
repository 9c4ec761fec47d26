/**
 * A windowed list: only the rows near the viewport are in the DOM, so a full FOSDEM day (or the
 * synthetic 10× schedule) scrolls smoothly on a phone. Rows have known heights (per row, e.g.
 * headers shorter than talks); positions come from prefix sums and a binary search. It scrolls
 * with the page (no nested scroll box), which keeps keyboard and screen-reader use natural.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Props: items, their heights, and how to draw one. */
export interface VirtualListProps<T> {
  items: readonly T[];
  /** Height of each row in px: a number for all rows, or per item. */
  rowHeight: number | ((item: T) => number);
  renderRow: (item: T, index: number) => ComponentChildren;
  /** Key for each row. */
  keyOf: (item: T, index: number) => string;
  /** Rows drawn above and below the visible ones. */
  overscan?: number;
  /** Accessible label of the list. */
  label: string;
  /** Scroll this index into view when it changes (e.g. "jump to now"). */
  scrollToIndex?: number | undefined;
}

function firstAtOrAfter(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Windowed list (see the file comment). */
export function VirtualList<T>({
  items,
  rowHeight,
  renderRow,
  keyOf,
  overscan = 6,
  label,
  scrollToIndex,
}: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const offsets = useMemo(() => {
    const o = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      o[i + 1] = o[i]! + (typeof rowHeight === 'number' ? rowHeight : rowHeight(items[i]!));
    }
    return o;
  }, [items, rowHeight]);
  const total = offsets[items.length] ?? 0;
  const [range, setRange] = useState<[number, number]>([0, Math.min(items.length, 24)]);

  useLayoutEffect(() => {
    const update = () => {
      const el = ref.current;
      if (!el || items.length === 0) return;
      const top = el.getBoundingClientRect().top;
      const viewport = window.innerHeight || 800;
      const first = Math.max(0, firstAtOrAfter(offsets, Math.max(0, -top)) - overscan);
      const last = Math.min(
        items.length,
        firstAtOrAfter(offsets, Math.max(0, viewport - top)) + 1 + overscan,
      );
      setRange((r) => (r[0] === first && r[1] === last ? r : [first, last]));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [items, offsets, overscan]);

  useLayoutEffect(() => {
    if (scrollToIndex === undefined || scrollToIndex < 0 || !ref.current) return;
    const y =
      ref.current.getBoundingClientRect().top +
      window.scrollY +
      (offsets[scrollToIndex] ?? 0) -
      110;
    window.scrollTo({ top: Math.max(0, y) });
  }, [scrollToIndex, offsets]);

  const [first, last] = range;
  const rows = [];
  for (let i = first; i < Math.min(last, items.length); i++) {
    const item = items[i]!;
    rows.push(
      <li
        key={keyOf(item, i)}
        style={{
          position: 'absolute',
          top: `${offsets[i]}px`,
          height: `${offsets[i + 1]! - offsets[i]!}px`,
          left: 0,
          right: 0,
        }}
      >
        {renderRow(item, i)}
      </li>,
    );
  }
  return (
    <div ref={ref} class="virtual-list" style={{ position: 'relative', height: `${total}px` }}>
      <ul aria-label={label} class="plain-list" style={{ margin: 0, padding: 0 }}>
        {rows}
      </ul>
    </div>
  );
}
