/**
 * Reminders before bookmarked talks: when each one is due and what it says. Pure: the app (in-app
 * banner), the service worker (a push arrives with only a time) and the relay's tests compute
 * the same answer from the same bookmarks, settings and schedule.
 *
 * The rule: a reminder is due `minutesBefore` (default 5) before the talk starts. When the walk
 * from the previous bookmarked talk's room takes at least that long, it is due when you must
 * leave (start − walk) and says "Leave now". The previous talk is the bookmarked one that ends
 * last at or before this one starts, within LEAVE_WINDOW_MS (you are in its room then); of
 * overlapping bookmarks ending together, the longest walk counts (you may be in either).
 * Cancelled talks are never the previous talk and get no reminder.
 */
import { describeRoom } from './conflicts';
import type { Talk, TalkKey } from './model';
import { MINUTE } from './time';
import { type Venue, walkingMinutes } from './venue';

/** What the user chose (Settings → Reminders, and each talk's switch). */
export interface ReminderSettings {
  /** Minutes before a talk; 0 turns every reminder off. */
  minutesBefore: number;
  /** Talks whose reminder the user switched off. */
  off: readonly TalkKey[];
}

/** The default: 5 minutes before, every bookmarked talk. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { minutesBefore: 5, off: [] };

/** The choices offered for `minutesBefore` (0: off). */
export const REMINDER_MINUTES = [0, 2, 5, 10, 15, 20, 30] as const;

/** How many reminders a phone keeps (and sends to the relay) at most: the earliest ones. */
export const MAX_REMINDERS = 200;

/** A previous talk that ended longer ago than this is not where you are. */
export const LEAVE_WINDOW_MS = 30 * MINUTE;

/** One reminder: for which talk, when (UTC ms), and the walk that made it "leave now". */
export interface Reminder {
  talk: TalkKey;
  at: number;
  /** True when the reminder is moved to the time you must leave the previous talk's room. */
  leaveNow: boolean;
  /** Minutes to walk from the previous bookmarked talk's room, when known. */
  walkMinutes?: number;
  /** That room. */
  fromRoom?: string;
}

/** A stored settings value made safe: a whole number of minutes 0–120 and a list of keys. */
export function normalizeReminderSettings(value: unknown): ReminderSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof ReminderSettings, unknown>
  >;
  const minutes = Number(v.minutesBefore);
  return {
    minutesBefore:
      Number.isInteger(minutes) && minutes >= 0 && minutes <= 120
        ? minutes
        : DEFAULT_REMINDER_SETTINGS.minutesBefore,
    off: Array.isArray(v.off) ? v.off.filter((k): k is string => typeof k === 'string') : [],
  };
}

/**
 * Every reminder of the bookmarked `talks` still to come (due at or after `after`, UTC ms),
 * earliest first, at most MAX_REMINDERS. `venue` gives walking minutes (none: no "leave now").
 */
export function reminderTimes(
  talks: readonly Talk[],
  settings: ReminderSettings,
  venue: Venue | undefined,
  after: number,
): Reminder[] {
  const lead = settings.minutesBefore;
  if (lead <= 0) return [];
  const off = new Set(settings.off);
  const usable = talks.filter((t) => !t.cancelled).sort((a, b) => a.start - b.start);
  const byEnd = [...usable].sort((a, b) => a.end - b.end);
  const reminders: Reminder[] = [];
  for (const talk of usable) {
    if (off.has(talk.key) || talk.start <= after) continue;
    const from = longestWalk(previousTalks(byEnd, talk), talk, venue);
    const leaveNow = from !== undefined && from.walk >= lead;
    const at = talk.start - (leaveNow ? from.walk : lead) * MINUTE;
    if (at < after) continue;
    reminders.push({
      talk: talk.key,
      at,
      leaveNow,
      ...(from ? { walkMinutes: from.walk, fromRoom: from.room } : {}),
    });
  }
  return reminders
    .sort((a, b) => a.at - b.at || a.talk.localeCompare(b.talk))
    .slice(0, MAX_REMINDERS);
}

/**
 * The bookmarked talks you may be in before `talk`: those ending last at or before its start,
 * not longer ago than LEAVE_WINDOW_MS (several when overlapping bookmarks end together).
 */
function previousTalks(byEnd: readonly Talk[], talk: Talk): Talk[] {
  let found: Talk[] = [];
  for (const t of byEnd) {
    if (t.end > talk.start) break;
    if (t.key === talk.key || t.end < talk.start - LEAVE_WINDOW_MS) continue;
    if (found[0] && found[0].end < t.end) found = [];
    found.push(t);
  }
  return found;
}

/** The longest known walk from one of `previous` to `talk`'s room (other rooms only). */
function longestWalk(
  previous: readonly Talk[],
  talk: Talk,
  venue: Venue | undefined,
): { walk: number; room: string } | undefined {
  let best: { walk: number; room: string } | undefined;
  for (const p of previous) {
    if (!venue || p.room.trim() === talk.room.trim()) continue;
    const walk = walkingMinutes(venue, p.room, talk.room);
    if (walk !== undefined && (!best || walk > best.walk)) best = { walk, room: p.room.trim() };
  }
  return best;
}

/** The distinct times of `reminders`: all the relay is told. */
export function reminderInstants(reminders: readonly Reminder[]): number[] {
  return [...new Set(reminders.map((r) => r.at))].sort((a, b) => a - b);
}

/**
 * The reminders a push for instant `at` stands for: those due at that time (±`toleranceMs`,
 * default 1 min, for a time that moved slightly since it was sent).
 */
export function remindersAt(
  reminders: readonly Reminder[],
  at: number,
  toleranceMs = MINUTE,
): Reminder[] {
  return reminders.filter((r) => Math.abs(r.at - at) <= toleranceMs);
}

/** What a reminder says: a title and one line (room, building, walk). */
export interface ReminderText {
  title: string;
  body: string;
}

/**
 * "In 5 min: Podman…" / "Leave now: Podman…"; the body names the room with its building and
 * floor, and the walk from the previous talk's room when there is one: "K.3.401 (building K,
 * floor 3) · 12 min walk from AW1.120". `now` is the instant the text is shown.
 */
export function reminderText(
  reminder: Reminder,
  talk: Talk,
  venue: Venue | undefined,
  now: number,
): ReminderText {
  const minutes = Math.max(0, Math.round((talk.start - now) / MINUTE));
  const when = minutes === 0 ? 'Starting now' : `In ${minutes} min`;
  const title = `${reminder.leaveNow ? 'Leave now' : when}: ${talk.title}`;
  const walk =
    reminder.walkMinutes !== undefined && reminder.fromRoom
      ? `${reminder.walkMinutes} min walk from ${reminder.fromRoom.trim()}`
      : undefined;
  const starts = reminder.leaveNow ? `starts in ${minutes} min` : undefined;
  const body = [describeRoom(venue, talk.room), walk, starts].filter(Boolean).join(' · ');
  return { title, body };
}
