/**
 * A note's own headings ("## Takeaways") placed under the talk's heading in the write-up, so the
 * document's outline stays whole: the note's outline is kept (a sub-heading stays under its
 * heading) but starts one level below the talk and never skips a level or goes past h6.
 * markdown-it finds the headings, so a "# comment" inside a code block stays as it is.
 */
import MarkdownIt, { type MarkdownIt as Parser } from 'markdown-it';

let parser: Parser | undefined;

/** Deepest heading level Markdown has. */
const DEEPEST = 6;

/**
 * Returns the note with every heading moved to `top` (the level under the talk's heading) or
 * below, nested as in the note; everything else, code blocks included, verbatim.
 */
export function demoteHeadings(note: string, top: number): string {
  parser ??= new MarkdownIt('commonmark');
  const tokens = parser.parse(note, {});
  const lines = note.split('\n');
  const open: number[] = []; // the note's heading levels enclosing the current one
  const edits: { from: number; to: number; text: string[] }[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open' || !token.map) continue;
    const level = Number(token.tag.slice(1));
    while (open.length > 0 && open[open.length - 1]! >= level) open.pop();
    const wanted = Math.min(DEEPEST, top + open.length);
    open.push(level);
    const [from, to] = token.map;
    const hashes = '#'.repeat(wanted);
    if (token.markup.startsWith('#')) {
      // ATX: only the run of '#' that opens the heading changes (after any "> " or list marker).
      const line = lines[from]!;
      const at = line.indexOf(token.markup);
      edits.push({
        from,
        to: from + 1,
        text: [line.slice(0, at) + hashes + line.slice(at + token.markup.length)],
      });
    } else {
      // Setext ("Title" over "===="): rewritten as one ATX line with the same text.
      const first = lines[from]!;
      const prefix = /^(?:[ \t]*>[ \t]?)*[ \t]*/.exec(first)![0];
      const inline = tokens[i + 1]?.content ?? '';
      edits.push({ from, to, text: [`${prefix}${hashes} ${inline.replace(/\s*\n\s*/g, ' ')}`] });
    }
  }
  for (const edit of edits.reverse()) lines.splice(edit.from, edit.to - edit.from, ...edit.text);
  return lines.join('\n');
}
