/**
 * Checks and normalizes the record arrays of a parsed backup. Strict on the fields Plan B relies
 * on (a note needs its talk, text and updatedAt), lenient on the rest (missing arrays are empty,
 * times may be ISO strings), and every unknown field is kept on its record.
 */
import type {
  AttendedRecord,
  Backup,
  BookmarkRecord,
  NoteRecord,
  RecordSnapshot,
  ReportRecord,
} from './backup-format';
import { BackupError } from './backup-format';

type Json = Record<string, unknown>;

/** The normalized records of a backup; throws BackupError naming the first bad field. */
export function readRecords(
  data: Json,
): Pick<Backup, 'conference' | 'bookmarks' | 'notes' | 'attended' | 'reports' | 'settings'> {
  const bookmarks = list(data, 'bookmarks').map(([r, at]) => readBookmark(r, at));
  const notes = list(data, 'notes').map(([r, at]) => readNote(r, at));
  const attended = list(data, 'attended').map(([r, at]) => readAttended(r, at));
  const reports = list(data, 'reports').map(([r, at]) => readReport(r, at));
  const out: ReturnType<typeof readRecords> = {
    bookmarks: firstPerKey(bookmarks, (b) => b.talk),
    notes: newestNotes(notes),
    attended: firstPerKey(attended, (a) => a.talk),
  };
  if (data.conference !== undefined && data.conference !== null) {
    const c = object(data.conference, 'conference');
    out.conference = {
      title: optionalString(c, 'title', 'conference') ?? '',
      acronym: optionalString(c, 'acronym', 'conference') ?? '',
    };
  }
  if (data.reports !== undefined && data.reports !== null) {
    out.reports = firstPerKey(reports, (r) => r.id);
  }
  if (data.settings !== undefined && data.settings !== null) {
    out.settings = copy(object(data.settings, 'settings'));
  }
  return out;
}

function readBookmark(r: Json, at: string): BookmarkRecord {
  const record: Json = { ...copy(r), talk: talkKey(r, at) };
  put(record, 'addedAt', time(r.addedAt, `${at}.addedAt`, false));
  put(record, 'snapshot', readSnapshot(r.snapshot, `${at}.snapshot`));
  return record as unknown as BookmarkRecord;
}

function readNote(r: Json, at: string): NoteRecord {
  if (typeof r.text !== 'string')
    throw new BackupError('wrong-shape', 'must be text.', `${at}.text`);
  const record: Json = {
    ...copy(r),
    talk: talkKey(r, at),
    text: r.text,
    updatedAt: time(r.updatedAt, `${at}.updatedAt`, true),
  };
  put(record, 'snapshot', readSnapshot(r.snapshot, `${at}.snapshot`));
  return record as unknown as NoteRecord;
}

function readAttended(r: Json, at: string): AttendedRecord {
  const when = time(r.at, `${at}.at`, false);
  const rating = r.rating;
  if (rating !== undefined && rating !== null && !isRating(rating)) {
    throw new BackupError('wrong-shape', 'must be a whole number from 1 to 5.', `${at}.rating`);
  }
  const record: Json = { ...copy(r), talk: talkKey(r, at) };
  put(record, 'at', when);
  put(record, 'rating', isRating(rating) ? rating : undefined);
  put(record, 'snapshot', readSnapshot(r.snapshot, `${at}.snapshot`));
  return record as unknown as AttendedRecord;
}

function readReport(r: Json, at: string): ReportRecord {
  const text = (field: string) => {
    const v = r[field];
    if (typeof v !== 'string' || v === '') {
      throw new BackupError('wrong-shape', 'must be non-empty text.', `${at}.${field}`);
    }
    return v;
  };
  const level = r.level;
  if (typeof level !== 'number' || !Number.isFinite(level)) {
    throw new BackupError('wrong-shape', 'must be a number.', `${at}.level`);
  }
  const sentAt = time(r.sentAt, `${at}.sentAt`, false);
  const record: Json = {
    ...copy(r),
    id: text('id'),
    room: text('room'),
    level,
    at: time(r.at, `${at}.at`, true)!,
    device: text('device'),
  };
  put(record, 'sentAt', sentAt);
  return record as unknown as ReportRecord;
}

/** A snapshot as stored; missing text fields are empty, missing times 0 ("never known"). */
function readSnapshot(value: unknown, at: string): RecordSnapshot | undefined {
  if (value === undefined || value === null) return undefined;
  const s = object(value, at);
  if (s.cancelled !== undefined && typeof s.cancelled !== 'boolean') {
    throw new BackupError('wrong-shape', 'must be true or false.', `${at}.cancelled`);
  }
  return {
    ...copy(s),
    title: optionalString(s, 'title', at) ?? '',
    start: time(s.start, `${at}.start`, false) ?? 0,
    end: time(s.end, `${at}.end`, false) ?? 0,
    room: optionalString(s, 'room', at) ?? '',
    track: optionalString(s, 'track', at) ?? '',
    cancelled: s.cancelled === true,
  };
}

/** The array under `field` as [record, JSON path] pairs; absent or null is empty. */
function list(data: Json, field: string): [Json, string][] {
  const value = data[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BackupError('wrong-shape', 'must be a list ([…]).', field);
  return value.map((item, i) => [object(item, `${field}[${i}]`), `${field}[${i}]`]);
}

function object(value: unknown, at: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BackupError('wrong-shape', 'must be an object ({…}).', at);
  }
  return value as Json;
}

function talkKey(r: Json, at: string): string {
  if (typeof r.talk !== 'string' || r.talk.trim() === '') {
    throw new BackupError(
      'wrong-shape',
      'must be a talk key such as "slug:podman" (what `planb inspect --json --talks` prints).',
      `${at}.talk`,
    );
  }
  return r.talk;
}

function optionalString(r: Json, field: string, at: string): string | undefined {
  const v = r[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string')
    throw new BackupError('wrong-shape', 'must be text.', `${at}.${field}`);
  return v;
}

/** A time as UTC ms: a number, or an ISO 8601 string with a zone. */
function time(value: unknown, at: string, required: true): number;
function time(value: unknown, at: string, required: boolean): number | undefined;
function time(value: unknown, at: string, required: boolean): number | undefined {
  if ((value === undefined || value === null) && !required) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new BackupError(
    'wrong-shape',
    'must be a time: milliseconds since 1970 (UTC) or an ISO 8601 date-time with a zone.',
    at,
  );
}

function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Sets an optional field, or removes it (a null in the file) when there is no value. */
function put(record: Json, field: string, value: unknown): void {
  if (value === undefined) delete record[field];
  else record[field] = value;
}

/** A shallow copy without `__proto__` (JSON.parse makes it an own key; it must not become one). */
function copy(r: Json): Json {
  return Object.fromEntries(Object.entries(r).filter(([k]) => k !== '__proto__'));
}

function firstPerKey<R>(records: R[], key: (r: R) => string): R[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(key(r)) && seen.add(key(r)));
}

/** One note per talk: the most recently updated (the first of equals). */
function newestNotes(notes: NoteRecord[]): NoteRecord[] {
  const best = new Map<string, NoteRecord>();
  for (const n of notes) {
    const held = best.get(n.talk);
    if (!held || n.updatedAt > held.updatedAt) best.set(n.talk, n);
  }
  return notes.filter((n) => best.get(n.talk) === n);
}
