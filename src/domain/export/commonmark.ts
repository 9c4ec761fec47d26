/**
 * Writing CommonMark safely: text from a schedule ("Kubernetes Clusterf*ck", "<script>",
 * "[brackets]") must render literally, and a user's notes (Markdown, written on a phone) must
 * not swallow the rest of the document when a code fence or an HTML comment is left open.
 */

const INLINE_SPECIAL = /[\\`*_[\]<>~]/g;
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]+;)/g;

/** Escapes text so it renders literally inside a paragraph, list item or link text. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(ENTITY_LIKE, '\\&');
}

/** Escapes a heading's text; a trailing " #" would otherwise be read as a closing sequence. */
export function escapeHeading(text: string): string {
  return escapeInline(text).replace(/(^|\s)#(#*)$/, '$1\\#$2');
}

/** A link destination: `<…>` when the URL has spaces or parentheses, which end a bare one. */
export function linkDestination(url: string): string {
  const safe = url.replace(/[<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return /[()]/.test(safe) ? `<${safe}>` : safe;
}

type Leaf =
  | { kind: 'none' | 'paragraph' | 'code' | 'html-to-blank' }
  | { kind: 'fence'; fence: string }
  | { kind: 'html'; end: RegExp; close: string };
/** `content` is false while a list item that began empty has none: a blank line then ends it. */
type Container = { kind: 'quote' } | { kind: 'item'; width: number; content: boolean };

// HTML blocks 1–5 end only at their end marker, so an unclosed one runs to the end.
const HTML_TO_MARKER: { start: RegExp; end: RegExp; close?: string }[] = [
  { start: /^<(script|pre|style|textarea)(?:\s|>|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^<!--/, end: /-->/, close: '-->' },
  { start: /^<\?/, end: /\?>/, close: '?>' },
  { start: /^<![A-Za-z]/, end: />/, close: '>' },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, close: ']]>' },
];
// HTML blocks 6 (block-level tags) and 7 (a lone tag; it cannot interrupt a paragraph) end at a
// blank line: a "```" inside one is HTML, not a fence.
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i;
const HTML_LONE_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>\s*$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])( +|$)/;

/**
 * Returns the notes with a code fence or raw-HTML block (`<!--`, `<script>`, `<pre>`…) that is
 * still open at the end closed, so the document goes on after them; everything else verbatim.
 * Only an open block at the top level needs it: the blank line and heading that follow the
 * notes close every block quote and list item, and whatever is open inside them. To know what
 * is open, this follows CommonMark's block structure: containers (block quotes, list items,
 * lazy continuation lines) and leaf blocks (fences, HTML blocks, indented code, paragraphs).
 */
export function closeOpenBlocks(notes: string): string {
  let stack: Container[] = [];
  let leaf: Leaf = { kind: 'none' };
  for (const raw of notes.split('\n')) {
    const line = expandTabs(raw);
    // 1. Which open containers does the line continue?
    let pos = 0;
    let matched = 0;
    for (const c of stack) {
      const indent = indentAt(line, pos);
      const blank = line.slice(pos).trim() === '';
      if (c.kind === 'quote' && indent <= 3 && line[pos + indent] === '>') {
        pos += indent + 1 + (line[pos + indent + 1] === ' ' ? 1 : 0);
      } else if (c.kind === 'item' && (blank ? c.content : indent >= c.width)) {
        pos += blank ? Math.min(indent, c.width) : c.width;
      } else break;
      matched += 1;
    }
    let rest = line.slice(pos);
    const all = matched === stack.length;
    // 2. The open leaf block goes on, when every container did.
    if (all && leaf.kind === 'fence') {
      if (closesFence(rest, leaf.fence)) leaf = { kind: 'none' };
      continue;
    }
    if (all && leaf.kind === 'html') {
      if (leaf.end.test(rest)) leaf = { kind: 'none' };
      continue;
    }
    if (all && leaf.kind === 'html-to-blank') {
      if (rest.trim() === '') leaf = { kind: 'none' };
      continue;
    }
    // 3. A lazy continuation line keeps a paragraph (and its containers) open.
    if (!all && leaf.kind === 'paragraph' && rest.trim() !== '' && !startsBlock(rest)) {
      continue;
    }
    if (!all) {
      stack = stack.slice(0, matched);
      leaf = { kind: 'none' };
    }
    // 4. New containers, then the leaf the rest of the line starts or continues.
    for (;;) {
      const indent = indentAt(rest, 0);
      const body = rest.slice(indent);
      if (indent > 3 || body === '') break;
      if (body[0] === '>') {
        stack.push({ kind: 'quote' });
        rest = body.slice(body[1] === ' ' ? 2 : 1);
        leaf = { kind: 'none' };
        continue;
      }
      const m = THEMATIC_BREAK.test(body) ? null : LIST_MARKER.exec(body);
      const empty = m !== null && body.slice(m[0].length).trim() === '';
      if (!m || (leaf.kind === 'paragraph' && (empty || !/^(?:[-+*]|1[.)])$/.test(m[1]!)))) break;
      const spaces = m[2]!.length;
      const width = indent + m[1]!.length + (empty || spaces > 4 ? 1 : spaces);
      stack.push({ kind: 'item', width, content: !empty });
      rest = rest.slice(width);
      leaf = { kind: 'none' };
    }
    leaf = nextLeaf(rest, leaf);
    if (rest.trim() !== '') for (const c of stack) if (c.kind === 'item') c.content = true;
  }
  if (stack.length > 0) return notes;
  if (leaf.kind === 'fence') return `${notes}\n${leaf.fence}`;
  if (leaf.kind === 'html') return `${notes}\n${leaf.close}`;
  return notes;
}

