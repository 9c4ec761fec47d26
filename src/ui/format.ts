/**
 * How times, days and durations read in the UI: always venue time, whatever the phone's zone.
 * These run on every row, so formatters are cached.
 */
import type { Day, Talk } from '../domain/model';
import { MINUTE, MONTH_NAMES, venueTime, WEEKDAY_NAMES, zonedParts } from '../domain/time';

const DAY_NAMES = WEEKDAY_NAMES;
const MONTHS = MONTH_NAMES;

/** "10:30". */
export function timeOf(ms: number, zone: string): string {
  return venueTime(ms, zone);
}

/** "10:30–11:15". */
export function spanOf(talk: Pick<Talk, 'start' | 'end'>, zone: string): string {
  return `${venueTime(talk.start, zone)}–${venueTime(talk.end, zone)}`;
}

/** "45 min", "1 h 30 min". */
export function minutesText(ms: number): string {
  const total = Math.max(0, Math.round(ms / MINUTE));
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "Saturday 1 February 2020". */
export function longDay(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${DAY_NAMES[p.weekday]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** "Sat 1 Feb". */
export function shortDay(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${DAY_NAMES[p.weekday]!.slice(0, 3)} ${p.day} ${MONTHS[p.month - 1]!.slice(0, 3)}`;
}

/** The day's label for tabs: "Sat 1 Feb". */
export function dayLabel(day: Day, zone: string): string {
  return shortDay(day.start, zone);
}

/** Speakers as one line: "Ana Peeters, Bram Janssens". */
export function speakersOf(talk: Talk): string {
  return talk.persons.map((p) => p.name).join(', ');
}

// Intl formatting is the costly part of a result row, and the same talks come back keystroke
// after keystroke: each label is made once (the memo is dropped past 5,000 entries).
const whenLabels = new Map<string, string>();

/** "Sat 1 Feb · 10:30–10:50", memoized: for rows redrawn on every keystroke (search). */
export function whenLabel(start: number, end: number, zone: string): string {
  const key = `${zone} ${start} ${end}`;
  let label = whenLabels.get(key);
  if (label === undefined) {
    if (whenLabels.size > 5000) whenLabels.clear();
    label = `${shortDay(start, zone)} · ${spanOf({ start, end }, zone)}`;
    whenLabels.set(key, label);
  }
  return label;
}

/** "Saturday". */
export function weekdayOf(ms: number, zone: string): string {
  return DAY_NAMES[zonedParts(ms, zone).weekday]!;
}

/**
 * How to name a conference day in a sentence: its weekday ("Sunday") when no two days share one,
 * else its date ("Sun 2 Feb").
 */
export function dayInSentence(days: readonly Day[], index: number, zone: string): string {
  const day = days[index];
  if (!day) return `day ${index + 1}`;
  const names = days.map((d) => weekdayOf(d.start, zone));
  return new Set(names).size === names.length ? names[index]! : dayLabel(day, zone);
}
