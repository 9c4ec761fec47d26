// Before switching phones the attendee makes a backup; on the new phone they restore it. Nothing
// made on either phone is lost: newer notes win, everything else is merged, and a bad file or a
// failed write leaves the database exactly as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../../src/domain/export/backup';
import { exportIcs } from '../../src/domain/export/ics';
import { selectForExport } from '../../src/domain/export/selection';
import { CalendarImportError } from '../../src/domain/import/calendar';
import { markAttended } from '../../src/storage/attended-repo';
import {
  backupUserData,
  collectUserData,
  importCalendarBookmarks,
  RestoreError,
  restoreBackup,
  UNKNOWN_FIELDS_SETTING,
} from '../../src/storage/backup-repo';
import { addBookmark, listBookmarks } from '../../src/storage/bookmarks-repo';
import { StorageFullError } from '../../src/storage/errors';
import { getNote, writeNote } from '../../src/storage/notes-repo';
import { NAMES, type PlanBDb } from '../../src/storage/schema';
import {
  DEMO_BACKUP,
  demoBackup,
  demoConference,
  demoTalk,
  GOLDEN_NOW,
} from '../domain/export/support';
import { openFresh } from './fixtures';

const fs = await import('node:fs');
const demoBackupText = fs.readFileSync(DEMO_BACKUP, 'utf8');

afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything in the user stores, to compare before and after. */
async function everything(db: PlanBDb) {
  return collectUserData(db);
}

/** A device with a bookmark, a note and a setting of its own. */
async function usedDevice(): Promise<PlanBDb> {
  const db = await openFresh();
  await addBookmark(db, demoTalk('keynote_welcome'), 100);
  const note = (slug: string, text: string, now: number) =>
    writeNote(db, `slug:${slug}`, text, { base: null, now, talk: demoTalk(slug) });
  await note('containers_live_migration', 'written on the new phone', Date.UTC(2027, 1, 8));
  await note('security_selinux_containers', 'old draft', 1);
  await db.put(NAMES.settings, 'light', 'theme');
  return db;
}

describe('backing up', () => {
  it('collects every bookmark, note, attendance, report and setting in one file', async () => {
    const db = await usedDevice();
    await markAttended(db, demoTalk('keynote_welcome'), { rating: 4, now: 200 });
    await db.put(NAMES.reports, { id: 'r1', room: 'janson', level: 2, at: 5, device: 'd' });
    const backup = await backupUserData(db, { now: GOLDEN_NOW, conference: demoConference() });
    expect(backup).toMatchObject({
      format: 'planb-backup',
      version: 1,
      exportedAt: '2027-02-07T18:30:00.000Z',
      conference: { title: 'Plan B Demo Conference 2027', acronym: 'plan-b-demo-conference-2027' },
      settings: { theme: 'light' },
      reports: [{ id: 'r1' }],
    });
    expect(backup.bookmarks.map((b) => b.talk)).toEqual(['slug:keynote_welcome']);
    expect(backup.notes.map((n) => n.talk)).toEqual([
      'slug:containers_live_migration',
      'slug:security_selinux_containers',
    ]);
    expect(backup.attended).toEqual([
      expect.objectContaining({ talk: 'slug:keynote_welcome', at: 200, rating: 4 }),
    ]);
    expect(backup.notes[0]!.snapshot?.title).toBe(
      'Live-migrating containers with checkpoint and restore',
    );
    db.close();
  });
});

