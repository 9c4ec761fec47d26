/**
 * What an import may do to user records (bookmarks, notes, attended): refresh the snapshot of
 * a record whose talk is still in the schedule, and follow a talk whose key changed (see
 * ScheduleDiff.rekeyed). It never deletes a record's content: a record whose talk is gone keeps
 * its last snapshot and is reported by `orphans`.
 */
import type { Talk, TalkKey } from '../domain/model';
import { NAMES, snapshotOf, type TalkSnapshot } from './schema';

/** The user stores keyed by TalkKey, each record carrying a snapshot of its talk. */
export const TALK_RECORD_STORES = [NAMES.bookmarks, NAMES.notes, NAMES.attended] as const;

interface TalkRecord {
  talk: TalkKey;
  snapshot: TalkSnapshot;
}

/** The few store methods followTalks needs, whatever the store's record type. */
interface RecordStore<R extends TalkRecord> {
  getAll(): Promise<R[]>;
  get(key: TalkKey): Promise<R | undefined>;
  put(record: R): Promise<unknown>;
  delete(key: TalkKey): Promise<void>;
}

interface RecordTx {
  objectStore(name: (typeof TALK_RECORD_STORES)[number]): RecordStore<TalkRecord>;
}

/**
 * Inside an import's transaction: moves records from `rekeyed` old keys to new ones (unless a
 * record already exists under the new key: then the old one stays, as an orphan, and nothing is
 * lost) and refreshes the snapshot of every record whose talk is in `talks`.
 */
export async function followTalks(
  tx: RecordTx,
  talks: readonly Talk[],
  rekeyed: readonly { from: TalkKey; to: TalkKey }[],
): Promise<void> {
  const byKey = new Map(talks.map((t) => [t.key, t]));
  const renamed = new Map(rekeyed.map((r) => [r.from, r.to]));
  for (const name of TALK_RECORD_STORES) {
    const store = tx.objectStore(name);
    const records = await store.getAll();
    const present = new Set(records.map((r) => r.talk));
    for (const record of records) {
      let key = renamed.get(record.talk) ?? record.talk;
      if (key !== record.talk && present.has(key)) key = record.talk;
      const talk = byKey.get(key);
      if (!talk) continue;
      const snapshot = snapshotOf(talk);
      if (key === record.talk && sameSnapshot(snapshot, record.snapshot)) continue;
      if (key !== record.talk) await store.delete(record.talk);
      await store.put({ ...record, talk: key, snapshot });
    }
  }
}

function sameSnapshot(a: TalkSnapshot, b: TalkSnapshot | undefined): boolean {
  return (
    b !== undefined &&
    a.title === b.title &&
    a.start === b.start &&
    a.end === b.end &&
    a.room === b.room &&
    a.track === b.track &&
    a.cancelled === b.cancelled
  );
}
