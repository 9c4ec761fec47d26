/**
 * "Did you attend?": the talks marked attended (with an optional rating), the ones the user said
 * they missed, and the bookmarked talks that are over and still to confirm. Part of store.notes.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import { talksToConfirm } from '../domain/attendance';
import type { Talk, TalkKey } from '../domain/model';
import { listAttended, markAttended, rateAttended, unmarkAttended } from '../storage/attended-repo';
import type { Attended, Bookmark, PlanBDb } from '../storage/schema';
import { getSetting, setSetting } from '../storage/settings-repo';
import type { Notices } from './notices';

/** Settings key of the talks the user said they did not attend (no more "Did you attend?"). */
const DECLINED_SETTING = 'attended.declined';

/** Attendance as the views see it (through store.notes). */
export interface AttendanceStore {
  /** Talks marked attended, with their rating, orphans included. */
  attended: ReadonlySignal<ReadonlyMap<TalkKey, Attended>>;
  /** Bookmarked talks that are over and neither attended nor declined: "Did you attend?". */
  toConfirm: ReadonlySignal<ReadonlySet<TalkKey>>;
  /** Marks a talk of the schedule attended; a rating (1–5) or null (none) is optional. */
  markAttended(key: TalkKey, rating?: number | null): Promise<void>;
  unmarkAttended(key: TalkKey): Promise<void>;
  /** Sets or (null) clears the rating of an attended talk. */
  rate(key: TalkKey, rating: number | null): Promise<void>;
  /** "No, I did not attend": stops offering it. */
  declineAttended(key: TalkKey): Promise<void>;
}

/** What attendance needs from the store. */
export interface AttendanceDeps {
  db: PlanBDb;
  talksByKey: ReadonlySignal<ReadonlyMap<TalkKey, Talk>>;
  bookmarks: ReadonlySignal<ReadonlyMap<TalkKey, Bookmark>>;
  /** The app's clock (pretend time included): decides which talks are over. */
  now: ReadonlySignal<number>;
  notices: Notices;
  realNow(): number;
  /** A change was written (the owner tells other tabs). */
  onWritten(): void;
}

/** Attendance plus the re-read the notes store runs with its own. */
export interface AttendanceModule extends AttendanceStore {
  refresh(): Promise<void>;
}

/** Creates the attendance part of store.notes; call refresh() once the database is open. */
export function createAttendance(deps: AttendanceDeps): AttendanceModule {
  const { db } = deps;
  const attended = signal<ReadonlyMap<TalkKey, Attended>>(new Map());
  const declined = signal<ReadonlySet<TalkKey>>(new Set());
  const toConfirm = computed(() => {
    const answered = { has: (key: TalkKey) => attended.value.has(key) || declined.value.has(key) };
    const talks = [...deps.talksByKey.value.values()];
    const due = talksToConfirm(talks, deps.bookmarks.value, answered, deps.now.value);
    return new Set(due.map((t) => t.key));
  });

  async function update(key: TalkKey, change: () => Promise<Attended | undefined>): Promise<void> {
    try {
      const record = await change();
      const next = new Map(attended.value);
      if (record) next.set(key, record);
      else next.delete(key);
      attended.value = next;
      deps.onWritten();
    } catch (error) {
      deps.notices.push({ kind: 'error', text: (error as Error).message });
    }
  }

  return {
    attended,
    toConfirm,
    async refresh() {
      const [records, no] = await Promise.all([
        listAttended(db),
        getSetting<unknown>(db, DECLINED_SETTING),
      ]);
      const keys = Array.isArray(no) ? no.filter((k): k is string => typeof k === 'string') : [];
      batch(() => {
        attended.value = new Map(records.map((a) => [a.talk, a]));
        declined.value = new Set(keys);
      });
    },
    markAttended(key, rating) {
      const talk = deps.talksByKey.value.get(key);
      if (!talk) return Promise.resolve();
      const options = { ...(rating !== undefined ? { rating } : {}), now: deps.realNow() };
      return update(key, () => markAttended(db, talk, options));
    },
    unmarkAttended(key) {
      return update(key, async () => {
        await unmarkAttended(db, key);
        return undefined;
      });
    },
    rate(key, rating) {
      return update(key, () => rateAttended(db, key, rating));
    },
    async declineAttended(key) {
      const next = new Set(declined.value);
      next.add(key);
      declined.value = next;
      try {
        await setSetting(db, DECLINED_SETTING, [...next]);
      } catch (error) {
        deps.notices.push({ kind: 'error', text: (error as Error).message });
      }
    },
  };
}
