/**
 * The current schedule in IndexedDB: import (parse, then swap atomically) and read back.
 *
 * An import parses and validates the whole file before opening a transaction. Then ONE readwrite
 * transaction writes the new version's talks and conference record, switches the `current`
 * pointer, deletes the previous version's talks, prunes old conference records and refreshes the
 * snapshots of user records whose talk is still there. Either all of that commits or none of it
 * does: a bad file or a full disk leaves the previous schedule exactly as it was.
 */
import type { ScheduleDiff } from '../domain/diff';
import type { Conference, Talk } from '../domain/model';
import { guardQuota, ImportError } from './errors';
import {
  type ConferenceMeta,
  type ConferenceVersion,
  NAMES,
  type PlanBDb,
  type StoredTalk,
} from './schema';

/** Where a schedule came from, and its HTTP validators for the next conditional GET. */
export interface ImportSource {
  /** File name or URL. */
  source: string;
  etag?: string;
  lastModified?: string;
  /** Import time, UTC ms (default Date.now()). */
  now?: number;
}

/** What an import did. */
export interface ImportResult {
  version: ConferenceVersion;
  /** Changes from the previous version; null when there was none or it was another conference. */
  diff: ScheduleDiff | null;
}

/** Conference records kept (newest first) as import history; their talks are not kept. */
export const KEPT_VERSIONS = 5;

const SCHEDULE_STORES = [
  NAMES.conferences,
  NAMES.talks,
  NAMES.meta,
  NAMES.bookmarks,
  NAMES.notes,
  NAMES.attended,
] as const;

/**
 * Makes an already parsed (and so validated) conference the current one. Throws ImportError
 * (cause: the StorageFullError or other failure) with a message ending "Your current schedule is
 * unchanged."
 */
export async function importConference(
  db: PlanBDb,
  next: Conference,
  from: ImportSource,
): Promise<ImportResult> {
  const { talks, ...meta } = next;
  const version: ConferenceVersion = {
    id: crypto.randomUUID(),
    importedAt: from.now ?? Date.now(),
    source: from.source,
    ...(from.etag ? { etag: from.etag } : {}),
    ...(from.lastModified ? { lastModified: from.lastModified } : {}),
    conference: meta,
    talkCount: talks.length,
  };
  try {
    // Loaded on demand (with the parsers): only imports need it, not the first screen.
    const [{ diffConferences }, { followTalks }] = await Promise.all([
      import('../domain/diff'),
      import('./user-records'),
    ]);
    return await guardQuota('the schedule', () =>
      swapIn(db, next, version, diffConferences, followTalks),
    );
  } catch (error) {
    throw ImportError.from(error);
  }
}

