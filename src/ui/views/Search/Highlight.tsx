/** A text with the words a search matched wrapped in <mark>, from domain matchRanges. */
import { matchRanges } from '../../../domain/search';

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
