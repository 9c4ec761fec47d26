/**
 * The crowd-report outbox in the `reports` store, this install's anonymous device id, and the
 * last room listing the relay sent (so an offline phone can say "last known, 12 min ago").
 * The sending policy lives in src/sync/report-outbox.ts; this file only reads and writes.
 */
import type { CrowdReport } from '../domain/crowd';
import type { RoomStatusEntry } from '../domain/crowd-api';
import { FULLNESS_LEVELS, type FullnessLevel } from '../domain/fullness';
import { guardQuota } from './errors';
import { type CrowdReportRecord, NAMES, type PlanBDb } from './schema';

/** settings key of this install's device id. */
export const DEVICE_ID_SETTING = 'crowd-device-id';
/** settings key of the last room listing received from the relay. */
export const ROOM_STATUS_SETTING = 'room-status-last-known';

/** The stored level number of a FullnessLevel (its FULLNESS_LEVELS index). */
export function levelNumber(level: FullnessLevel): number {
  return FULLNESS_LEVELS.indexOf(level);
}

/** The FullnessLevel of a stored record ("seats" for a number it does not know). */
export function levelOfRecord(record: Pick<CrowdReportRecord, 'level'>): FullnessLevel {
  return FULLNESS_LEVELS[record.level] ?? 'seats';
}

/** A stored record as the crowd model's report. */
export function toCrowdReport(r: CrowdReportRecord): CrowdReport {
  return { id: r.id, room: r.room, level: levelOfRecord(r), at: r.at, device: r.device };
}

/** Saves (or replaces) a report. */
export function putReport(db: PlanBDb, record: CrowdReportRecord): Promise<CrowdReportRecord> {
  return guardQuota('your report', async () => {
    await db.put(NAMES.reports, record);
    return record;
  });
}

/** One report, or undefined. */
export function getReport(db: PlanBDb, id: string): Promise<CrowdReportRecord | undefined> {
  return db.get(NAMES.reports, id);
}

/** Every report kept, oldest first. */
export async function listReports(db: PlanBDb): Promise<CrowdReportRecord[]> {
  return (await db.getAll(NAMES.reports)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** Reports still to send whose retry time has come, oldest first. */
export async function reportsDue(db: PlanBDb, now: number): Promise<CrowdReportRecord[]> {
  return (await listReports(db)).filter(
    (r) => r.sentAt === undefined && !r.rejected && (r.nextAttemptAt ?? 0) <= now,
  );
}

/** Changes some fields of a stored report (no-op when it is gone). */
export async function updateReport(
  db: PlanBDb,
  id: string,
  patch: Partial<Omit<CrowdReportRecord, 'id'>>,
): Promise<void> {
  const tx = db.transaction(NAMES.reports, 'readwrite');
  const record = await tx.store.get(id);
  if (record) await tx.store.put({ ...record, ...patch });
  await tx.done;
}

/** Deletes reports made before `cutoff` (sent or not: they no longer tell anything); returns how many. */
export async function dropReportsBefore(db: PlanBDb, cutoff: number): Promise<number> {
  const tx = db.transaction(NAMES.reports, 'readwrite');
  let dropped = 0;
  for await (const cursor of tx.store) {
    if (cursor.value.at < cutoff) {
      await cursor.delete();
      dropped++;
    }
  }
  await tx.done;
  return dropped;
}

/**
 * Gives up sending reports made before `cutoff` that were never sent (they no longer tell the
 * relay anything) and keeps them, marked with `reason`, as the attendee's own record of full
 * rooms; returns how many.
 */
export async function expireUnsentBefore(
  db: PlanBDb,
  cutoff: number,
  reason: string,
): Promise<number> {
  const tx = db.transaction(NAMES.reports, 'readwrite');
  let expired = 0;
  for await (const cursor of tx.store) {
    const r = cursor.value;
    if (r.at < cutoff && r.sentAt === undefined && !r.rejected) {
      await cursor.update({ ...r, rejected: reason });
      expired++;
    }
  }
  await tx.done;
  return expired;
}

/** This install's anonymous device id, made once (one vote per device on the relay). */
export async function deviceId(db: PlanBDb, make: () => string): Promise<string> {
  const tx = db.transaction(NAMES.settings, 'readwrite');
  const existing = await tx.store.get(DEVICE_ID_SETTING);
  if (typeof existing === 'string' && existing) {
    await tx.done;
    return existing;
  }
  const id = make();
  await tx.store.put(id, DEVICE_ID_SETTING);
  await tx.done;
  return id;
}

/** The last listing the relay sent, with when it arrived and when the relay last confirmed it. */
export interface SavedRoomStatus {
  rooms: RoomStatusEntry[];
  receivedAt: number;
  fetchedAt: number;
  etag?: string;
}

/** Remembers the last listing (overwrites the previous one). */
export async function saveRoomStatus(db: PlanBDb, status: SavedRoomStatus): Promise<void> {
  await db.put(NAMES.settings, status, ROOM_STATUS_SETTING);
}

/** The remembered listing, or undefined (or when what is stored is not one). */
export async function loadRoomStatus(db: PlanBDb): Promise<SavedRoomStatus | undefined> {
  const saved = (await db.get(NAMES.settings, ROOM_STATUS_SETTING)) as SavedRoomStatus | undefined;
  if (!saved || !Array.isArray(saved.rooms) || typeof saved.fetchedAt !== 'number')
    return undefined;
  return saved;
}