describe('restoring', () => {
  it('merges into a device without losing its newer notes', async () => {
    const db = await usedDevice();
    const result = await restoreBackup(db, demoBackupText, {
      conference: demoConference(),
      now: 999,
    });
    expect((await getNote(db, 'slug:containers_live_migration'))?.text).toBe(
      'written on the new phone',
    );
    expect((await getNote(db, 'slug:security_selinux_containers'))?.text).toMatch(
      /^Generate a policy/,
    );
    expect(result.summary.notes).toEqual({ added: 4, updated: 1, unchanged: 1, keptNewer: 1 });
    expect(result.summary.bookmarks).toEqual({ added: 6, updated: 0, unchanged: 1 });
    expect((await listBookmarks(db))[0]).toMatchObject({
      talk: 'slug:keynote_welcome',
      addedAt: 100,
    });
    const data = await everything(db);
    expect(data.settings).toEqual({ theme: 'light' });
    expect(data.attended).toHaveLength(4);
    expect(data.reports).toHaveLength(1);
    db.close();
  });

  it("gives records whose talk is in the schedule a fresh snapshot, and keeps orphans' snapshots", async () => {
    const db = await openFresh();
    await restoreBackup(db, demoBackupText, { conference: demoConference() });
    expect((await getNote(db, 'slug:containers_pods_no_daemon'))?.snapshot.title).toBe(
      'Pods without a daemon: from compose files to pod specs',
    );
    expect((await getNote(db, 'slug:removed_p2p_matrix_demo'))?.snapshot.title).toBe(
      'P2P Matrix: a [live] demo',
    );
    expect(
      (await getNote(db, 'guid:5f0c7a52-0000-4000-8000-00000000c0de'))?.snapshot,
    ).toMatchObject({
      title: '5f0c7a52-0000-4000-8000-00000000c0de',
      start: 0,
    });
    db.close();
  });

  it('unknown fields survive a restore and come back in the next backup', async () => {
    const db = await openFresh();
    await restoreBackup(db, demoBackupText);
    const again = await backupUserData(db, { now: 0 });
    expect((again as unknown as Record<string, unknown>).futureField).toEqual({
      addedBy: 'a newer Plan B',
    });
    expect(again.notes.find((n) => n.talk === 'slug:containers_pods_no_daemon')).toMatchObject({
      mood: 'excited',
    });
    expect(again.settings).not.toHaveProperty(UNKNOWN_FIELDS_SETTING);
    db.close();
  });

  it('restoring twice changes nothing more', async () => {
    const db = await openFresh();
    await restoreBackup(db, demoBackupText, { now: 1 });
    const before = await everything(db);
    const second = await restoreBackup(db, demoBackupText, { now: 2 });
    expect(second.summary.notes).toEqual({ added: 0, updated: 0, unchanged: 6, keptNewer: 0 });
    expect(await everything(db)).toEqual(before);
    db.close();
  });

  it('accepts already-parsed JSON, and says when the backup is from another conference', async () => {
    const db = await openFresh();
    const json = JSON.parse(demoBackupText);
    json.conference = { title: 'FOSDEM 2020', acronym: 'fosdem-2020' };
    const result = await restoreBackup(db, json, { conference: demoConference() });
    expect(result.otherConference).toEqual({ title: 'FOSDEM 2020', acronym: 'fosdem-2020' });
    db.close();
  });
});

describe('a restore that fails changes nothing', () => {
  it('a malformed backup: a clear error, and the database as it was', async () => {
    const db = await usedDevice();
    const before = await everything(db);
    const broken = demoBackupText.replace('"text": "Generate', '"text": 42, "x": "Generate');
    const error = await restoreBackup(db, broken).catch((e) => e);
    expect(error).toBeInstanceOf(RestoreError);
    expect(error.message).toBe(
      'This is not a Plan B backup we can read: notes[2].text: must be text. Nothing was changed.',
    );
    expect(await everything(db)).toEqual(before);
    for (const text of ['', 'not json', '{"format":"planb-backup","version":7}']) {
      await expect(restoreBackup(db, text)).rejects.toThrow(/Nothing was changed\.$/);
    }
    expect(await everything(db)).toEqual(before);
    db.close();
  });

  it('a write that fails half-way rolls back the whole restore', async () => {
    const db = await usedDevice();
    const before = await everything(db);
    // A field IndexedDB cannot store (only possible from already-parsed data, never from JSON).
    const backup = parseBackup(demoBackupText);
    (backup.notes[3] as unknown as Record<string, unknown>).callback = () => 0;
    const error = await restoreBackup(db, backup).catch((e) => e);
    expect(error).toBeInstanceOf(RestoreError);
    expect(error.message).toMatch(
      /^The backup could not be restored \(.*\)\. Nothing was changed\.$/,
    );
    expect(await everything(db)).toEqual(before);
    db.close();
  });

  it('a full disk: the storage message, and nothing changed', async () => {
    const db = await usedDevice();
    const before = await everything(db);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      calls += 1;
      if (calls > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await restoreBackup(db, demoBackupText).catch((e) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(RestoreError);
    expect(error.cause).toBeInstanceOf(StorageFullError);
    expect(error.message).toMatch(/the restored backup could not be saved.*Nothing was changed\.$/);
    expect(await everything(db)).toEqual(before);
    db.close();
  });
});

describe('bookmarks from a calendar file', () => {
  it('bookmarks the matched talks in one go, leaving existing bookmarks as they were', async () => {
    const db = await openFresh();
    await addBookmark(db, demoTalk('keynote_welcome'), 1);
    const calendar = exportIcs(selectForExport(demoConference(), demoBackup()), {
      now: GOLDEN_NOW,
    });
    const result = await importCalendarBookmarks(db, demoConference(), calendar, 50);
    expect(result.added).toHaveLength(6);
    expect(result.alreadyBookmarked.map((t) => t.slug)).toEqual(['keynote_welcome']);
    expect(result.unmatched).toHaveLength(1);
    const bookmarks = await listBookmarks(db);
    expect(bookmarks).toHaveLength(7);
    expect(bookmarks[0]).toMatchObject({ talk: 'slug:keynote_welcome', addedAt: 1 });
    expect(bookmarks[1]!.addedAt).toBe(50);
    db.close();
  });

  it('a file that is not a calendar adds nothing', async () => {
    const db = await openFresh();
    await expect(importCalendarBookmarks(db, demoConference(), 'hello')).rejects.toThrow(
      CalendarImportError,
    );
    expect(await listBookmarks(db)).toEqual([]);
    db.close();
  });
});
