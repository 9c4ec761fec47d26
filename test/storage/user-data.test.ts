import { describe, expect, it } from 'vitest';
import { affecting } from '../../src/domain/diff';
import { parseSchedule } from '../../src/domain/schedule/index';
import { orphaned } from '../../src/domain/snapshot';
import { addBookmark, listBookmarks, removeBookmark } from '../../src/storage/bookmarks-repo';
import { getNote, listNotes, writeNote } from '../../src/storage/notes-repo';
import { loadCurrentConference } from '../../src/storage/schedule-repo';
import { NAMES } from '../../src/storage/schema';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { importSchedule, openFresh, tinySchedule } from './fixtures';

describe('bookmarks and notes', () => {
  const conference = parseSchedule(
    tinySchedule([
      { slug: 'go', title: 'Go generics' },
      { slug: 'rust', title: 'Rust async', start: '11:00' },
    ]),
  );
  const [go, rust] = conference.talks as [
    (typeof conference.talks)[0],
    (typeof conference.talks)[0],
  ];

  it('bookmarking twice keeps the first date; removing is quiet', async () => {
    const db = await openFresh();
    await addBookmark(db, rust, 200);
    await addBookmark(db, go, 100);
    await addBookmark(db, go, 300);
    expect((await listBookmarks(db)).map((b) => [b.talk, b.addedAt])).toEqual([
      ['slug:go', 100],
      ['slug:rust', 200],
    ]);
    expect((await db.get(NAMES.bookmarks, 'slug:go'))?.snapshot.title).toBe('Go generics');
    expect(new Set(await db.getAllKeys(NAMES.bookmarks))).toEqual(
      new Set(['slug:go', 'slug:rust']),
    );
    await removeBookmark(db, 'slug:go');
    await removeBookmark(db, 'slug:go');
    expect(new Set(await db.getAllKeys(NAMES.bookmarks))).toEqual(new Set(['slug:rust']));
    db.close();
  });

  it('a saved note carries its updatedAt and lists newest first', async () => {
    const db = await openFresh();
    const first = await writeNote(db, go.key, 'ask about generics', {
      base: null,
      now: 1000,
      talk: go,
    });
    expect(first).toMatchObject({ kind: 'saved', record: { updatedAt: 1000 } });
    await writeNote(db, rust.key, 'slides?', { base: null, now: 2000, talk: rust });
    expect((await getNote(db, 'slug:go'))?.text).toBe('ask about generics');
    expect((await listNotes(db)).map((n) => n.talk)).toEqual(['slug:rust', 'slug:go']);
    db.close();
  });

  it('a note is written only over the version the writer saw (another tab wrote: conflict)', async () => {
    const db = await openFresh();
    await writeNote(db, go.key, 'tab A', { base: null, now: 1000, talk: go });
    const stale = await writeNote(db, go.key, 'tab B', { base: null, now: 1500, talk: go });
    expect(stale).toMatchObject({ kind: 'conflict', record: { text: 'tab A', updatedAt: 1000 } });
    expect((await getNote(db, go.key))?.text).toBe('tab A');
    const forced = await writeNote(db, go.key, 'tab B', { base: null, force: true, now: 900 });
    // Forced over the newer note, and still stamped later than it.
    expect(forced).toMatchObject({ kind: 'saved', record: { text: 'tab B', updatedAt: 1001 } });
    expect((await getNote(db, go.key))?.snapshot.title).toBe('Go generics');
    db.close();
  });

  it('user data on a talk that disappears is kept and reported as orphaned', async () => {
    const db = await openFresh();
    await importSchedule(db, tinySchedule([{ slug: 'go', title: 'Go generics' }]), { source: 'a' });
    await addBookmark(db, go, 1);
    await writeNote(db, rust.key, 'great talk', { base: null, now: 2, talk: rust });
    const current = new Set((await loadCurrentConference(db))?.talks.map((t) => t.key));
    expect(orphaned(await listBookmarks(db), current)).toEqual([]);
    expect(orphaned(await listNotes(db), current).map((n) => [n.talk, n.snapshot.title])).toEqual([
      ['slug:rust', 'Rust async'],
    ]);
    expect(orphaned(await listBookmarks(db), new Set())).toHaveLength(1);
    db.close();
  });
});

describeWithSharedData(
  'FOSDEM 2024: my bookmarks when the final schedule replaces the preliminary',
  () => {
    const preliminaryText = readShared('fosdem-2024-schedule-preliminary-2023-12-29.xml');
    const finalText = readShared('fosdem-2024-schedule.xml');

    it('follow talks that moved, and keep the removed ones as orphans with their last snapshot', async () => {
      const preliminary = parseSchedule(preliminaryText);
      const final = parseSchedule(finalText);
      const finalBySlug = new Map(final.talks.map((t) => [t.slug, t]));
      const removed = preliminary.talks.find((t) => !finalBySlug.has(t.slug))!;
      const moved = preliminary.talks.find((t) => {
        const f = finalBySlug.get(t.slug);
        return f && f.room !== t.room && f.start === t.start && f.end === t.end;
      })!;
      const after = finalBySlug.get(moved.slug)!;

      const db = await openFresh();
      await importSchedule(db, preliminaryText, { source: 'preliminary.xml' });
      await addBookmark(db, removed, 10);
      await addBookmark(db, moved, 20);
      const text = 'was looking forward to this';
      await writeNote(db, removed.key, text, { base: null, now: 30, talk: removed });
      const mine = new Set(await db.getAllKeys(NAMES.bookmarks));

      const { diff } = await importSchedule(db, finalText, { source: 'final.xml' });
      expect(diff).not.toBeNull();
      expect(affecting(diff!, mine).sentence).toBe(
        '1 of your talks moved and 1 was removed from the schedule.',
      );

      // The final file adds guids, so the moved talk's key changed: its bookmark followed it.
      const followed = await db.get(NAMES.bookmarks, after.key);
      expect(followed).toMatchObject({ addedAt: 20, snapshot: { room: after.room } });
      if (after.key !== moved.key) expect(await db.get(NAMES.bookmarks, moved.key)).toBeUndefined();

      const current = new Set((await loadCurrentConference(db))?.talks.map((t) => t.key));
      const lost = orphaned(await listBookmarks(db), current);
      expect(lost.map((b) => [b.talk, b.snapshot.title, b.snapshot.room])).toEqual([
        [removed.key, removed.title, removed.room],
      ]);
      expect(orphaned(await listNotes(db), current).map((n) => n.text)).toEqual([text]);
      db.close();
    });
  },
);
