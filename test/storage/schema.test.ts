import { describe, expect, it } from 'vitest';
import { openPlanBDb } from '../../src/storage/db';
import { loadCurrentConference } from '../../src/storage/schedule-repo';
import { DB_VERSION, NAMES } from '../../src/storage/schema';
import { freshName } from './fixtures';
import { buildV1 } from './v1-database';

describe('database layout', () => {
  it('a new install gets every store and index of the current version', async () => {
    const db = await openPlanBDb(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'attended',
      'bookmarks',
      'conferences',
      'meta',
      'notes',
      'reports',
      'settings',
      'talks',
    ]);
    const tx = db.transaction(NAMES.talks);
    expect([...tx.store.indexNames]).toEqual(['by-version']);
    db.close();
  });
});

describe('upgrading a version-1 database (bookmarks in settings, talk indexes by day and room)', () => {
  it('moves bookmarks into their own store with snapshots and keeps everything else', async () => {
    const name = freshName('planb-v1');
    await buildV1(name);

    const db = await openPlanBDb(name);
    expect(db.version).toBe(DB_VERSION);

    const bookmarks = await db.getAll(NAMES.bookmarks);
    expect(bookmarks.map((b) => b.talk)).toEqual(['slug:go', 'slug:gone-talk']);
    expect(bookmarks[0]?.snapshot).toEqual({
      title: 'Go',
      start: 1000,
      end: 2000,
      room: 'UD2.218A',
      track: 'Go devroom',
      cancelled: false,
    });
    // A bookmark whose talk was already gone keeps what we know: its key.
    expect(bookmarks[1]?.snapshot.title).toBe('gone-talk');
    expect(await db.get(NAMES.settings, 'bookmarks')).toBeUndefined();
    expect(await db.get(NAMES.settings, 'theme')).toBe('dark');

    expect((await db.get(NAMES.notes, 'slug:go'))?.text).toBe('ask about generics');
    const conference = await loadCurrentConference(db);
    expect(conference?.talks.map((t) => t.title)).toEqual(['Go', 'Rust']);
    // Version 3 dropped the talk indexes nothing read; the talks themselves are all there.
    expect([...db.transaction(NAMES.talks).store.indexNames]).toEqual(['by-version']);
    db.close();
  });
});