/** The one transaction of an import; any failure aborts it, so nothing of it is kept. */
async function swapIn(
  db: PlanBDb,
  next: Conference,
  version: ConferenceVersion,
  diffConferences: (a: Conference, b: Conference) => ScheduleDiff,
  followTalks: typeof import('./user-records').followTalks,
): Promise<ImportResult> {
  const tx = db.transaction(SCHEDULE_STORES, 'readwrite');
  const done = tx.done;
  done.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  try {
    const talkStore = tx.objectStore(NAMES.talks);
    const conferences = tx.objectStore(NAMES.conferences);
    const previousId = await tx.objectStore(NAMES.meta).get(NAMES.current);
    const previous = previousId
      ? await readVersion({ conferences, talks: talkStore }, previousId)
      : undefined;
    const diff =
      previous && sameConference(previous, next) ? diffConferences(previous, next) : null;
    const history = (await conferences.getAll()).sort((a, b) => b.importedAt - a.importedAt);
    // Every request is observed as soon as it is made: if a later one throws synchronously, the
    // abort below rejects the earlier ones, and that must not surface as an unhandled rejection.
    const writes: Promise<unknown>[] = [];
    const write = (request: Promise<unknown>) => {
      request.catch(() => {});
      writes.push(request);
    };
    for (const [order, t] of next.talks.entries())
      write(talkStore.put({ ...t, version: version.id, order }));
    write(conferences.put(version));
    write(tx.objectStore(NAMES.meta).put(version.id, NAMES.current));
    const { summaries, details } = splitTalks(next.talks);
    write(tx.objectStore(NAMES.meta).put(`${version.id}\n${summaries}`, NAMES.currentSummaries));
    write(tx.objectStore(NAMES.meta).put(`${version.id}\n${details}`, NAMES.currentDetails));
    write(tx.objectStore(NAMES.meta).delete(NAMES.v2CurrentTalks));
    if (previousId) write(talkStore.delete(versionRange(previousId)));
    for (const old of history.slice(KEPT_VERSIONS - 1)) write(conferences.delete(old.id));
    write(followTalks(tx, next.talks, diff?.rekeyed ?? []));
    await Promise.all(writes);
    await done;
    return { version, diff };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** The current schedule, reassembled (talks in the parsed order); undefined before any import. */
export async function loadCurrentConference(db: PlanBDb): Promise<Conference | undefined> {
  const tx = db.transaction([NAMES.meta, NAMES.conferences, NAMES.talks]);
  const meta = tx.objectStore(NAMES.meta);
  const [id, summaries, details] = await Promise.all([
    meta.get(NAMES.current),
    meta.get(NAMES.currentSummaries),
    meta.get(NAMES.currentDetails),
  ]);
  if (!id) return undefined;
  const conferences = tx.objectStore(NAMES.conferences);
  // Fast path: the snapshots written by the same import (see NAMES.currentSummaries).
  const summaryText = versionText(summaries, id);
  const detailText = versionText(details, id);
  if (summaryText !== undefined && detailText?.endsWith(']')) {
    const record = await conferences.get(id);
    if (record) {
      try {
        const talks = JSON.parse(summaryText) as Talk[];
        return { ...record.conference, talks: withDetails(talks, detailText) };
      } catch {
        // A damaged snapshot: fall back to the talks store below.
      }
    }
  }
  return readVersion({ conferences, talks: tx.objectStore(NAMES.talks) }, id);
}

/** What the start-up snapshots leave out of each talk, as [abstract, description, links]. */
type TalkDetails = [Talk['abstract'], Talk['description'], Talk['links']];
const DETAIL_FIELDS = ['abstract', 'description', 'links'] as const;

/** The two JSON texts of the start-up snapshots (without their version prefix). */
function splitTalks(talks: readonly Talk[]): { summaries: string; details: string } {
  const summaries: Omit<Talk, (typeof DETAIL_FIELDS)[number]>[] = [];
  const details: TalkDetails[] = [];
  for (const { abstract, description, links, ...summary } of talks) {
    summaries.push(summary);
    details.push([abstract, description, links]);
  }
  return { summaries: JSON.stringify(summaries), details: JSON.stringify(details) };
}

/** A snapshot's JSON text when it belongs to version `id` ("<id>\n<json>"). */
function versionText(value: string | undefined, id: string): string | undefined {
  const cut = value?.indexOf('\n') ?? -1;
  return value && cut > 0 && value.slice(0, cut) === id ? value.slice(cut + 1) : undefined;
}

/** Where a talk's details are: the parsed list (parsed on first use) and the talk's index. */
const DETAILS = Symbol('talk details');
const INDEX = Symbol('talk index');
type LazyTalk = Talk & { [DETAILS]: () => TalkDetails[]; [INDEX]: number };
const NO_DETAILS: TalkDetails = ['', '', { slides: [], recordings: [], other: [] }];
// One getter per field, shared by every talk: the talks keep one shape (fast property access).
const DETAIL_GETTERS = Object.fromEntries(
  DETAIL_FIELDS.map((field, f) => [
    field,
    {
      get(this: LazyTalk) {
        return (this[DETAILS]()[this[INDEX]] ?? NO_DETAILS)[f];
      },
      enumerable: true,
      configurable: true,
    },
  ]),
) as PropertyDescriptorMap;

/**
 * Gives each talk its abstract, description and links, read from `text` when first asked for:
 * the first screen lists talks and never waits for their abstracts to be parsed. They are
 * ordinary enumerable properties to every reader (spread, JSON, structured clone).
 */
function withDetails(talks: Talk[], text: string): Talk[] {
  let parsed: TalkDetails[] | undefined;
  const all = (): TalkDetails[] => {
    if (parsed) return parsed;
    try {
      parsed = JSON.parse(text) as TalkDetails[];
      text = ''; // parsed once: the text can go
    } catch (error) {
      // Only a damaged database gets here: show the talks without abstracts rather than fail.
      console.error('Plan B: the stored talk details cannot be read', error);
      parsed = [];
    }
    return parsed;
  };
  talks.forEach((talk, i) => {
    Object.defineProperty(talk, DETAILS, { value: all });
    Object.defineProperty(talk, INDEX, { value: i });
    Object.defineProperties(talk, DETAIL_GETTERS);
  });
  return talks;
}

/** The current version's record (source, validators, import time); undefined before any import. */
export async function currentVersion(db: PlanBDb): Promise<ConferenceVersion | undefined> {
  const tx = db.transaction([NAMES.meta, NAMES.conferences]);
  const id = await tx.objectStore(NAMES.meta).get(NAMES.current);
  return id ? tx.objectStore(NAMES.conferences).get(id) : undefined;
}

interface VersionStores {
  conferences: { get(id: string): Promise<ConferenceVersion | undefined> };
  talks: { getAll(range: IDBKeyRange): Promise<StoredTalk[]> };
}

async function readVersion(stores: VersionStores, id: string): Promise<Conference | undefined> {
  // Both requests in flight at once; talks by primary-key range (cheaper than the index).
  const [record, talks] = await Promise.all([
    stores.conferences.get(id),
    stores.talks.getAll(versionRange(id)),
  ]);
  if (!record) return undefined;
  return { ...record.conference, talks: inOrder(talks) };
}

function inOrder(stored: StoredTalk[]): Talk[] {
  return stored.sort((a, b) => a.order - b.order).map(({ version, order, ...talk }) => talk);
}

/** All talk keys of one version: [id, ""] ≤ key < [id, []] (arrays sort after strings). */
function versionRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id], [id, []]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing left to undo.
  }
}

/** A diff is only meaningful between two versions of the same conference. */
function sameConference(a: ConferenceMeta, b: ConferenceMeta): boolean {
  return a.acronym === b.acronym || a.title === b.title;
}
