import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../../src/domain/errors';
import { parseSchedule } from '../../src/domain/schedule/index';
import { ImportError } from '../../src/storage/errors';
import {
  currentVersion,
  KEPT_VERSIONS,
  loadCurrentConference,
} from '../../src/storage/schedule-repo';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { importSchedule, openFresh, tinySchedule } from './fixtures';

describe('importing a small schedule', () => {
  const text = tinySchedule([
    { slug: 'go', title: 'Go generics', room: 'UD2.218A', track: 'Go devroom' },
    { slug: 'rust', title: 'Rust async', room: 'H.1308 (Rolin)', start: '11:00', track: 'Rust' },
  ]);

  it('reads back exactly what was parsed, and remembers where it came from', async () => {
    const db = await openFresh();
    expect(await loadCurrentConference(db)).toBeUndefined();
    const { version, diff } = await importSchedule(db, text, {
      source: 'https://example.org/schedule.xml',
      etag: '"abc"',
      now: 1234,
    });
    expect(diff).toBeNull();
    expect(version).toMatchObject({ importedAt: 1234, etag: '"abc"', talkCount: 2 });
    expect(await loadCurrentConference(db)).toEqual(parseSchedule(text));
    expect(await currentVersion(db)).toEqual(version);
    db.close();
  });

  it('a re-import replaces the talks, returns the diff and keeps a short history', async () => {
    const db = await openFresh();
    await importSchedule(db, text, { source: 'a.xml' });
    const moved = tinySchedule([
      { slug: 'go', title: 'Go generics', room: 'Janson', track: 'Go devroom' },
      { slug: 'rust', title: 'Rust async', room: 'H.1308 (Rolin)', start: '11:00', track: 'Rust' },
    ]);
    const { diff } = await importSchedule(db, moved, { source: 'b.xml' });
    expect(diff?.counts).toMatchObject({ moved: 1, changed: 1, unchanged: 1 });
    expect(await db.count('talks')).toBe(2); // the old version's talks are gone
    for (let i = 0; i < KEPT_VERSIONS + 2; i++) await importSchedule(db, text, { source: `${i}` });
    expect(await db.count('conferences')).toBe(KEPT_VERSIONS);
    expect(await db.count('talks')).toBe(2);
    db.close();
  });

  it('importing another conference gives no diff', async () => {
    const db = await openFresh();
    await importSchedule(db, text, { source: 'a.xml' });
    const other = tinySchedule([{ slug: 'x', title: 'X' }], 'Other Conf');
    expect((await importSchedule(db, other, { source: 'b.xml' })).diff).toBeNull();
    db.close();
  });
});

describeWithSharedData('importing FOSDEM 2020', () => {
  const text = readShared('fosdem-2020-schedule.xml');

  it('stores 872 talks and reads them back exactly, Janson with its 20', async () => {
    const db = await openFresh();
    const { version } = await importSchedule(db, text, { source: 'fosdem-2020-schedule.xml' });
    expect(version.talkCount).toBe(872);
    const conference = await loadCurrentConference(db);
    expect(conference).toEqual(parseSchedule(text));
    expect(conference!.talks.filter((t) => t.room === 'Janson')).toHaveLength(20);
    db.close();
  });

  it('a file cut in half is refused and the current schedule stays exactly as it was', async () => {
    const db = await openFresh();
    const { version } = await importSchedule(db, text, { source: 'fosdem-2020-schedule.xml' });
    const before = await loadCurrentConference(db);

    const truncated = text.slice(0, Math.floor(text.length / 2));
    const error = await importSchedule(db, truncated, { source: 'broken.xml' }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.cause).toBeInstanceOf(ScheduleError);
    expect(error.message).toMatch(/^This file is not a schedule we can read: /);
    expect(error.message).toMatch(/Your current schedule is unchanged\.$/);

    expect(await db.count('talks')).toBe(872);
    expect((await currentVersion(db))?.id).toBe(version.id);
    expect(await loadCurrentConference(db)).toEqual(before);
    db.close();
  });
});

describe('reading the schedule back at start-up', () => {
  const text = tinySchedule([
    { slug: 'go', title: 'Go generics', room: 'UD2.218A', track: 'Go devroom' },
    { slug: 'rust', title: 'Rust async', room: 'H.1308 (Rolin)', start: '11:00', track: 'Rust' },
  ]);

  it('gives the same conference from the start-up snapshots and from the talks store', async () => {
    const db = await openFresh();
    await db.put('meta', 'an older snapshot', 'current-talks');
    await importSchedule(db, text, { source: 'a.xml' });
    expect(await db.get('meta', 'current-talks')).toBeUndefined();
    expect(await db.get('meta', 'current-summaries')).toMatch(/^[\w-]+\n\[/);
    expect(await db.get('meta', 'current-summaries')).not.toContain('abstract');
    expect(await db.get('meta', 'current-details')).toMatch(/^[\w-]+\n\[\[/);
    const fast = await loadCurrentConference(db);
    await db.delete('meta', 'current-details');
    const slow = await loadCurrentConference(db);
    expect(fast).toEqual(slow);
    expect(fast).toEqual(parseSchedule(text));
    // Abstracts and links are plain values to every reader: spread, JSON, structured clone.
    const talk = fast!.talks[0]!;
    expect({ ...talk }).toEqual(slow!.talks[0]);
    expect(JSON.parse(JSON.stringify(talk))).toEqual(slow!.talks[0]);
    expect(structuredClone(talk)).toEqual(slow!.talks[0]);
    db.close();
  });

  it('ignores a damaged, truncated or stale snapshot and reads the talks store', async () => {
    const db = await openFresh();
    await importSchedule(db, text, { source: 'a.xml' });
    const id = await db.get('meta', 'current');
    const expected = parseSchedule(text);
    await db.put('meta', `${id}\n[{"broken`, 'current-summaries');
    expect(await loadCurrentConference(db)).toEqual(expected);
    await db.put('meta', 'some-older-version\n[]', 'current-summaries');
    expect(await loadCurrentConference(db)).toEqual(expected);
    await importSchedule(db, text, { source: 'a.xml' });
    const details = (await db.get('meta', 'current-details')) as string;
    await db.put('meta', details.slice(0, -10), 'current-details');
    expect(await loadCurrentConference(db)).toEqual(expected);
    db.close();
  });
});
