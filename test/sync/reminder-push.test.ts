// The service worker's side of a reminder push: the push names only an instant; the talks come
// from this phone's IndexedDB (bookmarks, reminder settings, the current schedule).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import { addBookmark } from '../../src/storage/bookmarks-repo';
import { openPlanBDb } from '../../src/storage/db';
import { setReminderSettings } from '../../src/storage/reminders-repo';
import { importConference } from '../../src/storage/schedule-repo';
import { reminderInstant, reminderNotifications } from '../../src/sync/reminder-push';

const DEMO = parseSchedule(
  readFileSync(resolve(import.meta.dirname, '../../data/demo/planb-demo.xml'), 'utf8'),
);
const ORIGIN = 'https://planb.example';
const bySlug = (s: string) => DEMO.talks.find((t) => t.slug === s)!;

let n = 0;
async function phoneWith(slugs: string[]) {
  const db = await openPlanBDb(`planb-push-${n++}`);
  await importConference(db, DEMO, { source: 'demo' });
  for (const s of slugs) await addBookmark(db, bySlug(s));
  return db;
}

describe('a reminder push arrives', () => {
  it('reads only {type: "reminder", at}', () => {
    expect(reminderInstant({ type: 'reminder', at: 5 })).toBe(5);
    expect(reminderInstant({ type: 'other', at: 5 })).toBeUndefined();
    expect(reminderInstant({ type: 'reminder', at: '5' })).toBeUndefined();
    expect(reminderInstant(null)).toBeUndefined();
  });

  it('shows the bookmarked talk due at that instant: title, room, building; a tap opens the talk', async () => {
    const caldav = bySlug('collab_caldav_2027');
    const db = await phoneWith(['collab_caldav_2027', 'keynote_welcome']);
    const at = caldav.start - 5 * 60_000;
    expect(await reminderNotifications(db, at, at + 2_000, ORIGIN)).toEqual([
      {
        title: `In 5 min: ${caldav.title}`,
        body: 'AW1.120 (building AW, floor 1)',
        tag: `reminder:${caldav.key}`,
        url: `${ORIGIN}/#/talk/${encodeURIComponent(caldav.key)}`,
        talk: caldav.key,
      },
    ]);
    db.close();
  });

  it('follows the minutes chosen in Settings, and "leave now" with the walk', async () => {
    const pods = bySlug('containers_pods_no_daemon');
    const office = bySlug('collab_school_office');
    const db = await phoneWith(['containers_pods_no_daemon', 'collab_school_office']);
    await setReminderSettings(db, { minutesBefore: 2, off: [] });
    const [first] = await reminderNotifications(
      db,
      pods.start - 2 * 60_000,
      pods.start - 2 * 60_000,
      ORIGIN,
    );
    expect(first?.title).toBe(`In 2 min: ${pods.title}`);
    const leave = (
      await reminderNotifications(db, office.start - 7 * 60_000, office.start - 7 * 60_000, ORIGIN)
    )[0];
    expect(leave?.title).toBe(`Leave now: ${office.title}`);
    expect(leave?.body).toMatch(
      /^AW1\.120 \(building AW, floor 1\) · \d+ min walk from UB2\.252A \(Lameere\) · starts in \d+ min$/,
    );
    db.close();
  });

  it('a bookmark removed since the times were sent: a plain notice that opens My day', async () => {
    const db = await phoneWith([]);
    const at = bySlug('collab_caldav_2027').start - 5 * 60_000;
    expect(await reminderNotifications(db, at, at, ORIGIN)).toEqual([
      expect.objectContaining({ title: 'Plan B reminder', url: `${ORIGIN}/#/my-day` }),
    ]);
    db.close();
  });
});
