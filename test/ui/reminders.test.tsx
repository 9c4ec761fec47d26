// An attendee's reminders: 5 minutes before each bookmarked talk by default, a switch per talk,
// "leave now" when the walk from the previous talk is long. Without notifications the reminder
// shows in the app while it is open; with them, the relay is sent only the reminder times.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { parseVenueDateTime } from '../../src/domain/time';
import { ULB_SOLBOSCH, walkingMinutes } from '../../src/domain/venue';
import { createInPageImporter } from '../../src/state/importer';
import type { PushPlatform } from '../../src/state/reminders';
import { createAppStore } from '../../src/state/store';
import { openPlanBDb } from '../../src/storage/db';
import { ReminderBanner } from '../../src/ui/components/ReminderBanner';
import { RemindersSection } from '../../src/ui/views/Settings/RemindersSection';
import TalkView from '../../src/ui/views/Talk/Talk';
import { createTestStore, DEMO_XML, disposeAfterEach, renderWithStore } from '../support/app-store';

const keep = disposeAfterEach();
const slug = (
  store: { conference: { value?: { talks: { slug?: string; key: string }[] } } },
  s: string,
) => store.conference.value!.talks.find((t) => t.slug === s)!.key;

/** A browser's push as far as the store sees it: permission, and one subscription once asked. */
function fakePush(permission: NotificationPermission) {
  let subscribed = false;
  const subscription = {
    endpoint: 'https://push.example/phone-1',
    unsubscribe: async () => {
      subscribed = false;
      return true;
    },
    toJSON: () => ({
      endpoint: 'https://push.example/phone-1',
      expirationTime: null,
      keys: { p256dh: 'BPhone', auth: 'secret' },
    }),
  };
  const platform: PushPlatform = {
    permission: () => permission,
    requestPermission: async () => permission,
    pushManager: async () =>
      ({
        getSubscription: async () => (subscribed ? subscription : null),
        subscribe: async () => {
          subscribed = true;
          return subscription;
        },
      }) as unknown as PushManager,
  };
  return platform;
}

/** A relay that records what the phone sends about reminders. */
function fakeRelay() {
  const sent: { method: string; body: unknown }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input);
    if (url.endsWith('/api/push/key')) return Response.json({ publicKey: 'BRelayKey' });
    if (url.endsWith('/api/push/subscription')) {
      sent.push({ method: init?.method ?? 'GET', body: JSON.parse(String(init?.body)) });
      return Response.json({ times: 1 });
    }
    return new Response('{}', { status: 404 });
  };
  return { sent, fetch };
}

let counter = 0;
async function storeWithPush(
  platform: PushPlatform,
  relay: ReturnType<typeof fakeRelay>,
  at: string,
) {
  const db = await openPlanBDb(`planb-reminders-${Date.now()}-${counter++}`);
  const store = createAppStore({
    db,
    importer: createInPageImporter(db, async () => new Response(DEMO_XML, { status: 200 })),
    scheduleUrl: 'http://relay.test/api/schedule',
    isOnline: () => true,
    // The real clock before the demo conference, whatever today's date is.
    realNow: () => Date.parse('2027-01-15T12:00:00Z'),
    relayUrl: 'http://relay.test',
    pushPlatform: platform,
    crowdNetwork: {
      fetch: relay.fetch,
      EventSource: null,
      isOnline: () => false,
      registration: async () => null,
    },
  });
  await store.start();
  await store.setPretendTime(parseVenueDateTime(at, 'Europe/Brussels')!);
  return keep(store);
}

