// After a talk the attendee marks it attended, maybe with a quick rating; the app offers that for
// bookmarked talks that are over. Attendance is user data: it survives a re-import, even when
// the talk disappears.
import { describe, expect, it } from 'vitest';
import { talksToConfirm } from '../../src/domain/attendance';
import { orphaned } from '../../src/domain/snapshot';
import {
  listAttended,
  markAttended,
  rateAttended,
  unmarkAttended,
} from '../../src/storage/attended-repo';
import { addBookmark, listBookmarks } from '../../src/storage/bookmarks-repo';
import { loadCurrentConference } from '../../src/storage/schedule-repo';
import { NAMES } from '../../src/storage/schema';
import { demoConference, demoTalk } from '../domain/export/support';
import { importSchedule, openFresh, tinySchedule } from './fixtures';

describe('marking talks attended', () => {
  it('with or without a rating; marking again keeps the first time', async () => {
    const db = await openFresh();
    const talk = demoTalk('containers_pods_no_daemon');
    expect(await markAttended(db, talk, { now: 100 })).toMatchObject({ talk: talk.key, at: 100 });
    expect((await db.get(NAMES.attended, talk.key))?.rating).toBeUndefined();
    await markAttended(db, talk, { rating: 5, now: 200 });
    expect(await db.get(NAMES.attended, talk.key)).toMatchObject({ at: 100, rating: 5 });
    await markAttended(db, talk, { now: 300 });
    expect((await db.get(NAMES.attended, talk.key))?.rating).toBe(5);
    await markAttended(db, talk, { rating: null });
    expect(await db.get(NAMES.attended, talk.key)).not.toHaveProperty('rating');
    expect((await db.get(NAMES.attended, talk.key))?.snapshot.title).toBe(talk.title);
    db.close();
  });

  it('a rating is a whole number from 1 to 5', async () => {
    const db = await openFresh();
    const talk = demoTalk('keynote_welcome');
    for (const rating of [0, 6, 2.5, Number.NaN]) {
      await expect(markAttended(db, talk, { rating })).rejects.toThrow(RangeError);
    }
    expect(await db.get(NAMES.attended, talk.key)).toBeUndefined();
    db.close();
  });

  it('rating later, also for a talk no longer in the schedule; unmarking is quiet', async () => {
    const db = await openFresh();
    await db.put(NAMES.attended, {
      talk: 'slug:gone',
      at: 1,
      snapshot: { title: 'Gone', start: 0, end: 0, room: '', track: '', cancelled: false },
      fromNewerVersion: true,
    } as never);
    expect(await rateAttended(db, 'slug:gone', 3)).toMatchObject({
      rating: 3,
      fromNewerVersion: true,
    });
    expect(await rateAttended(db, 'slug:gone', null)).not.toHaveProperty('rating');
    expect(await rateAttended(db, 'slug:never', 3)).toBeUndefined();
    await expect(rateAttended(db, 'slug:gone', 9)).rejects.toThrow(/1 to 5/);
    await unmarkAttended(db, 'slug:gone');
    await unmarkAttended(db, 'slug:gone');
    expect(await listAttended(db)).toEqual([]);
    db.close();
  });

  it('lists in the order attended', async () => {
    const db = await openFresh();
    await markAttended(db, demoTalk('keynote_closing'), { now: 2 });
    await markAttended(db, demoTalk('keynote_welcome'), { now: 1 });
    expect((await listAttended(db)).map((a) => a.talk)).toEqual([
      'slug:keynote_welcome',
      'slug:keynote_closing',
    ]);
    db.close();
  });

  it('survives a re-import in which the talk disappeared, as an orphan', async () => {
    const db = await openFresh();
    const v1 = tinySchedule([{ slug: 'go', title: 'Go generics' }]);
    await importSchedule(db, v1, { source: 'v1' });
    const [go] = (await import('../../src/domain/schedule/index')).parseSchedule(v1).talks;
    await markAttended(db, go!, { rating: 4, now: 5 });
    await importSchedule(db, tinySchedule([{ slug: 'rust', title: 'Rust async' }]), {
      source: 'v2',
    });
    const current = new Set((await loadCurrentConference(db))?.talks.map((t) => t.key));
    expect(orphaned(await listAttended(db), current)).toEqual([
      expect.objectContaining({ talk: 'slug:go', rating: 4, at: 5 }),
    ]);
    db.close();
  });
});

describe('offering "Did you attend?"', () => {
  it('for bookmarked talks that have ended, not yet marked, not cancelled', async () => {
    const db = await openFresh();
    const conference = demoConference();
    for (const slug of [
      'keynote_welcome',
      'keynote_network_fails',
      'keynote_closing',
      'db_sharding_tears',
    ]) {
      await addBookmark(db, demoTalk(slug), 1);
    }
    await markAttended(db, demoTalk('keynote_welcome'), { now: 2 });
    const bookmarked = new Set((await listBookmarks(db)).map((b) => b.talk));
    const attended = new Set((await listAttended(db)).map((a) => a.talk));
    const ask = (now: number) =>
      talksToConfirm(conference.talks, bookmarked, attended, now).map((t) => t.slug);
    // Saturday 11:00 in Brussels: the welcome (attended) and the network keynote are over.
    const saturday11 = Date.UTC(2027, 1, 6, 10);
    expect(ask(saturday11)).toEqual(['keynote_network_fails']);
    // Sunday evening: the closing too; the cancelled sharding talk never.
    const sundayNight = Date.UTC(2027, 1, 7, 20);
    expect(ask(sundayNight)).toEqual(['keynote_network_fails', 'keynote_closing']);
    db.close();
  });
});
