/**
 * "What I missed": talks the attendee bookmarked but did not attend (nor wrote about), once
 * they are over; flagged when the attendee's own report said the room was full while they were
 * there (door closed, queue), and linked to what they can still see: the recording when the
 * schedule has one (FOSDEM adds them after the conference), else the talk's page.
 */
import type { Conference, Link } from '../model';
import { roomSlug } from '../slug';
import type { ReportRecord } from './backup-format';
import type { ExportItem } from './selection';

/** FULLNESS_LEVELS index of "full" (then 3, "door closed + queue"): the room could not take them. */
const FULL_LEVEL = 2;

/** A report this long before the talk's start still says the attendee could not get in. */
const REPORT_BEFORE_START_MS = 15 * 60_000;

/** A missed talk, with what to watch or read instead. */
export interface MissedItem extends ExportItem {
  /** The attendee reported its room full (or closed with a queue) around its time. */
  roomFull: boolean;
  /** The recording, else the talk's page; undefined when the schedule has neither. */
  watch?: Link & { kind: 'recording' | 'page' };
}

/**
 * The missed talks among `items` (bookmarked, not attended, no notes): those over by `now`
 * (all when absent), cancelled ones left out, in the order given.
 */
export function missedItems(
  conference: Pick<Conference, 'rooms'>,
  items: readonly ExportItem[],
  reports: readonly ReportRecord[],
  now: number = Number.POSITIVE_INFINITY,
): MissedItem[] {
  const slugs = new Map(conference.rooms.map((r) => [r.name, r.slug]));
  const full = reports.filter((r) => r.level >= FULL_LEVEL);
  return items
    .filter((item) => !item.cancelled && item.start > 0 && item.end <= now)
    .map((item) => {
      const slug = slugs.get(item.room) || roomSlug(item.room);
      const roomFull = full.some(
        (r) => r.room === slug && r.at >= item.start - REPORT_BEFORE_START_MS && r.at < item.end,
      );
      const { recording, page } = item.links;
      const watch: MissedItem['watch'] = recording
        ? { ...recording, kind: 'recording' }
        : page
          ? { url: page, title: 'Talk page', kind: 'page' }
          : undefined;
      return { ...item, roomFull, ...(watch ? { watch } : {}) };
    });
}
