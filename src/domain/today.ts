/** Which conference day "today" is, for every view that opens on a day (Schedule, My day, Map). */
import type { Conference } from './model';
import { venueDate } from './time';

/**
 * The day whose venue date is today; between two days, the next one; before the conference its
 * first day, after it its last day (what you look back on). 0 for a conference without days.
 */
export function todayIndex(conference: Conference, now: number): number {
  const days = conference.days;
  if (days.length === 0) return 0;
  const date = venueDate(now, conference.timeZone);
  const today = days.find((d) => d.date === date) ?? days.find((d) => now < d.start);
  return (today ?? days[days.length - 1]!).index;
}
