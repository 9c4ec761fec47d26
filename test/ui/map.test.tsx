// The Map view, as an attendee uses it: the campus with its seven buildings, what is on in
// building U at Saturday 11:00, a room's day with walking times, the FOSDEM-only links, and the
// plain room list for a conference held somewhere Plan B has no map of.
import { fireEvent, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ULB_SOLBOSCH } from '../../src/domain/venue';
import type { AppStore } from '../../src/state/store';
import { parseRoute, route } from '../../src/ui/router';
import MapView from '../../src/ui/views/Map/Map';
import { mapGeometry, scaleBarMetres } from '../../src/ui/views/Map/map-model';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();
async function storeAt(options: Parameters<typeof createTestStore>[0]): Promise<AppStore> {
  const store = keep(await createTestStore(options));
  return store;
}

beforeEach(() => (route.value = parseRoute('#/map')));

/** The room titles of the demo's UB2.252A on Saturday, in time order, from the store itself. */
function talksOfRoom(store: AppStore, room: string, day: number): string[] {
  return store.conference
    .value!.talks.filter((t) => t.room === room && t.day === day)
    .map((t) => t.title);
}

describe('the campus map', () => {
  it('draws the five buildings the schedule uses as links with a spoken summary', async () => {
    const store = await storeAt({ at: '2027-02-06T11:00' });
    renderWithStore(store, <MapView />);
    const map = screen.getByRole('group', { name: /Campus map of ULB Solbosch/ });
    const buildings = within(map).getAllByRole('link');
    expect(buildings.map((b) => b.getAttribute('aria-label')!.split(':')[0])).toEqual([
      'Building J Janson',
      'Building K',
      'Building H',
      'Building AW',
      'Building U',
    ]);
    expect(map.textContent).toContain('J Janson');
    // Building K holds two demo rooms, neither in use at Saturday 11:00.
    expectShown(within(map).getByRole('link', { name: 'Building K: no talks now, 2 rooms' }));
    // F and S are in the venue file, but no talk of this schedule is there: not drawn at all.
    expect(ULB_SOLBOSCH.buildings.map((b) => b.id)).toEqual(expect.arrayContaining(['F', 'S']));
    expect(within(map).queryByRole('link', { name: /Building [FS]\b/ })).toBeNull();
    expect(map.textContent).not.toContain('no rooms');
  });

  it('at Saturday 11:00 building U is marked busy and, tapped, lists the talk running in UB2.252A', async () => {
    const store = await storeAt({ at: '2027-02-06T11:00' });
    renderWithStore(store, <MapView />);
    const u = screen.getByRole('link', { name: 'Building U: 1 talk now, 2 rooms' });
    // Busy is said in words on the map, not only by colour.
    expect(u.textContent).toContain('1 talk now');
    expect(screen.queryByRole('region', { name: /Building U/ })).toBeNull();

    fireEvent.click(u);
    expect(route.value.params.get('building')).toBe('U');
    const panel = await screen.findByRole('region', { name: /Building U/ });
    expect(u.getAttribute('aria-current')).toBe('true');
    const room = within(panel).getByRole('link', { name: /UB2\.252A \(Lameere\)/ });
    expect(room.getAttribute('href')).toBe('#/map/room/ub2252a');
    const item = room.closest('li')!;
    expect(item.textContent).toMatch(/Now\s*11:00–11:25 · 25 min left\s*Pods without a daemon/);
    expect(item.textContent).toMatch(/Next\s*11:30\s*Lazy-pulling container images/);
    // UD2.208 (Decroly) has talks only on Sunday: nothing now, next on Sunday.
    const decroly = within(panel)
      .getByRole('link', { name: /UD2\.208/ })
      .closest('li')!;
    expect(decroly.textContent).toMatch(/Now\s*nothing on/);
    expect(decroly.textContent).toMatch(/Next\s*Sun 7 Feb 10:00/);
  });
});

