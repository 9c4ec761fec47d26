/** `planb inspect`: what a schedule holds, for people (text) or scripts (--json). */
import { listTalks, summarizeConference } from '../domain/summary';
import { loadConference } from './load';

/** Inspects one schedule; returns the text to print. */
export async function runInspect(
  source: string,
  options: { json: boolean; talks: boolean },
): Promise<string> {
  const conference = await loadConference(source);
  const summary = summarizeConference(conference);
  if (options.json) {
    return JSON.stringify(
      options.talks ? { ...summary, talkList: listTalks(conference) } : summary,
      null,
      2,
    );
  }
  const lines = [
    `${summary.title} (${summary.acronym}), ${summary.format}, times in ${summary.timeZone}`,
    `${summary.talks} talks, ${summary.cancelled} cancelled, ${summary.tracks} tracks, ${summary.persons} speakers`,
    `${summary.days} days: ${summary.dayList.map((d) => `${d.date} (${d.talks} talks)`).join(', ')}`,
    `${summary.rooms} rooms listed, ${summary.roomsWithTalks} with talks`,
    `talks per building: ${Object.entries(summary.buildings)
      .sort((a, b) => b[1] - a[1])
      .map(([b, n]) => `${b} ${n}`)
      .join(' · ')}`,
  ];
  if (summary.unmappedRooms.length > 0) {
    lines.push(
      `rooms that look physical but map to no building: ${summary.unmappedRooms.join(', ')}`,
    );
  }
  if (options.talks) {
    lines.push(
      '',
      ...listTalks(conference).map((t) => `${t.start}  ${t.room}  ${t.title}  [${t.key}]`),
    );
  }
  return lines.join('\n');
}
