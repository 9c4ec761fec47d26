/**
 * The few words of an abstract around the first place a query matched, so a result found
 * through its abstract shows why. Pure: testable without a DOM.
 */
import { matchRanges } from '../../../domain/search';
import { htmlToText } from '../../../domain/text';

/** A short piece of text and the ranges to highlight in it. */
export interface Excerpt {
  text: string;
  ranges: [number, number][];
}

/** Characters kept before the first match. */
const LEAD = 40;

/** About `width` characters of `html`'s text around the first match of `query`, or undefined. */
export function excerptAround(html: string, query: string, width = 150): Excerpt | undefined {
  const text = plainText(html);
  const ranges = matchRanges(text, query);
  const first = ranges[0];
  if (!first) return undefined;
  let start = Math.max(0, first[0] - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first[0] ? space + 1 : start;
  }
  let end = Math.min(text.length, Math.max(start + width, first[1]));
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > first[1] ? space : end;
  }
  const before = start > 0 ? '…' : '';
  const after = end < text.length ? '…' : '';
  const shift = before.length - start;
  return {
    text: `${before}${text.slice(start, end)}${after}`,
    ranges: ranges
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): [number, number] => [s + shift, e + shift]),
  };
}

// An abstract's text is needed again at every keystroke that still finds its talk.
const textCache = new Map<string, string>();

function plainText(html: string): string {
  let text = textCache.get(html);
  if (text === undefined) {
    text = htmlToText(html).replace(/\s+/g, ' ');
    if (textCache.size >= 500) textCache.clear();
    textCache.set(html, text);
  }
  return text;
}
