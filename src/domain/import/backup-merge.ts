/**
 * How a restore combines a backup with what the device already holds. Nothing on the device is
 * lost: a note is replaced only by a strictly newer one (by updatedAt), bookmarks and attendance
 * are unions (the earliest date wins, a rating on the device wins), reports are added by id, and
 * settings the device already has keep their value. Whichever record wins is laid over the
 * other, so a field only one side has (one this version does not know, say) is kept.
 */
import type {
  AttendedRecord,
  BookmarkRecord,
  NoteRecord,
  ReportRecord,
  UserData,
} from '../export/backup-format';

/** What a restore did to one kind of record. */
export interface MergeCount {
  /** Not on the device before. */
  added: number;
  /** On the device, and changed by the backup (a newer note, a missing rating, extra fields). */
  updated: number;
  /** On the device and left as it was. */
  unchanged: number;
}

/** Counts per kind, for "Restored 12 notes (3 newer notes on this device were kept)". */
export interface MergeSummary {
  bookmarks: MergeCount;
  /** `keptNewer`: notes whose text differs where the device's copy is as new or newer. */
  notes: MergeCount & { keptNewer: number };
  attended: MergeCount;
  reports: MergeCount;
  settings: MergeCount;
}

/** The writes a restore needs: only records that are new or changed. */
export interface MergePlan {
  bookmarks: BookmarkRecord[];
  notes: NoteRecord[];
  attended: AttendedRecord[];
  reports: ReportRecord[];
  /** Setting keys to write, with their values. */
  settings: Record<string, unknown>;
  /** The merged unknown top-level fields, whole. */
  unknownFields: Record<string, unknown>;
  summary: MergeSummary;
}

/** Plans the merge of `incoming` (a backup) into `local` (the device). Pure. */
export function mergeUserData(local: UserData, incoming: UserData): MergePlan {
  const bookmarks = mergeRecords(local.bookmarks, incoming.bookmarks, (r) => r.talk, deviceWins);
  const attended = mergeRecords(local.attended, incoming.attended, (r) => r.talk, deviceWins);
  const reports = mergeRecords(
    local.reports,
    incoming.reports,
    (r) => r.id,
    (l, i) => ({
      ...i,
      ...l,
    }),
  );
  let keptNewer = 0;
  const notes = mergeRecords(
    local.notes,
    incoming.notes,
    (r) => r.talk,
    (l, i) => {
      if (i.updatedAt > l.updatedAt) return { ...l, ...i };
      if (i.text !== l.text) keptNewer += 1;
      return { ...i, ...l };
    },
  );

  const settings: Record<string, unknown> = {};
  const settingsCount: MergeCount = { added: 0, updated: 0, unchanged: 0 };
  for (const [key, value] of Object.entries(incoming.settings)) {
    if (key === '__proto__') continue;
    if (Object.hasOwn(local.settings, key)) settingsCount.unchanged += 1;
    else {
      settings[key] = value;
      settingsCount.added += 1;
    }
  }
  return {
    bookmarks: bookmarks.writes,
    notes: notes.writes,
    attended: attended.writes,
    reports: reports.writes,
    settings,
    unknownFields: { ...incoming.unknownFields, ...local.unknownFields },
    summary: {
      bookmarks: bookmarks.count,
      notes: { ...notes.count, keptNewer },
      attended: attended.count,
      reports: reports.count,
      settings: settingsCount,
    },
  };
}

/**
 * Bookmarks and attendance: the device's record over the backup's, with the earliest date
 * (`addedAt`, `at`) of the two and the backup's rating only where the device has none.
 */
function deviceWins<R extends BookmarkRecord | AttendedRecord>(l: R, i: R): R {
  const merged: Record<string, unknown> = { ...i, ...l };
  const [mine, theirs]: { addedAt?: unknown; at?: unknown }[] = [l, i];
  for (const field of ['addedAt', 'at'] as const) {
    const a = mine?.[field];
    const b = theirs?.[field];
    if (typeof a === 'number' && typeof b === 'number') merged[field] = Math.min(a, b);
  }
  return merged as R;
}

function mergeRecords<R>(
  local: readonly R[],
  incoming: readonly R[],
  keyOf: (r: R) => string,
  combine: (local: R, incoming: R) => R,
): { writes: R[]; count: MergeCount } {
  const held = new Map(local.map((r) => [keyOf(r), r]));
  const count: MergeCount = { added: 0, updated: 0, unchanged: 0 };
  const writes: R[] = [];
  for (const record of incoming) {
    const mine = held.get(keyOf(record));
    if (!mine) {
      writes.push(record);
      count.added += 1;
      continue;
    }
    const merged = combine(mine, record);
    if (canonical(merged) === canonical(mine)) count.unchanged += 1;
    else {
      writes.push(merged);
      count.updated += 1;
    }
  }
  return { writes, count };
}

/** JSON with object keys sorted, to compare records whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
