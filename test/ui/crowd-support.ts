/**
 * Room fullness for component tests: a relay listing (GET /api/rooms entries) handed to the
 * crowd store as if the relay had sent it. Ages are real time, like the relay's.
 */
import type { RoomStatusEntry } from '../../src/domain/crowd-api';
import type { FullnessLevel } from '../../src/domain/fullness';
import { parseVenueDateTime } from '../../src/domain/time';
import { createInPageImporter } from '../../src/state/importer';
import { type AppStore, createAppStore } from '../../src/state/store';
import { openPlanBDb } from '../../src/storage/db';
import { DEMO_XML } from '../support/app-store';

/** One listing entry: `level` with `reports` devices, `ageMinutes` old, crowd unless official. */
export function entry(
  store: AppStore,
  roomName: string,
  level: FullnessLevel,
  o: { reports?: number; ageMinutes?: number; confidence?: number; official?: boolean } = {},
): RoomStatusEntry {
  const room = store.conference.value!.rooms.find((r) => r.name === roomName);
  if (!room) throw new Error(`no room ${roomName}`);
  const age = Math.round((o.ageMinutes ?? 4) * 60);
  const full = level === 'full' || level === 'queue';
  return {
    roomname: room.name,
    state: full && (o.official || (o.confidence ?? 0.9) >= 0.5) ? '1' : '0',
    slug: room.slug,
    building: room.building,
    level,
    confidence: o.official ? 1 : (o.confidence ?? 0.9),
    reports: o.reports ?? 3,
    age,
    updatedAt: new Date(Date.now() - age * 1000).toISOString(),
    source: o.official ? 'official' : 'crowd',
    ...(o.official ? { official: full ? ('full' as const) : ('open' as const) } : {}),
  };
}

/**
 * Gives the store a listing. `live: false` with `confirmedMinutesAgo` plays a phone that last
 * heard from the relay that long ago (offline now).
 */
export function giveListing(
  store: AppStore,
  rooms: RoomStatusEntry[],
  o: { live?: boolean; confirmedMinutesAgo?: number } = {},
): void {
  const at = Date.now() - (o.confirmedMinutesAgo ?? 0) * 60_000;
  store.crowd.applyListing({
    rooms,
    receivedAt: at,
    fetchedAt: at,
    live: o.live ?? true,
    via: o.live === false ? 'saved' : 'events',
  });
}

/** A relay played in memory: offline until `online` is set; records the reports it accepts. */
export interface FakeRelay {
  online: boolean;
  posted: Record<string, unknown>[];
  rooms: RoomStatusEntry[];
  events: EventTarget;
  /** Switches the network and tells the page, as the browser does. */
  setOnline(online: boolean): void;
  fetch: typeof fetch;
}

/** A fake relay for createRelayStore. */
export function fakeRelay(): FakeRelay {
  const relay: FakeRelay = {
    online: false,
    posted: [],
    rooms: [],
    events: new EventTarget(),
    setOnline(online) {
      relay.online = online;
      relay.events.dispatchEvent(new Event(online ? 'online' : 'offline'));
    },
    fetch: async (input, init) => {
      if (!relay.online) throw new TypeError('Failed to fetch');
      const url = String(input);
      if (url.endsWith('/api/reports') && init?.method === 'POST') {
        relay.posted.push(JSON.parse(String(init.body)));
        return new Response('{"outcome":"stored"}', { status: 202 });
      }
      if (url.endsWith('/api/rooms'))
        return new Response(JSON.stringify(relay.rooms), { status: 200, headers: { ETag: '"1"' } });
      return new Response('{}', { status: 404 });
    },
  };
  return relay;
}

let counter = 0;

/** A started store like createTestStore's, wired to a (fake) relay at http://relay.test. */
export async function createRelayStore(relay: FakeRelay, at: string): Promise<AppStore> {
  const db = await openPlanBDb(`planb-crowd-test-${Date.now()}-${counter++}`);
  const store = createAppStore({
    db,
    importer: createInPageImporter(
      db,
      async () => new Response(DEMO_XML, { status: 200, headers: { ETag: '"demo"' } }),
    ),
    scheduleUrl: 'http://relay.test/api/schedule',
    isOnline: () => false,
    relayUrl: 'http://relay.test',
    crowdNetwork: {
      fetch: relay.fetch,
      EventSource: null,
      isOnline: () => relay.online,
      events: relay.events,
      registration: async () => null,
    },
  });
  await store.start();
  await store.crowd.start();
  const instant = parseVenueDateTime(at, store.conference.value!.timeZone)!;
  await store.setPretendTime(instant);
  return store;
}
