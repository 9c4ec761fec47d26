/**
 * parseSchedule: any supported schedule text → one normalized Conference, rooms mapped to
 * buildings when the venue is known. Pure: runs in Node, a Web Worker and the page.
 */
import { ScheduleError } from '../errors';
import type { Conference } from '../model';
import { assignBuildings, venueForConference } from '../venue';
import type { Venue } from '../venue/types';
import { detectSchedule } from './detect';
import { parseFrabJson } from './frab-json';
import { parseIcs } from './ics';
import type { RawConference } from './normalize';
import { finishConference } from './normalize';
import { parseScheduleXml } from './xml';

/** Options for parseSchedule. */
export interface ParseOptions {
  /** The venue whose rooms and buildings apply; by default chosen from the conference. */
  venue?: Venue | null;
}

/** Parses a schedule in any supported format. Throws ScheduleError and nothing else. */
export function parseSchedule(text: string, options: ParseOptions = {}): Conference {
  let raw: RawConference;
  let conference: Conference;
  try {
    const input = detectSchedule(text);
    if (input.kind === 'xml') raw = parseScheduleXml(input.text);
    else if (input.kind === 'ics') raw = parseIcs(input.text);
    else raw = parseFrabJson(input.data, input.format);
    conference = finishConference(raw);
  } catch (e) {
    if (e instanceof ScheduleError) throw e;
    throw new ScheduleError(
      'malformed',
      `it could not be read (${(e as Error)?.message ?? String(e)}).`,
    );
  }
  const venue = options.venue === undefined ? venueForConference(conference) : options.venue;
  return venue ? assignBuildings(conference, venue) : conference;
}

export { ScheduleError } from '../errors';
export { detectSchedule } from './detect';
