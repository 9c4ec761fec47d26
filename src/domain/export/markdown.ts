/**
 * The Markdown write-up ("FOSDEM 2020 — my notes"), ready to publish: a summary line, a section
 * per venue-local day, per talk its title, speakers, venue-local time, room and building, track,
 * one line of links and the user's notes; then "What I missed" with the recordings.
 * CommonMark, so it renders alike on GitHub, in static-site generators and blog editors: text
 * from the schedule is escaped to render literally; notes are Markdown already and are kept
 * verbatim, except that their headings move below the talk's (demote.ts) and a code fence or
 * HTML comment left open at their end is closed so the next talk still renders.
 */
import { plural } from '../text';
import { venueTime, WEEKDAY_NAMES } from '../time';
import { closeOpenBlocks, escapeHeading, escapeInline, linkDestination } from './commonmark';
import { demoteHeadings } from './demote';
import type { MissedItem } from './missed';
import type { ExportItem, ExportSelection } from './selection';
import { locationText, longDate } from './selection';

/** Heading level of a talk: under the document's title (h1) and the day (h2). */
const TALK_LEVEL = 3;

/** Names listed in the summary line before "and N more". */
const SUMMARY_NAMES = 6;

/** Renders the selected talks as a Markdown document (LF line ends, final newline). */
export function exportMarkdown(selection: ExportSelection): string {
  const { conference } = selection;
  const blocks = [`# ${escapeHeading(`${conference.title} — my notes`)}`];
  const summary = summaryLine(selection);
  if (summary) blocks.push(summary);
  for (const day of selection.days) {
    blocks.push(`## ${longDate(day.date)}`);
    for (const item of day.items) blocks.push(talkBlock(item, conference.timeZone));
  }
  if (selection.undated.length > 0) {
    blocks.push('## Other talks');
    for (const item of selection.undated) blocks.push(talkBlock(item, conference.timeZone));
  }
  if (selection.missed.length > 0) {
    blocks.push('## What I missed');
    blocks.push(selection.missed.map((item) => missedLine(item, conference.timeZone)).join('\n'));
  }
  if (blocks.length === 1) {
    blocks.push('Nothing to write up yet: bookmark talks, mark them attended or take notes.');
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * "5 talks attended in 2 buildings (Janson, Building U) and 2 tracks (Containers, Security)."
 * Notes on talks not attended, and missed talks, are counted after it; '' for none.
 */
function summaryLine(selection: ExportSelection): string {
  const items = [...selection.days.flatMap((d) => d.items), ...selection.undated];
  const attended = items.filter((i) => i.attended);
  const parts: string[] = [];
  if (attended.length > 0) {
    const where = [
      named(
        attended.map((i) => i.building),
        (one) => one,
        'building',
      ),
      named(
        attended.map((i) => i.track),
        (one) => `the ${one} track`,
        'track',
      ),
    ]
      .filter(Boolean)
      .join(' and ');
    parts.push(`${plural(attended.length, 'talk')} attended${where ? ` in ${where}` : ''}.`);
  }
  const noted = items.filter((i) => !i.attended && i.note.trim()).length;
  if (noted > 0) {
    parts.push(`Notes on ${plural(noted, attended.length > 0 ? 'more talk' : 'talk')}.`);
  }
  if (selection.missed.length > 0) {
    parts.push(`${plural(selection.missed.length, 'bookmarked talk')} missed.`);
  }
  return escapeInline(parts.join(' '));
}

/** "Building K" for one; "3 buildings (Janson, Building K, Building U)" for more; '' for none. */
function named(list: (string | undefined)[], one: (name: string) => string, word: string): string {
  const unique = [...new Set(list.filter((n): n is string => !!n))];
  if (unique.length <= 1) return unique[0] ? one(unique[0]) : '';
  const shown = unique.slice(0, SUMMARY_NAMES).join(', ');
  const more = unique.length > SUMMARY_NAMES ? ` and ${unique.length - SUMMARY_NAMES} more` : '';
  return `${plural(unique.length, word)} (${shown}${more})`;
}

/** "- Title — Saturday 12:00, UB2.252A (Lameere), Building U; the room was full · [Recording](…)" */
function missedLine(item: MissedItem, timeZone: string): string {
  const when = `${WEEKDAY_NAMES[new Date(`${item.date}T12:00:00Z`).getUTCDay()]} ${venueTime(item.start, timeZone)}`;
  const where = locationText(item);
  let line = `- ${escapeInline(item.title)} — ${escapeInline([when, where].filter(Boolean).join(', '))}`;
  if (item.roomFull) line += '; the room was full';
  if (item.watch) {
    const label = item.watch.kind === 'recording' ? 'Recording' : 'Talk page';
    line += ` · [${label}](${linkDestination(item.watch.url)})`;
  }
  return line;
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

  const parts = [`${'#'.repeat(TALK_LEVEL)} ${escapeHeading(item.title)}`];
  const note = demoteHeadings(trimBlankLines(item.note), TALK_LEVEL + 1);
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

/**
 * "[Talk page](…) · [Slides](…) · [Recording](…)", or '' when none: one recording, not every
 * file of it; no livestream (a write-up is read after the talk).
 */
function linkList(item: ExportItem): string {
  const { page, slides, recording } = item.links;
  const links: [string, string][] = [];
  if (page) links.push(['Talk page', page]);
  for (const link of slides) links.push([slides.length === 1 ? 'Slides' : link.title, link.url]);
  if (recording) links.push(['Recording', recording.url]);
  return links.map(([text, url]) => `[${escapeInline(text)}](${linkDestination(url)})`).join(' · ');
}

/** Drops leading and trailing blank lines and trailing spaces at the very end; keeps the rest. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
}
