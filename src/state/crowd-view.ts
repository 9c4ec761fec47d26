/**
 * Room fullness as this phone shows it: the relay's listing ("last known" when it is no longer
 * confirmed) with this phone's own reports laid over it, and the same moved onto the app's clock
 * for the Plan B engine. Functions of their inputs; the crowd store keeps them in signals.
 */
import { REPORT_USEFUL_MS } from '../domain/crowd';
import { withOwnReports } from '../domain/crowd-local';
import type { FullnessLevel, OfficialState, RoomFullness } from '../domain/fullness';
import { lastKnownView } from '../domain/last-known';
import { levelOfRecord, toCrowdReport } from '../storage/reports-repo';
import type { CrowdReportRecord } from '../storage/schema';
import type { RoomStatusSnapshot } from '../sync/room-status';

/** A room's fullness as the UI shows it: the shared model plus where it stands. */
export interface ShownFullness extends RoomFullness {
  /** True when the relay no longer confirms it (offline, relay unreachable): "last known". */
  lastKnown: boolean;
  /** This phone's own report is among what is shown (or is all of it). */
  mine: boolean;
  /** The venue's last state when it is too old to count as current (only while last known). */
  lastOfficial?: OfficialState;
}

/** One of this phone's reports, as the report buttons show it. */
export interface OwnReport {
  id: string;
  /** Room slug. */
  room: string;
  level: FullnessLevel;
  /** Real time of the tap, UTC ms. */
  at: number;
  /** When the relay accepted it; undefined while queued. */
  sentAt?: number;
  /** The relay's reason when it refused it. */
  rejected?: string;
}

/**
 * How far the relay's time for a room may lie before this phone's tap and still be that tap:
 * the relay stamps an accepted report with its own clock, which can be a few seconds behind.
 */
export const OWN_REPORT_SKEW_MS = 5000;

/** This phone's reports inside their usefulness window (2 h), oldest first. */
export function ownReports(records: readonly CrowdReportRecord[], realNow: number): OwnReport[] {
  const since = realNow - REPORT_USEFUL_MS;
  return records
    .filter((r) => r.at >= since)
    .map((r) => ({
      id: r.id,
      room: r.room,
      level: levelOfRecord(r),
      at: r.at,
      ...(r.sentAt !== undefined ? { sentAt: r.sentAt } : {}),
      ...(r.rejected ? { rejected: r.rejected } : {}),
    }));
}

/** Fullness by room slug for display, ages against the real clock `now`. */
export function shownFullness(
  snap: RoomStatusSnapshot | undefined,
  records: readonly CrowdReportRecord[],
  now: number,
): Map<string, ShownFullness> {
  const relay = snap ? lastKnownView(snap, now) : new Map<string, RoomFullness>();
  // A report the relay accepted before this listing arrived is already in it.
  const own = records
    .filter((r) => !r.rejected && (r.sentAt === undefined || !snap || r.sentAt > snap.receivedAt))
    .map(toCrowdReport);
  const merged = withOwnReports(relay, own, now);
  const latestOwn = new Map<string, number>();
  for (const r of records)
    if (!r.rejected) latestOwn.set(r.room, Math.max(latestOwn.get(r.room) ?? 0, r.at));
  const shown = new Map<string, ShownFullness>();
  for (const [room, f] of merged) {
    const ownAt = latestOwn.get(room);
    const isMine =
      ownAt !== undefined &&
      now - ownAt <= REPORT_USEFUL_MS &&
      f.source === 'crowd' &&
      f.updatedAt !== undefined &&
      ownAt >= f.updatedAt - OWN_REPORT_SKEW_MS;
    const fromRelay = relay.get(room) as ShownFullness | undefined;
    shown.set(room, {
      ...f,
      lastKnown: snap ? !snap.live && f.updatedAt !== ownAt : false,
      mine: isMine,
      ...(fromRelay?.lastOfficial && f.source !== 'official'
        ? { lastOfficial: fromRelay.lastOfficial }
        : {}),
    });
  }
  return shown;
}

/**
 * The shown fullness with every time moved by `shift` (the pretend clock's offset): the engine
 * compares report times with the app's clock, so 4 real minutes old reads as 4 minutes before
 * the pretend now.
 */
export function onAppClock(
  shown: ReadonlyMap<string, ShownFullness>,
  shift: number,
): Map<string, RoomFullness> {
  const moved = new Map<string, RoomFullness>();
  for (const [room, f] of shown) {
    const { lastKnown: _l, mine: _m, lastOfficial: _o, ...plain } = f;
    moved.set(
      room,
      plain.updatedAt === undefined ? plain : { ...plain, updatedAt: plain.updatedAt + shift },
    );
  }
  return moved;
}
