// The attendee backs up everything they made before switching phones, and restores it on the
// new one. The file is documented and versioned; a bad file is refused with a message that says
// what is wrong and where; a newer Plan B's extra fields pass through an older one untouched.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BackupError,
  createBackup,
  MAX_BACKUP_CHARS,
  mergeUserData,
  parseBackup,
  serializeBackup,
  type UserData,
  userDataFromBackup,
} from '../../../src/domain/export/backup';
import { demoBackup } from './support';

const empty: UserData = {
  bookmarks: [],
  notes: [],
  attended: [],
  reports: [],
  settings: {},
  unknownFields: {},
};

/** The BackupError parseBackup throws for a text. */
function refusal(text: string): BackupError {
  try {
    parseBackup(text);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return e as BackupError;
  }
  throw new Error('the backup was accepted');
}

const valid = { format: 'planb-backup', version: 1, bookmarks: [], notes: [], attended: [] };
const withField = (field: string, value: unknown) => JSON.stringify({ ...valid, [field]: value });

describe('making a backup', () => {
  it('has the documented header and the records sorted by talk', () => {
    const backup = createBackup(
      {
        ...empty,
        bookmarks: [
          { talk: 'slug:b', addedAt: 2 },
          { talk: 'slug:a', addedAt: 1 },
        ],
        notes: [{ talk: 'slug:n', text: 'hi', updatedAt: 3 }],
        settings: { theme: 'dark' },
      },
      {
        now: Date.UTC(2020, 1, 2, 18),
        conference: { title: 'FOSDEM 2020', acronym: 'fosdem-2020' },
      },
    );
    expect(backup).toEqual({
      format: 'planb-backup',
      version: 1,
      exportedAt: '2020-02-02T18:00:00.000Z',
      conference: { title: 'FOSDEM 2020', acronym: 'fosdem-2020' },
      bookmarks: [
        { talk: 'slug:a', addedAt: 1 },
        { talk: 'slug:b', addedAt: 2 },
      ],
      notes: [{ talk: 'slug:n', text: 'hi', updatedAt: 3 }],
      attended: [],
      reports: [],
      settings: { theme: 'dark' },
    });
  });

  it('writes unknown top-level fields back out, but never over the known ones', () => {
    const backup = createBackup(
      { ...empty, unknownFields: { futureField: [1, 2], format: 'evil', version: 99 } },
      { now: 0 },
    );
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(1);
    expect((backup as unknown as Record<string, unknown>).futureField).toEqual([1, 2]);
  });

  it('reads back what it writes', () => {
    const made = createBackup(userDataFromBackup(demoBackup()), { now: 0 });
    expect(parseBackup(serializeBackup(made))).toEqual(made);
    expect(serializeBackup(made)).toMatch(
      /^\{\n {2}"format": "planb-backup",\n {2}"version": 1,\n/,
    );
    expect(serializeBackup(made)).toMatch(/\n {2}"futureField": \{[\s\S]*\n\}\n$/);
  });
});

describe('reading a backup', () => {
  it('reads the example in BACKUP-FORMAT.md', () => {
    const doc = readFileSync(
      resolve(import.meta.dirname, '../../../src/domain/export/BACKUP-FORMAT.md'),
      'utf8',
    );
    const example = /(`{3,})json\n([\s\S]*?)\n\1\n/.exec(doc)![2]!;
    const backup = parseBackup(example);
    expect(backup.notes[0]!.text).toBe('```sh\npodman pod create --name mypod\n```');
    expect(backup.attended[0]!.rating).toBe(5);
  });

  it('keeps fields it does not know, on the file and on each record', () => {
    const data = userDataFromBackup(demoBackup());
    expect(data.unknownFields).toEqual({ futureField: { addedBy: 'a newer Plan B' } });
    expect(data.notes.find((n) => n.talk === 'slug:containers_pods_no_daemon')).toMatchObject({
      mood: 'excited',
    });
  });

  it('is lenient where it can be: ISO times, missing arrays, nulls, duplicates', () => {
    const backup = parseBackup(
      JSON.stringify({
        format: 'planb-backup',
        version: 1,
        notes: [
          { talk: 'slug:a', text: 'old', updatedAt: '2020-02-01T10:00:00Z' },
          { talk: 'slug:a', text: 'new', updatedAt: '2020-02-01T12:00:00+01:00' },
          { talk: 'slug:a', text: 'older', updatedAt: 5 },
        ],
        bookmarks: [
          { talk: 'slug:a', addedAt: null, snapshot: null },
          { talk: 'slug:a', addedAt: 9 },
        ],
        attended: [{ talk: 'slug:a', rating: null, snapshot: { title: 'A', start: 10 } }],
      }),
    );
    expect(backup.notes).toEqual([
      { talk: 'slug:a', text: 'new', updatedAt: Date.UTC(2020, 1, 1, 11) },
    ]);
    expect(backup.bookmarks).toEqual([{ talk: 'slug:a' }]);
    expect(backup.attended).toEqual([
      {
        talk: 'slug:a',
        snapshot: { title: 'A', start: 10, end: 0, room: '', track: '', cancelled: false },
      },
    ]);
    expect(backup.reports).toBeUndefined();
    expect(backup.exportedAt).toBe('');
  });

  it('does not let a "__proto__" field change any object', () => {
    const backup = parseBackup(
      '{"format":"planb-backup","version":1,"__proto__":{"polluted":1},' +
        '"notes":[{"talk":"slug:a","text":"x","updatedAt":1,"__proto__":{"polluted":1}}]}',
    );
    expect(Object.hasOwn(backup, '__proto__')).toBe(false);
    expect(Object.hasOwn(backup.notes[0]!, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(userDataFromBackup(backup).unknownFields).toEqual({});
  });

  const refused: [string, string, string, string | undefined][] = [
    ['an empty file', '  \n', 'empty', undefined],
    ['a calendar', 'BEGIN:VCALENDAR\r\n', 'not-a-backup', undefined],
    ['a schedule (XML)', '<?xml version="1.0"?><schedule/>', 'not-a-backup', undefined],
    ['broken JSON', '{"format": "planb-backup",', 'not-json', undefined],
    ['a JSON list', '[]', 'not-a-backup', undefined],
    ["another app's JSON", '{"format": "other"}', 'not-a-backup', 'format'],
    ['a JSON schedule', '{"schedule": {"conference": {}}}', 'not-a-backup', 'format'],
    ['no version', '{"format": "planb-backup"}', 'wrong-shape', 'version'],
    ['a fractional version', withField('version', 1.5), 'wrong-shape', 'version'],
    ['a newer version', withField('version', 2), 'newer-version', 'version'],
    ['bookmarks not a list', withField('bookmarks', {}), 'wrong-shape', 'bookmarks'],
    ['a record not an object', withField('notes', ['x']), 'wrong-shape', 'notes[0]'],
    [
      'a record without talk',
      withField('bookmarks', [{ talk: 'slug:a' }, {}]),
      'wrong-shape',
      'bookmarks[1].talk',
    ],
    [
      'a note without text',
      withField('notes', [{ talk: 'a', updatedAt: 1 }]),
      'wrong-shape',
      'notes[0].text',
    ],
    [
      'a note without time',
      withField('notes', [{ talk: 'a', text: '' }]),
      'wrong-shape',
      'notes[0].updatedAt',
    ],
    [
      'a time in words',
      withField('notes', [{ talk: 'a', text: '', updatedAt: 'yesterday' }]),
      'wrong-shape',
      'notes[0].updatedAt',
    ],
    [
      'a negative time',
      withField('bookmarks', [{ talk: 'a', addedAt: -1 }]),
      'wrong-shape',
      'bookmarks[0].addedAt',
    ],
    [
      'a rating of 6',
      withField('attended', [{ talk: 'a', rating: 6 }]),
      'wrong-shape',
      'attended[0].rating',
    ],
    [
      'a rating of 4.5',
      withField('attended', [{ talk: 'a', rating: 4.5 }]),
      'wrong-shape',
      'attended[0].rating',
    ],
    [
      'a report without id',
      withField('reports', [{ room: 'k', level: 1, at: 1, device: 'd' }]),
      'wrong-shape',
      'reports[0].id',
    ],
    ['settings as a list', withField('settings', []), 'wrong-shape', 'settings'],
    ['a conference as text', withField('conference', 'FOSDEM'), 'wrong-shape', 'conference'],
    [
      'a bad snapshot time',
      withField('notes', [{ talk: 'a', text: '', updatedAt: 1, snapshot: { start: 'x' } }]),
      'wrong-shape',
      'notes[0].snapshot.start',
    ],
    [
      'a bad snapshot flag',
      withField('bookmarks', [{ talk: 'a', snapshot: { cancelled: 'yes' } }]),
      'wrong-shape',
      'bookmarks[0].snapshot.cancelled',
    ],
  ];
  for (const [name, text, code, where] of refused) {
    it(`refuses ${name}, saying where`, () => {
      const e = refusal(text);
      expect(e.code).toBe(code);
      expect(e.where).toBe(where);
      expect(e.message).toMatch(/^This is not a Plan B backup we can read: /);
      if (where) expect(e.message).toContain(`: ${where}: `);
    });
  }

  it('explains what a time must look like, and what a newer version means', () => {
    expect(refusal(withField('notes', [{ talk: 'a', text: '', updatedAt: 'x' }])).message).toBe(
      'This is not a Plan B backup we can read: notes[0].updatedAt: must be a time: milliseconds ' +
        'since 1970 (UTC) or an ISO 8601 date-time with a zone.',
    );
    expect(refusal(withField('version', 3)).message).toMatch(
      /made by a newer Plan B .*Update Plan B/,
    );
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(refusal(' '.repeat(MAX_BACKUP_CHARS + 1)).code).toBe('too-large');
  });
});

describe('merging a backup into the device', () => {
  it('a note is replaced only by a newer one; the device keeps its newer notes', () => {
    const plan = mergeUserData(
      {
        ...empty,
        notes: [
          { talk: 'a', text: 'device, old', updatedAt: 1, onDevice: true } as never,
          { talk: 'b', text: 'device, newer', updatedAt: 9 },
          { talk: 'c', text: 'device, same time', updatedAt: 5 },
          { talk: 'd', text: 'same', updatedAt: 5 },
        ],
      },
      {
        ...empty,
        notes: [
          { talk: 'a', text: 'backup, newer', updatedAt: 2, fromBackup: true } as never,
          { talk: 'b', text: 'backup, old', updatedAt: 3 },
          { talk: 'c', text: 'backup, same time', updatedAt: 5 },
          { talk: 'd', text: 'same', updatedAt: 5 },
          { talk: 'e', text: 'only in backup', updatedAt: 1 },
        ],
      },
    );
    expect(plan.notes).toEqual([
      { talk: 'a', text: 'backup, newer', updatedAt: 2, onDevice: true, fromBackup: true },
      { talk: 'e', text: 'only in backup', updatedAt: 1 },
    ]);
    expect(plan.summary.notes).toEqual({ added: 1, updated: 1, unchanged: 3, keptNewer: 2 });
  });

  it("bookmarks and attendance: union, earliest date, the device's rating first", () => {
    const plan = mergeUserData(
      {
        ...empty,
        bookmarks: [
          { talk: 'a', addedAt: 5 },
          { talk: 'b', addedAt: 1 },
        ],
        attended: [
          { talk: 'a', at: 5, rating: 2 },
          { talk: 'b', at: 5 },
        ],
      },
      {
        ...empty,
        bookmarks: [
          { talk: 'a', addedAt: 3 },
          { talk: 'b', addedAt: 4 },
          { talk: 'c', addedAt: 4 },
        ],
        attended: [{ talk: 'a', at: 9, rating: 5 }, { talk: 'b', at: 9, rating: 4 }, { talk: 'c' }],
      },
    );
    expect(plan.bookmarks).toEqual([
      { talk: 'a', addedAt: 3 },
      { talk: 'c', addedAt: 4 },
    ]);
    expect(plan.summary.bookmarks).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(plan.attended).toEqual([{ talk: 'b', at: 5, rating: 4 }, { talk: 'c' }]);
    expect(plan.summary.attended).toEqual({ added: 1, updated: 1, unchanged: 1 });
  });

  it('reports are added by id; settings the device has keep their value', () => {
    const report = { id: 'r1', room: 'k1105', level: 2, at: 1, device: 'd' };
    const plan = mergeUserData(
      { ...empty, reports: [report], settings: { theme: 'light' }, unknownFields: { x: 'device' } },
      {
        ...empty,
        reports: [
          { ...report, sentAt: 2 },
          { ...report, id: 'r2' },
        ],
        settings: { theme: 'dark', clock: 'real' },
        unknownFields: { x: 'backup', y: 'backup' },
      },
    );
    expect(plan.reports).toEqual([
      { ...report, sentAt: 2 },
      { ...report, id: 'r2' },
    ]);
    expect(plan.settings).toEqual({ clock: 'real' });
    expect(plan.summary.settings).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(plan.unknownFields).toEqual({ x: 'device', y: 'backup' });
  });

  it('restoring the same backup twice changes nothing the second time', () => {
    const data = userDataFromBackup(demoBackup());
    const plan = mergeUserData(data, data);
    expect([...plan.bookmarks, ...plan.notes, ...plan.attended, ...plan.reports]).toEqual([]);
    expect(plan.settings).toEqual({});
  });
});
