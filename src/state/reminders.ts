/**
 * Reminders before bookmarked talks, as the views see them: the settings (minutes before, talks
 * switched off), whether Web Push delivers them with the app closed, and the reminders due now
 * for the in-app banner.
 *
 * Two ways a reminder reaches the attendee:
 * - Web Push: the phone subscribes with the relay's VAPID key and sends the relay only the
 *   reminder INSTANTS (domain/reminders reminderInstants), again whenever bookmarks, settings or
 *   the schedule change; the service worker finds the talks when a push arrives.
 * - In the app, while it is open: when push is not on (no permission, not supported, no relay)
 *   or cannot deliver (offline, the last sync failed), a banner shows each reminder when due.
 *
 * Times for the relay are real instants (the real clock); the banner runs on the app's clock, so
 * time travel (`?now=`) shows the reminders of a past conference as they would have come.
 */
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Talk, TalkKey } from '../domain/model';
import {
  DEFAULT_REMINDER_SETTINGS,
  type Reminder,
  type ReminderSettings,
  reminderInstants,
  reminderTimes,
} from '../domain/reminders';
import { MINUTE } from '../domain/time';
import type { Venue } from '../domain/venue';
import { getReminderSettings, setReminderSettings } from '../storage/reminders-repo';
import type { Bookmark, PlanBDb } from '../storage/schema';
import { fetchPushKey, forgetSubscription, sendReminderTimes } from '../sync/push-client';
import type { Clock } from './clock';
import type { Notices } from './notices';

/**
 * Where push stands on this phone: 'unsupported' (no service worker or Push API, or no relay),
 * 'denied' (the user blocked notifications), 'off' (not asked yet, or turned off), 'on'.
 */
export type PushStatus = 'unsupported' | 'denied' | 'off' | 'on';

/** The browser's push and notification parts the store uses (tests give their own). */
export interface PushPlatform {
  permission(): NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  /** The service worker's push manager, once it is ready. */
  pushManager(): Promise<PushManager>;
}

/** A reminder due now, with its talk, for the banner. */
export interface DueReminder {
  reminder: Reminder;
  talk: Talk;
}

/** The reminders part of the store. */
export interface RemindersStore {
  settings: ReadonlySignal<ReminderSettings>;
  push: ReadonlySignal<PushStatus>;
  /** Why the last sync with the relay failed (null: it worked, or push is not on). */
  syncError: ReadonlySignal<string | null>;
  /** Reminders to show in the app now (none while push delivers them). */
  due: ReadonlySignal<readonly DueReminder[]>;
  /** True unless the user switched this talk's reminder off. */
  isOn(key: TalkKey): boolean;
  setMinutes(minutes: number): Promise<void>;
  setTalk(key: TalkKey, on: boolean): Promise<void>;
  /** Asks for notification permission, subscribes and sends the times; tells what happened. */
  enablePush(): Promise<void>;
  disablePush(): Promise<void>;
  /** Hides a banner reminder. */
  dismiss(reminder: Reminder): void;
  start(): Promise<void>;
  dispose(): void;
}

/** What the reminders store needs. */
export interface RemindersOptions {
  db: PlanBDb;
  clock: Clock;
  bookmarks: ReadonlySignal<ReadonlyMap<TalkKey, Bookmark>>;
  talksByKey: ReadonlySignal<ReadonlyMap<TalkKey, Talk>>;
  venue: ReadonlySignal<Venue | undefined>;
  notices: Notices;
  relayUrl?: string | undefined;
  realNow?: () => number;
  isOnline?: () => boolean;
  platform?: PushPlatform | undefined;
  fetch?: typeof fetch;
  /** Wait after a change before the times are sent (default 1 s: one request for a burst). */
  syncDelayMs?: number;
}

/** The browser's push platform, or undefined where there is none. */
export function browserPushPlatform(): PushPlatform | undefined {
  if (
    typeof window === 'undefined' ||
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  ) {
    return undefined;
  }
  return {
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    pushManager: async () => (await navigator.serviceWorker.ready).pushManager,
  };
}

