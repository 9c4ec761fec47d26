/**
 * A windowed list: only the rows near the viewport are in the DOM, so a full FOSDEM day (or the
 * synthetic 10× schedule) scrolls smoothly on a phone. Each row starts at an estimated height
 * and, once drawn, is measured (ResizeObserver), so rows may wrap their text; positions come
 * from prefix sums and a binary search. When a row above the viewport turns out taller or
 * shorter than estimated, the page scrolls by the difference so what is on screen stays put.
 * It scrolls with the page (no nested scroll box), which keeps keyboard and screen-reader use
 * natural. Hand-written rather than a virtualizer library: it is small, windows against the
 * page's own scroll, and keeps the markup (a plain <ul>) the views and tests rely on.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Props: items, their heights, and how to draw one. */
export interface VirtualListProps<T> {
  items: readonly T[];
  /** Height of each row in px (a number for all rows, or per item): its estimate until drawn. */
  rowHeight: number | ((item: T) => number);
  renderRow: (item: T, index: number) => ComponentChildren;
  /** Key for each row: also what a measured height is remembered by. */
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
  const list = useRef<HTMLUListElement>(null);
  // Measured heights by row key; `measuredVersion` changes when one does.
  const measured = useRef(new Map<string, number>());
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const offsets = useMemo(() => {
    const o = new Float64Array(items.length + 1);
    const sizes = measured.current;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const size = sizes.size > 0 ? sizes.get(keyOf(item, i)) : undefined; // no lookups before the first
      o[i + 1] = o[i]! + (size ?? (typeof rowHeight === 'number' ? rowHeight : rowHeight(item)));
    }
    return o;
  }, [items, rowHeight, measuredVersion]);
  const total = offsets[items.length] ?? 0;
  const [range, setRange] = useState<[number, number]>([0, Math.min(items.length, 24)]);
  const latest = useRef(offsets);
  latest.current = offsets;

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

  // One observer for the list's life: it measures each drawn row as it appears or changes size.
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver((entries) => {
            const sizes = measured.current;
            const offsetsNow = latest.current;
            const listTop = ref.current?.getBoundingClientRect().top ?? 0;
            let changed = false;
            let shift = 0;
            for (const entry of entries) {
              const li = entry.target as HTMLElement;
              const key = li.dataset.key;
              const index = Number(li.dataset.index);
              const height = entry.borderBoxSize?.[0]?.blockSize ?? li.offsetHeight;
              // A row taken out of the page reports 0: keep what it measured before.
              if (key === undefined || !(height > 0)) continue;
              const before = offsetsNow[index + 1]! - offsetsNow[index]!;
              if (Math.abs(height - before) < 0.5) {
                sizes.set(key, height);
                continue;
              }
              sizes.set(key, height);
              changed = true;
              // Rows that start above the viewport push what is on screen: scroll it back.
              if (listTop + offsetsNow[index]! < 0) shift += height - before;
            }
            if (changed) setMeasuredVersion((v) => v + 1);
            if (shift !== 0) window.scrollBy(0, shift);
          }),
    [],
  );
  const observed = useRef(new Set<Element>());
  useLayoutEffect(() => () => observer?.disconnect(), [observer]);
  // After each draw: observe the rows new in the DOM, let go of those that left it.
  useLayoutEffect(() => {
    if (!observer || !list.current) return;
    const seen = observed.current;
    for (const li of seen)
      if (li.parentNode !== list.current) {
        observer.unobserve(li);
        seen.delete(li);
      }
    for (const li of list.current.children)
      if (!seen.has(li)) {
        observer.observe(li);
        seen.add(li);
      }
  });

  useLayoutEffect(() => {
    if (scrollToIndex === undefined || scrollToIndex < 0 || !ref.current) return;
    const y =
      ref.current.getBoundingClientRect().top +
      window.scrollY +
      (offsets[scrollToIndex] ?? 0) -
      110;
    window.scrollTo({ top: Math.max(0, y) });
  }, [scrollToIndex]);

  const [first, last] = range;
  const rows = [];
  for (let i = first; i < Math.min(last, items.length); i++) {
    const item = items[i]!;
    const key = keyOf(item, i);
    rows.push(
      <li
        key={key}
        data-key={key}
        data-index={i}
        style={{ position: 'absolute', top: `${offsets[i]}px`, left: 0, right: 0 }}
      >
        {renderRow(item, i)}
      </li>,
    );
  }
  return (
    <div
      ref={ref}
      class="virtual-list"
      style={{ position: 'relative', height: `${total}px`, overflowAnchor: 'none' }}
    >
      <ul ref={list} aria-label={label} class="plain-list" style={{ margin: 0, padding: 0 }}>
        {rows}
      </ul>
    </div>
  );
}
