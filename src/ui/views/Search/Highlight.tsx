/**
 * A text with the words a search matched marked, from domain matchRanges.
 *
 * Where the browser has the CSS Custom Highlight API the words are painted over an unchanged
 * text node (`::highlight(planb-search)` in search.css): a keystroke then costs a repaint,
 * not new <mark> elements and a new text layout in every result, which was most of the time
 * a keystroke took on a throttled phone. Elsewhere (and in component tests) they are <mark>s.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { matchRanges } from '../../../domain/search';

/** The name search.css styles with ::highlight(). */
export const SEARCH_HIGHLIGHT = 'planb-search';

/** The registry's highlight when the browser paints custom highlights; undefined otherwise. */
function paintedMarks(): globalThis.Highlight | undefined {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof globalThis.Highlight !== 'function')
    return undefined;
  let marks = CSS.highlights.get(SEARCH_HIGHLIGHT);
  if (!marks) {
    marks = new globalThis.Highlight();
    CSS.highlights.set(SEARCH_HIGHLIGHT, marks);
  }
  return marks;
}

/** `text` with `query`'s words marked; `ranges` skips the lookup when already known. */
export function Highlight({
  text,
  query,
  ranges,
}: {
  text: string;
  query: string;
  ranges?: readonly [number, number][];
}) {
  const found = ranges ?? matchRanges(text, query);
  if (paintedMarks()) return <Painted text={text} ranges={found} />;
  if (found.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [start, end] of found) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** One text node; its marked ranges join the page's search highlight while it is shown. */
function Painted({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  const span = useRef<HTMLSpanElement>(null);
  const signature = ranges.join(' ');
  // Before the paint (layout effect), so a keystroke's results never show stale marks.
  useLayoutEffect(() => {
    const node = span.current?.firstChild;
    const marks = paintedMarks();
    if (!node || !marks || ranges.length === 0) return;
    const added = ranges.map(
      ([start, end]) =>
        new StaticRange({
          startContainer: node,
          startOffset: start,
          endContainer: node,
          endOffset: end,
        }),
    );
    for (const range of added) marks.add(range);
    return () => {
      for (const range of added) marks.delete(range);
    };
  }, [text, signature]);
  return <span ref={span}>{text}</span>;
}