describe('reminders in the app while it is open', () => {
  it('5 minutes before a bookmarked talk, without notifications, a reminder names the talk and its room', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:56' }));
    const talk = store.talksByKey.value.get(slug(store, 'collab_caldav_2027'))!;
    await store.toggleBookmark(talk);
    renderWithStore(store, <ReminderBanner />);
    const reminder = await screen.findByRole('status');
    expect(within(reminder).getByRole('link').textContent).toBe(
      'In 4 min: Calendars that sync: CalDAV today',
    );
    expect(within(reminder).getByRole('link').getAttribute('href')).toBe(
      `#/talk/${encodeURIComponent(talk.key)}`,
    );
    expect(reminder.textContent).toContain('AW1.120 (building AW, floor 1)');
    fireEvent.click(within(reminder).getByRole('button', { name: /Dismiss the reminder/ }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('nothing before it is due; "Leave now" when the walk from the previous talk is long', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:10' }));
    const pods = store.talksByKey.value.get(slug(store, 'containers_pods_no_daemon'))!;
    const office = store.talksByKey.value.get(slug(store, 'collab_school_office'))!;
    await store.toggleBookmark(pods);
    await store.toggleBookmark(office);
    renderWithStore(store, <ReminderBanner />);
    expect(screen.queryByRole('status')).toBeNull();
    const walk = walkingMinutes(ULB_SOLBOSCH, pods.room, office.room)!;
    expect(walk).toBeGreaterThanOrEqual(5);
    // The clock reaches the moment to leave Lameere for AW1.120.
    await store.setPretendTime(office.start - walk * 60_000);
    const reminder = await screen.findByRole('status');
    expect(within(reminder).getByRole('link').textContent).toBe(`Leave now: ${office.title}`);
    expect(reminder.textContent).toContain(`${walk} min walk from UB2.252A (Lameere)`);
  });

  it('a talk whose reminder is switched off on its page does not remind', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:50' }));
    const talk = store.talksByKey.value.get(slug(store, 'collab_caldav_2027'))!;
    renderWithStore(store, <TalkView talkKey={talk.key} />);
    expect(screen.queryByRole('checkbox', { name: /Remind me/ })).toBeNull(); // not bookmarked
    await store.toggleBookmark(talk);
    const box = (await screen.findByRole('checkbox', {
      name: 'Remind me 5 min before',
    })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(store.reminders.settings.value.off).toEqual([talk.key]));
    await store.setPretendTime(talk.start - 3 * 60_000);
    expect(store.reminders.due.value).toEqual([]);
  });
});

describe('Settings → Reminders', () => {
  it('the minutes are remembered, and the page says only times leave the phone', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T09:00' }));
    renderWithStore(store, <RemindersSection />);
    fireEvent.change(screen.getByRole('combobox', { name: /Remind me before a bookmarked talk/ }), {
      target: { value: '10' },
    });
    await waitFor(() => expect(store.reminders.settings.value.minutesBefore).toBe(10));
    expect(document.body.textContent).toContain(
      'only the times of your reminders, never which talks',
    );
    // No push here (no relay): reminders show in the app.
    expect(document.body.textContent).toContain('they show in the app while it is open');
  });

  it('with notifications allowed, the relay gets the subscription and the times only, again when a bookmark changes; off forgets it', async () => {
    const relay = fakeRelay();
    const store = await storeWithPush(fakePush('granted'), relay, '2027-02-06T09:00');
    const caldav = store.talksByKey.value.get(slug(store, 'collab_caldav_2027'))!;
    await store.toggleBookmark(caldav);
    renderWithStore(store, <RemindersSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Allow notifications' }));
    await screen.findByText(/Notifications are on/);
    // Real-time instants (the real clock is before the conference here).
    await waitFor(() => expect(relay.sent).toHaveLength(1));
    expect(relay.sent.at(-1)).toEqual({
      method: 'PUT',
      body: {
        subscription: {
          endpoint: 'https://push.example/phone-1',
          expirationTime: null,
          keys: { p256dh: 'BPhone', auth: 'secret' },
        },
        times: [caldav.start - 5 * 60_000],
      },
    });
    expect(JSON.stringify(relay.sent)).not.toContain(caldav.key);
    const office = store.talksByKey.value.get(slug(store, 'collab_school_office'))!;
    await store.toggleBookmark(office);
    await waitFor(
      () =>
        expect((relay.sent.at(-1)!.body as { times: number[] }).times).toEqual([
          office.start - 5 * 60_000,
          caldav.start - 5 * 60_000,
        ]),
      { timeout: 3000 },
    );
    // Push delivers: no in-app banner at the reminder's time.
    await store.setPretendTime(caldav.start - 2 * 60_000);
    expect(store.reminders.due.value).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Turn notifications off' }));
    await waitFor(() =>
      expect(relay.sent.at(-1)).toEqual({
        method: 'DELETE',
        body: { endpoint: 'https://push.example/phone-1' },
      }),
    );
    expect(store.reminders.due.value.map((d) => d.talk.key)).toEqual([caldav.key]);
  });

  it('notifications blocked: the page says so and reminders stay in the app', async () => {
    const store = await storeWithPush(fakePush('denied'), fakeRelay(), '2027-02-06T09:00');
    renderWithStore(store, <RemindersSection />);
    expect(document.body.textContent).toContain('Notifications are blocked for Plan B');
  });
});
