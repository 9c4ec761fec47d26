/** `planb diff`: what changed between two versions of one schedule. */
import { describeDiff, diffConferences } from '../domain/diff';
import { venueDate, venueTime } from '../domain/time';
import { loadConference } from './load';

/** Diffs two schedules; returns the text to print. */
export async function runDiff(
  oldSource: string,
  newSource: string,
  options: { json: boolean },
): Promise<string> {
  const [before, after] = await Promise.all([loadConference(oldSource), loadConference(newSource)]);
  const diff = diffConferences(before, after);
  if (options.json) {
    const { counts, ...lists } = diff;
    return JSON.stringify({ ...counts, counts, ...prefixLists(lists) }, null, 2);
  }
  const zone = after.timeZone;
  const when = (ms: number) => `${venueDate(ms, zone)} ${venueTime(ms, zone)}`;
  const lines = [`${before.title} → ${after.title}: ${describeDiff(diff.counts)}`];
  const section = (title: string, items: string[]) => {
    if (items.length > 0)
      lines.push('', `${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  section(
    'Added',
    diff.added.map((t) => `${when(t.start)}  ${t.room}  ${t.title}`),
  );
  section(
    'Removed',
    diff.removed.map((t) => `${when(t.start)}  ${t.room}  ${t.title}`),
  );
  section(
    'Cancelled',
    diff.cancelled.map((t) => `${when(t.start)}  ${t.room}  ${t.title}`),
  );
  section(
    'Moved',
    diff.moved.map((c) => `${c.title}: ${c.before} → ${c.after}`),
  );
  section(
    'Retimed',
    diff.retimed.map((c) => `${c.title}: ${when(c.before.start)} → ${when(c.after.start)}`),
  );
  section(
    'Retitled',
    diff.retitled.map((c) => `"${c.before}" → "${c.after}"`),
  );
  return lines.join('\n');
}

// Counts stay top-level numbers (`added: 259`); the lists sit beside them as `addedTalks` etc.
function prefixLists(
  lists: Omit<ReturnType<typeof diffConferences>, 'counts'>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(lists).map(([name, items]) => [`${name}Talks`, items]));
}