/** Creates the reminders part of the store; start() reads the settings and the push state. */
export function createReminders(o: RemindersOptions): RemindersStore {
  const realNow = o.realNow ?? Date.now;
  const isOnline =
    o.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const fetcher = o.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const platform = o.relayUrl ? o.platform : undefined;
  const settings = signal<ReminderSettings>(DEFAULT_REMINDER_SETTINGS);
  const push = signal<PushStatus>(platform ? 'off' : 'unsupported');
  const syncError = signal<string | null>(null);
  const online = signal(isOnline());
  const dismissed = signal<ReadonlySet<string>>(new Set());
  const wake = signal(0);
  const disposers: (() => void)[] = [];

  const bookmarkedTalks = computed(() => {
    const talks: Talk[] = [];
    for (const key of o.bookmarks.value.keys()) {
      const talk = o.talksByKey.value.get(key);
      if (talk) talks.push(talk);
    }
    return talks;
  });
  /** Everything from an hour ago on the app's clock (the banner keeps one until its talk starts). */
  const upcoming = computed(() =>
    reminderTimes(
      bookmarkedTalks.value,
      settings.value,
      o.venue.value,
      o.clock.now.value - 60 * MINUTE,
    ),
  );
  const pushDelivers = computed(
    () => push.value === 'on' && online.value && syncError.value === null,
  );
  const due = computed<readonly DueReminder[]>(() => {
    wake.value; // re-read at each reminder's exact time, between the clock's ticks
    if (pushDelivers.value) return [];
    const now = realNow() + (o.clock.offset.value ?? 0);
    const seen = dismissed.value;
    return upcoming.value.flatMap((reminder) => {
      const talk = o.talksByKey.value.get(reminder.talk);
      if (!talk || reminder.at > now || talk.start <= now) return [];
      return seen.has(dismissKey(reminder)) ? [] : [{ reminder, talk }];
    });
  });

  // Wake the banner exactly when the next reminder is due.
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  disposers.push(
    effect(() => {
      clearTimeout(wakeTimer);
      const now = o.clock.now.value;
      const next = upcoming.value.find((r) => r.at > now);
      if (next) wakeTimer = setTimeout(() => wake.value++, Math.min(next.at - now, 2 ** 31 - 1));
    }),
    () => clearTimeout(wakeTimer),
  );

  const save = async (next: ReminderSettings) => {
    const before = settings.value;
    settings.value = next;
    try {
      await setReminderSettings(o.db, next);
    } catch (error) {
      settings.value = before;
      o.notices.push({ kind: 'error', text: (error as Error).message });
    }
  };

  // The relay's copy of the times: sent when they change while push is on.
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = '';
  const sync = async () => {
    if (!platform || push.value !== 'on' || !o.relayUrl) return;
    const times = reminderInstants(
      reminderTimes(bookmarkedTalks.value, settings.value, o.venue.value, realNow()),
    );
    const subscription = (await platform.pushManager().then((m) => m.getSubscription()))?.toJSON();
    if (!subscription?.endpoint) {
      push.value = 'off';
      return;
    }
    const fingerprint = `${subscription.endpoint}\n${times.join(',')}`;
    if (fingerprint === lastSent && syncError.value === null) return;
    try {
      await sendReminderTimes(o.relayUrl, fetcher, subscription, times);
      lastSent = fingerprint;
      syncError.value = null;
    } catch (error) {
      syncError.value = isOnline()
        ? (error as Error).message
        : 'Offline: the reminder times will be sent when the phone is online.';
    }
  };
  const scheduleSync = () => {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => void sync(), o.syncDelayMs ?? 1000);
  };
  disposers.push(
    effect(() => {
      // Any change to what the times are made of, or to push itself, resyncs.
      bookmarkedTalks.value;
      settings.value;
      o.venue.value;
      if (push.value === 'on') scheduleSync();
    }),
    () => clearTimeout(syncTimer),
  );
  if (typeof window !== 'undefined') {
    const up = () => {
      online.value = true;
      if (push.value === 'on') scheduleSync();
    };
    const down = () => {
      online.value = false;
    };
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    disposers.push(() => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    });
  }

  return {
    settings,
    push,
    syncError,
    due,
    isOn: (key) => !settings.value.off.includes(key),
    setMinutes: (minutesBefore) => save({ ...settings.value, minutesBefore }),
    setTalk: (key, on) =>
      save({
        ...settings.value,
        off: on
          ? settings.value.off.filter((k) => k !== key)
          : [...settings.value.off.filter((k) => k !== key), key],
      }),
    async enablePush() {
      if (!platform || !o.relayUrl) return;
      try {
        const permission = await platform.requestPermission();
        if (permission !== 'granted') {
          push.value = permission === 'denied' ? 'denied' : 'off';
          o.notices.push({
            kind: 'warning',
            text: 'Notifications are not allowed: reminders will show in Plan B while it is open.',
          });
          return;
        }
        const key = await fetchPushKey(o.relayUrl, fetcher);
        const manager = await platform.pushManager();
        await manager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
        lastSent = '';
        push.value = 'on';
        await sync();
        o.notices.push(
          syncError.value
            ? { kind: 'warning', text: syncError.value }
            : { kind: 'success', text: 'Reminders on: they arrive even with Plan B closed.' },
        );
      } catch (error) {
        o.notices.push({
          kind: 'error',
          text: `Notifications could not be turned on (${(error as Error).message}). Reminders will show in Plan B while it is open.`,
        });
      }
    },
    async disablePush() {
      if (!platform || !o.relayUrl) return;
      const subscription = await (await platform.pushManager()).getSubscription();
      push.value = 'off';
      syncError.value = null;
      lastSent = '';
      if (!subscription) return;
      const endpoint = subscription.endpoint;
      await subscription.unsubscribe().catch(() => false);
      try {
        await forgetSubscription(o.relayUrl, fetcher, endpoint);
      } catch {
        // The push service has dropped the subscription: the relay forgets it at the next push.
      }
    },
    dismiss(reminder) {
      dismissed.value = new Set([...dismissed.value, dismissKey(reminder)]);
    },
    async start() {
      settings.value = await getReminderSettings(o.db);
      if (!platform) return;
      if (platform.permission() === 'denied') {
        push.value = 'denied';
        return;
      }
      if (platform.permission() !== 'granted') return;
      // Only once the service worker is ready (it may not be on a first visit): never block.
      void platform
        .pushManager()
        .then((m) => m.getSubscription())
        .then((s) => {
          if (s) push.value = 'on';
        })
        .catch(() => undefined);
    },
    dispose() {
      for (const d of disposers) d();
    },
  };
}

function dismissKey(r: Reminder): string {
  return `${r.talk}@${r.at}`;
}
