/**
 * The Markdown write-up ("FOSDEM 2020 — my notes"): a section per venue-local day, per talk its
 * title, speakers, venue-local time, room and building, track, links and the user's notes as
 * they wrote them. CommonMark, so it renders alike on GitHub, in static-site generators and
 * blog editors: text from the schedule is escaped to render literally; notes are Markdown
 * already and are kept verbatim, except that a code fence or HTML comment left open at their
 * end is closed so the next talk still renders.
 */
import { venueTime } from '../time';
import { closeOpenBlocks, escapeHeading, escapeInline, linkDestination } from './commonmark';
import type { ExportItem, ExportSelection } from './selection';
import { locationText, longDate } from './selection';

/** Renders the selected talks as a Markdown document (LF line ends, final newline). */
export function exportMarkdown(selection: ExportSelection): string {
  const { conference } = selection;
  const blocks = [`# ${escapeHeading(`${conference.title} — my notes`)}`];
  for (const day of selection.days) {
    blocks.push(`## ${longDate(day.date)}`);
    for (const item of day.items) blocks.push(talkBlock(item, conference.timeZone));
  }
  if (selection.undated.length > 0) {
    blocks.push('## Other talks');
    for (const item of selection.undated) blocks.push(talkBlock(item, conference.timeZone));
  }
  if (blocks.length === 1) {
    blocks.push('Nothing to write up yet: bookmark talks, mark them attended or take notes.');
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One talk: its heading, a list of facts, then the notes. */
function talkBlock(item: ExportItem, timeZone: string): string {
  const facts: string[] = [];
  if (item.speakers.length > 0) {
    const label = item.speakers.length === 1 ? 'Speaker' : 'Speakers';
    facts.push(`${label}: ${escapeInline(item.speakers.join(', '))}`);
  }
  if (item.start > 0) {
    facts.push(`Time: ${venueTime(item.start, timeZone)}–${venueTime(item.end, timeZone)}`);
  }
  const location = locationText(item);
  if (location) facts.push(`Room: ${escapeInline(location)}`);
  if (item.track) facts.push(`Track: ${escapeInline(item.track)}`);
  const links = linkList(item);
  if (links) facts.push(`Links: ${links}`);
  if (item.cancelled) facts.push('Cancelled');
  if (item.attended) {
    const { rating } = item.attended;
    facts.push(rating === undefined ? 'Attended' : `Attended, rated ${rating}/5`);
  }
  if (!item.talk) {
    facts.push(
      item.start > 0
        ? 'No longer in the schedule: shown as last seen'
        : `No longer in the schedule (talk ${escapeInline(item.key)})`,
    );
  }

  const parts = [`### ${escapeHeading(item.title)}`];
  const note = trimBlankLines(item.note);
  // A list right after ours, with the same bullet, would merge into it: use the other bullet.
  const bullet = /^ {0,3}-(?:[ \t]|$)/.test(note) ? '*' : '-';
  if (facts.length > 0) parts.push(facts.map((f) => `${bullet} ${f}`).join('\n'));
  if (note) {
    // Indented notes would continue the last list item: an empty comment ends the list.
    if (facts.length > 0 && /^[ \t]/.test(note)) parts.push('<!-- -->');
    parts.push(closeOpenBlocks(note));
  }
  return parts.join('\n\n');
}

/** "[Talk page](…) · [Slides](…) · [Recording](…) · [Livestream](…)", or '' when none. */
function linkList(item: ExportItem): string {
  const { page, slides, recordings, livestream } = item.links;
  const links: [string, string][] = [];
  if (page) links.push(['Talk page', page]);
  for (const [label, group] of [
    ['Slides', slides],
    ['Recording', recordings],
  ] as const) {
    for (const link of group) {
      links.push([group.length === 1 ? label : link.title, link.url]);
    }
  }
  if (livestream) links.push(['Livestream', livestream]);
  return links.map(([text, url]) => `[${escapeInline(text)}](${linkDestination(url)})`).join(' · ');
}

/** Drops leading and trailing blank lines and trailing spaces at the very end; keeps the rest. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
}