describe("a room's day", () => {
  it('lists UB2.252A talks of Saturday in order, with walking minutes from every building', async () => {
    const store = await storeAt({ at: '2027-02-06T11:00' });
    renderWithStore(store, <MapView roomSlug="ub2252a" />);
    expectShown(screen.getByRole('heading', { level: 1, name: 'UB2.252A (Lameere)' }));
    expectShown(screen.getByText('Building U · Wing UB · floor 2'));

    const expected = talksOfRoom(store, 'UB2.252A (Lameere)', 0);
    expect(expected[0]).toBe('Rootless containers in practice');
    const list = document.querySelector('.room-talks')!;
    const titles = [...list.querySelectorAll('.talk-title')].map((t) => t.textContent);
    expect(titles).toEqual(expected);
    expect(list.querySelector('.talk-running')?.textContent).toContain('Pods without a daemon');

    const walks = screen.getByRole('region', { name: 'Walking here' });
    // Janson to the second floor of U: 6 min across the campus plus 2 floors at 1 min.
    expect(walks.textContent).toContain('8 min from Janson');
    // From the other buildings with talks only: J, K, H, AW; never from F or S.
    expect(within(walks).getAllByRole('listitem')).toHaveLength(4);
    expect(walks.textContent).not.toMatch(/building [FS]\b/);

    // Sunday's tab shows that day's talks in the same room.
    const sunday = screen.getByRole('link', { name: 'Sun 7 Feb 4 talks' });
    fireEvent.click(sunday);
    expect(route.value.params.get('day')).toBe('1');
    await screen.findByText('Sandboxed containers with microVMs');
  });

  it('gives a non-FOSDEM conference no fosdem.org links', async () => {
    const store = await storeAt({ at: '2027-02-06T11:00' });
    const { container } = renderWithStore(store, <MapView roomSlug="ub2252a" />);
    expect(screen.queryByRole('link', { name: /livestream/i })).toBeNull();
    expect(screen.queryByRole('link', { name: /Indoor navigation/ })).toBeNull();
    expect(container.innerHTML).not.toMatch(/fosdem\.org/);
  });

  it('says so when the room is not in the schedule', async () => {
    const store = await storeAt({ at: '2027-02-06T11:00' });
    renderWithStore(store, <MapView roomSlug="nowhere" />);
    expectShown(screen.getByRole('heading', { name: 'Room not found' }));
    expect(screen.getByRole('link', { name: 'Back to the map' }).getAttribute('href')).toBe(
      '#/map',
    );
  });
});

// Importing a whole FOSDEM schedule into the test database takes seconds on a busy machine.
const IMPORT_TIMEOUT = 30_000;

