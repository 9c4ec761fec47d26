/**
 * What the service worker shows when a reminder push arrives. The push says only an instant
 * (`{"type":"reminder","at":<ms>}`): the talks are looked up here, in this phone's IndexedDB
 * (bookmarks, reminder settings and the current schedule), with the same rule the app uses.
 * Written for the service worker but free of its types (no DOM, no ServiceWorkerGlobalScope).
 */
import type { TalkKey } from '../domain/model';
import { remindersAt, reminderText, reminderTimes } from '../domain/reminders';
import { MINUTE } from '../domain/time';
import { venueForConference } from '../domain/venue';
import { listBookmarks } from '../storage/bookmarks-repo';
import { getReminderSettings } from '../storage/reminders-repo';
import { loadCurrentConference } from '../storage/schedule-repo';
import type { PlanBDb } from '../storage/schema';

/** One notification to show: Notification title and options. */
export interface ReminderNotification {
  title: string;
  body: string;
  /** One notification per talk: a second push for the same talk replaces the first. */
  tag: string;
  /** Where a tap leads: the talk's page. */
  url: string;
  talk?: TalkKey;
}

/** The instant a push payload names, or undefined when it is not a reminder. */
export function reminderInstant(data: unknown): number | undefined {
  const at = (data as { type?: unknown; at?: unknown } | null)?.at;
  return (data as { type?: unknown } | null)?.type === 'reminder' &&
    typeof at === 'number' &&
    Number.isFinite(at)
    ? at
    : undefined;
}

/**
 * The notifications for a push at instant `at`, shown at `now` (both UTC ms). When no bookmark
 * matches any more (removed after the times were sent), one plain notice still goes out: a push
 * must show something, and "open Plan B" is the honest thing to say.
 */
export async function reminderNotifications(
  db: PlanBDb,
  at: number,
  now: number,
  origin: string,
): Promise<ReminderNotification[]> {
  const [conference, bookmarks, settings] = await Promise.all([
    loadCurrentConference(db),
    listBookmarks(db),
    getReminderSettings(db),
  ]);
  const keys = new Set(bookmarks.map((b) => b.talk));
  const talks = (conference?.talks ?? []).filter((t) => keys.has(t.key));
  const venue = conference ? venueForConference(conference) : undefined;
  // From an hour before the instant: the push may arrive late, the talks must still be found.
  const all = reminderTimes(talks, settings, venue, at - 60 * MINUTE);
  const byKey = new Map(talks.map((t) => [t.key, t]));
  const found = remindersAt(all, at).flatMap((r) => {
    const talk = byKey.get(r.talk);
    if (!talk) return [];
    // A push cannot come before its time: a phone clock behind the relay's reads as on time.
    const text = reminderText(r, talk, venue, Math.max(now, at));
    return [
      {
        ...text,
        tag: `reminder:${talk.key}`,
        url: `${origin}/#/talk/${encodeURIComponent(talk.key)}`,
        talk: talk.key,
      },
    ];
  });
  if (found.length > 0) return found;
  return [
    {
      title: 'Plan B reminder',
      body: 'Your bookmarks changed since this reminder was set: open Plan B to see what is next.',
      tag: 'reminder:other',
      url: `${origin}/#/my-day`,
    },
  ];
}
