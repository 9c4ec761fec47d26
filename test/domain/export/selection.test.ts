// What goes into an export: the whole weekend or one day; the talks the attendee went to,
// bookmarked or wrote about; talks that have since left the schedule included.
import { describe, expect, it } from 'vitest';
import type { UserRecords } from '../../../src/domain/export/backup';
import { backupFile, exportDocument } from '../../../src/domain/export/file';
import {
  ExportError,
  locationText,
  longDate,
  selectForExport,
} from '../../../src/domain/export/selection';
import { parseSchedule } from '../../../src/domain/schedule/index';
import { describeWithSharedData, readShared } from '../../support/shared-data';
import { demoBackup, demoConference, demoTalk } from './support';

const keys = (records: UserRecords, options = {}) =>
  selectForExport(demoConference(), records, options).days.flatMap((d) =>
    d.items.map((i) => i.key.replace('slug:', '')),
  );

describe('choosing what to export', () => {
  const records: UserRecords = {
    bookmarks: [{ talk: 'slug:keynote_welcome' }, { talk: 'slug:keynote_closing' }],
    attended: [{ talk: 'slug:keynote_welcome' }, { talk: 'slug:containers_lazy_pulling' }],
    notes: [
      { talk: 'slug:db_offline_sync', text: 'sync!', updatedAt: 1 },
      { talk: 'slug:db_query_plans', text: '  \n ', updatedAt: 1 },
    ],
  };

  it('by default: every talk attended, bookmarked or with a note, each once, in time order', () => {
    expect(keys(records)).toEqual([
      'keynote_welcome',
      'containers_lazy_pulling',
      'db_offline_sync',
      'keynote_closing',
    ]);
  });

  it('only some kinds', () => {
    expect(keys(records, { kinds: ['attended'] })).toEqual([
      'keynote_welcome',
      'containers_lazy_pulling',
    ]);
    expect(keys(records, { kinds: ['notes'] })).toEqual(['db_offline_sync']);
    expect(keys(records, { kinds: ['bookmarked', 'notes'] })).toEqual([
      'keynote_welcome',
      'db_offline_sync',
      'keynote_closing',
    ]);
  });

  it('one day, by its venue-local date', () => {
    expect(keys(records, { day: '2027-02-07' })).toEqual(['db_offline_sync', 'keynote_closing']);
  });

  it('a day that is not a date, or not one of the conference, is a clear error', () => {
    expect(() => keys(records, { day: '7 Feb' })).toThrow(ExportError);
    expect(() => keys(records, { day: '2027-02-30' })).toThrow(/write it as YYYY-MM-DD/);
    expect(() => keys(records, { day: '2027-02-08' })).toThrow(
      '2027-02-08 is not a day of Plan B Demo Conference 2027 (its days are 2027-02-06, 2027-02-07).',
    );
  });

  it('groups by venue-local day with the day dates in order', () => {
    const selection = selectForExport(demoConference(), records);
    expect(selection.days.map((d) => d.date)).toEqual(['2027-02-06', '2027-02-07']);
    expect(selection.undated).toEqual([]);
  });
});

describe('what each talk says', () => {
  it('a scheduled talk: speakers, room and building, track, links, attendance and note', () => {
    const talk = demoTalk('containers_live_migration');
    const [item] = selectForExport(demoConference(), {
      bookmarks: [{ talk: talk.key }],
      attended: [{ talk: talk.key, at: 5, rating: 4 }],
      notes: [{ talk: talk.key, text: 'one\r\ntwo\rthree', updatedAt: 1 }],
    }).days[0]!.items;
    expect(item).toMatchObject({
      title: 'Live-migrating containers with checkpoint and restore',
      date: '2027-02-06',
      room: 'UB2.252A (Lameere)',
      building: 'Building U',
      track: 'Containers',
      speakers: ['Pieter Claes'],
      note: 'one\ntwo\nthree',
      bookmarked: true,
      attended: { at: 5, rating: 4 },
      links: { slides: talk.links.slides, recordings: talk.links.recordings },
    });
    expect(item!.talk).toBe(talk);
    // The demo is not FOSDEM: no livestream link is made up for it.
    expect(item!.links.livestream).toBeUndefined();
  });

  it('an orphan: from its snapshot, placed in its building by the venue rules', () => {
    const selection = selectForExport(demoConference(), demoBackup());
    const orphan = selection.days[1]!.items.find((i) => i.key === 'slug:removed_p2p_matrix_demo')!;
    expect(orphan.talk).toBeUndefined();
    expect(orphan).toMatchObject({
      title: 'P2P Matrix: a [live] demo',
      room: 'UD2.208 (Decroly)',
      building: 'Building U',
      speakers: [],
    });
    expect(selection.undated.map((i) => [i.key, i.title])).toEqual([
      ['guid:5f0c7a52-0000-4000-8000-00000000c0de', '5f0c7a52-0000-4000-8000-00000000c0de'],
    ]);
    expect(selectForExport(demoConference(), demoBackup(), { day: '2027-02-07' }).undated).toEqual(
      [],
    );
  });

  it('names a room once when the building is named like it', () => {
    expect(locationText({ room: 'Janson', building: 'Janson' })).toBe('Janson');
    expect(locationText({ room: 'K.3.401', building: 'Building K' })).toBe('K.3.401, Building K');
    expect(locationText({ room: 'Online' })).toBe('Online');
    expect(locationText({ room: '' })).toBe('');
  });

  it('writes day headings in English, independent of the device', () => {
    expect(longDate('2020-02-01')).toBe('Saturday 1 February 2020');
    expect(longDate('2027-02-07')).toBe('Sunday 7 February 2027');
  });
});

describeWithSharedData('FOSDEM 2020', () => {
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));

  it('a FOSDEM talk gets the livestream of its room', () => {
    const talk = fosdem.talks.find((t) => t.slug === 'kubernetes')!;
    const [item] = selectForExport(fosdem, {
      bookmarks: [{ talk: talk.key }],
      notes: [],
      attended: [],
    }).days[0]!.items;
    expect(item!.links.livestream).toBe('https://live.fosdem.org/watch/k1105');
    expect(item!.building).toBe('Building K');
  });
});

describe('export files', () => {
  it('are named after the conference (and the day), with the right type', () => {
    const selection = selectForExport(demoConference(), demoBackup(), { day: '2027-02-07' });
    const md = exportDocument(selection, 'markdown', { now: 0, day: '2027-02-07' });
    expect([md.fileName, md.mimeType]).toEqual([
      'plan-b-demo-conference-2027-notes-2027-02-07.md',
      'text/markdown;charset=utf-8',
    ]);
    const ics = exportDocument(selectForExport(demoConference(), demoBackup()), 'ics', { now: 0 });
    expect([ics.fileName, ics.mimeType]).toEqual([
      'plan-b-demo-conference-2027-notes.ics',
      'text/calendar;charset=utf-8',
    ]);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const backup = backupFile(demoBackup());
    expect([backup.fileName, backup.mimeType]).toEqual([
      'planb-backup-plan-b-demo-conference-2027-2027-02-07.json',
      'application/json',
    ]);
  });
});