describeWithSharedData('real conferences', () => {
  it(
    'FOSDEM 2020: the Lameere room links to its livestream and indoor navigation',
    async () => {
      const store = await storeAt({
        scheduleText: readShared('fosdem-2020-schedule.xml'),
        at: '2020-02-01T11:00',
      });
      renderWithStore(store, <MapView roomSlug="ub2252a" />);
      expect(screen.getByRole('link', { name: 'Livestream' }).getAttribute('href')).toBe(
        'https://live.fosdem.org/watch/ub2252a',
      );
      expect(screen.getByRole('link', { name: 'Indoor navigation' }).getAttribute('href')).toBe(
        'https://nav.fosdem.org/d/ub2252a/',
      );
      const titles = [...document.querySelectorAll('.room-talks .talk-title')].map(
        (t) => t.textContent,
      );
      expect(titles).toEqual(talksOfRoom(store, 'UB2.252A (Lameere)', 0));
      expect(titles.length).toBeGreaterThan(5);
    },
    IMPORT_TIMEOUT,
  );

  it(
    'FOSDEM 2024: no empty buildings, no rooms without talks, no walks from F or S',
    async () => {
      const store = await storeAt({
        scheduleText: readShared('fosdem-2024-schedule.xml'),
        at: '2024-02-03T11:00',
      });
      renderWithStore(store, <MapView />);
      const map = screen.getByRole('group', { name: /Campus map of ULB Solbosch/ });
      const drawn = within(map)
        .getAllByRole('link')
        .map((b) => b.getAttribute('aria-label')!.split(':')[0]);
      expect(drawn).toEqual([
        'Building J Janson',
        'Building K',
        'Building H',
        'Building AW',
        'Building U',
      ]);
      // The file lists H.3242 and H.3244 but gives them no talk: building H lists 7 rooms, not 10.
      const listed = store.conference.value!.rooms.filter((r) => r.building === 'H');
      expect(listed.map((r) => r.name)).toEqual(expect.arrayContaining(['H.3242', 'H.3244']));
      fireEvent.click(within(map).getByRole('link', { name: /^Building H:/ }));
      const panel = await screen.findByRole('region', { name: /Building H/ });
      expect(panel.textContent).toContain('7 rooms');
      expect(within(panel).queryByRole('link', { name: /H\.3242/ })).toBeNull();
      expectShown(within(panel).getByRole('link', { name: /H\.1308 \(Rolin\)/ }));
    },
    IMPORT_TIMEOUT,
  );

  it('36C3, held where Plan B has no map: the rooms as a plain list, no empty map', async () => {
    const store = await storeAt({
      scheduleText: readShared('36c3-schedule.json'),
      at: '2019-12-27T11:30',
    });
    expect(store.venue.value).toBeUndefined();
    const { container } = renderWithStore(store, <MapView />);
    expect(container.querySelector('svg')).toBeNull();
    expectShown(screen.getByText(/No campus map is known/));
    const group = screen.getByRole('region', { name: /Other rooms/ });
    const rooms = within(group)
      .getAllByRole('link', { name: /the room's day/ })
      .map((a) => a.textContent!.replace(": the room's day", '').replace('›', '').trim());
    expect(rooms).toEqual(store.conference.value!.rooms.map((r) => r.name).sort());
    expect(rooms.length).toBe(5);
  });
});

describe('the map geometry', () => {
  it('derives a north-up map at about a metre per unit from the ULB buildings’ lat/lon', () => {
    const { metresPerUnit, northDegrees } = mapGeometry(ULB_SOLBOSCH);
    expect(metresPerUnit).toBeGreaterThan(0.9);
    expect(metresPerUnit).toBeLessThan(1.1);
    expect(Math.abs(northDegrees)).toBeLessThan(3);
    expect(scaleBarMetres(metresPerUnit!, 112)).toBe(100);
  });
});

describe("the Map's room finder", () => {
  it('finds "h1308" and "Rolin" as the room H.1308 (Rolin), a link to its day', async () => {
    const store = await storeAt({ at: '2027-02-06T11:00' });
    renderWithStore(store, <MapView />);
    const box = screen.getByRole('searchbox', { name: 'Find a room' });
    for (const query of ['h1308', 'Rolin', 'H.1308']) {
      fireEvent.input(box, { target: { value: query } });
      const rooms = screen.getByRole('list', { name: 'Rooms' });
      const link = expectShown(within(rooms).getByRole('link', { name: /H\.1308 \(Rolin\)/ }));
      expect(link.getAttribute('href')).toBe('#/map/room/h1308');
    }
  });

  it('finds building K by its letter, and says when nothing is called that', async () => {
    const store = await storeAt({ at: '2027-02-06T11:00' });
    renderWithStore(store, <MapView />);
    const box = screen.getByRole('searchbox', { name: 'Find a room' });
    fireEvent.input(box, { target: { value: 'k' } });
    const buildings = screen.getByRole('list', { name: 'Buildings' });
    expect(
      within(buildings)
        .getByRole('link', { name: /Building K/ })
        .getAttribute('href'),
    ).toBe('#/map?building=K');
    fireEvent.input(box, { target: { value: 'zz9' } });
    expect(screen.getByRole('status').textContent).toBe('No room or building is called “zz9”.');
    expect(screen.queryByRole('list', { name: 'Rooms' })).toBeNull();
  });
});