/** The leaf block after a line's container markers: what it opens, or how it continues. */
function nextLeaf(rest: string, leaf: Leaf): Leaf {
  const indent = indentAt(rest, 0);
  const body = rest.slice(indent);
  if (body.trim() === '') return { kind: 'none' };
  if (indent >= 4) return leaf.kind === 'paragraph' ? leaf : { kind: 'code' };
  const fence = openingFence(body);
  if (fence) return { kind: 'fence', fence };
  for (const block of HTML_TO_MARKER) {
    const m = block.start.exec(body);
    if (!m) continue;
    if (block.end.test(body.slice(m[0].length))) return { kind: 'none' };
    return { kind: 'html', end: block.end, close: block.close ?? `</${m[1]!.toLowerCase()}>` };
  }
  if (HTML_BLOCK_TAG.test(body) || (leaf.kind !== 'paragraph' && HTML_LONE_TAG.test(body))) {
    return { kind: 'html-to-blank' };
  }
  if (/^#{1,6}(?:[ \t]|$)/.test(body) || THEMATIC_BREAK.test(body)) return { kind: 'none' };
  if (leaf.kind === 'paragraph' && /^(?:=+|-+)[ \t]*$/.test(body)) return { kind: 'none' };
  return { kind: 'paragraph' };
}

/**
 * True when a line under a paragraph whose containers it does not continue starts a block of
 * its own instead of continuing the paragraph lazily. Blocks start there as they would outside
 * a paragraph (an empty list item, an ordered one from any number), except HTML block 7 and
 * setext underlines, which are read as paragraph text.
 */
function startsBlock(line: string): boolean {
  const indent = indentAt(line, 0);
  if (indent > 3) return false;
  const body = line.slice(indent);
  if (/^(?:>|#{1,6}(?:[ \t]|$))/.test(body) || THEMATIC_BREAK.test(body)) return true;
  return (
    openingFence(body) !== undefined ||
    HTML_TO_MARKER.some((b) => b.start.test(body)) ||
    HTML_BLOCK_TAG.test(body) ||
    LIST_MARKER.test(body)
  );
}

/** The fence a line opens ("```", "~~~~"), if it opens one: a backtick fence's info has no backtick. */
function openingFence(body: string): string | undefined {
  const m = /^(`{3,}|~{3,})(.*)$/.exec(body);
  return m && !(m[1]!.startsWith('`') && m[2]!.includes('`')) ? m[1] : undefined;
}

function closesFence(line: string, fence: string): boolean {
  if (indentAt(line, 0) > 3) return false;
  const m = /^(`+|~+)[ \t]*$/.exec(line.trimStart());
  return !!m && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** Columns of spaces from `from` on. */
function indentAt(line: string, from: number): number {
  let i = from;
  while (line[i] === ' ') i += 1;
  return i - from;
}

/** Tabs to spaces, to the next multiple of 4 (CommonMark's tab stops). */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(4 - (out.length % 4)) : c;
  return out;
}
