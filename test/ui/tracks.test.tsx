// An attendee looks for a devroom instead of scrolling a menu of ~70 names: the Tracks view lists
// each track with its room, days, time span and talk count and finds one by name or room; a
// track's page has its talks by day, the room and its livestream; and a filter on a day the
// track does not run says where its talks are, with a button that goes there.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRoute, route } from '../../src/ui/router';
import Schedule from '../../src/ui/views/Schedule/Schedule';
import TrackPage from '../../src/ui/views/Tracks/TrackPage';
import Tracks from '../../src/ui/views/Tracks/Tracks';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();

beforeEach(() => {
  history.replaceState(null, '', '/');
});

const trackNames = () =>
  within(screen.getByRole('list', { name: 'Tracks' }))
    .queryAllByRole('link')
    .map((a) => a.querySelector('.tracks-name')?.textContent);

describe('the Tracks view', () => {
  it('lists every track with its room, days, time span and talk count', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T10:00' }));
    route.value = parseRoute('#/tracks');
    renderWithStore(store, <Tracks />);
    expect(expectShown(screen.getByRole('status')).textContent).toBe('9 tracks');
    expect(trackNames()).toEqual([
      'Collaborative Applications',
      'Containers',
      'Databases',
      'Decentralized Internet and Privacy',
      'Infrastructure as Code',
      'Keynotes',
      'Lightning Talks',
      'Monitoring and Observability',
      'Security',
    ]);
    const containers = screen.getByRole('link', { name: /^Containers/ });
    expect(containers.getAttribute('href')).toBe('#/track/containers');
    // 14 talks in UB2.252A (Lameere) on both days, each day with its time span.
    expect(containers.textContent).toContain('14 talks');
    expect(containers.textContent).toContain('UB2.252A (Lameere)');
    expect(containers.textContent).toMatch(/Sat 6 Feb \d\d:\d\d–\d\d:\d\d/);
    expect(containers.textContent).toMatch(/Sun 7 Feb \d\d:\d\d–\d\d:\d\d/);
  });

  it('finds a track by its name or by its room, and narrows to a day', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T10:00' }));
    route.value = parseRoute('#/tracks');
    const view = renderWithStore(store, <Tracks />);
    const box = screen.getByRole('searchbox', { name: 'Find a track by name or room' });
    fireEvent.input(box, { target: { value: 'decentral' } });
    await waitFor(() => expect(trackNames()).toEqual(['Decentralized Internet and Privacy']));
    fireEvent.input(box, { target: { value: 'Rolin' } });
    await waitFor(() => expect(trackNames()).toEqual(['Security']));
    fireEvent.input(box, { target: { value: 'nothing like this' } });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^No track is called or held in/),
    );
    view.unmount();

    route.value = parseRoute('#/tracks?day=1');
    renderWithStore(store, <Tracks />);
    expect(trackNames()).not.toContain('Security');
    expect(trackNames()).toContain('Decentralized Internet and Privacy');
    expect(screen.getByRole('button', { name: 'Sun 7 Feb' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });
});

describe('a track page', () => {
  it('has the talks by day with bookmark stars, and the room linking to its page', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T10:00' }));
    renderWithStore(store, <TrackPage trackId="containers" />);
    expectShown(screen.getByRole('heading', { level: 1, name: 'Containers' }));
    const room = within(screen.getByRole('list', { name: 'Room' })).getByRole('link', {
      name: /UB2\.252A \(Lameere\)/,
    });
    expect(room.getAttribute('href')).toBe('#/map/room/ub2252a');
    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(days[0]).toMatch(/^Saturday 6 February 2027 · \d\d:\d\d–\d\d:\d\d · \d+ talks$/);
    expect(days[1]).toMatch(/^Sunday 7 February 2027/);
    const saturday = screen.getByRole('list', { name: 'Containers, Saturday 6 February 2027' });
    const talks = store.conference.value!.talks.filter(
      (t) => t.track === 'Containers' && t.day === 0,
    );
    expect(within(saturday).getAllByRole('listitem')).toHaveLength(talks.length);
    // The track is not repeated on each of its rows.
    expect(saturday.querySelector('.talk-row-track')).toBeNull();
    const star = within(saturday).getByRole('button', {
      name: `Add “${talks[0]!.title}” to My day`,
    });
    fireEvent.click(star);
    await waitFor(() => expect(store.bookmarks.value.has(talks[0]!.key)).toBe(true));
    // Not FOSDEM: no livestream link is invented.
    expect(screen.queryByRole('link', { name: /Livestream/ })).toBeNull();
  });

  it('says so when the track is not in the schedule', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T10:00' }));
    renderWithStore(store, <TrackPage trackId="cobol" />);
    expectShown(screen.getByRole('heading', { level: 1, name: 'Track not found' }));
    expect(screen.getByRole('link', { name: 'All tracks' }).getAttribute('href')).toBe('#/tracks');
  });
});

describeWithSharedData('a FOSDEM 2020 track page', () => {
  it('links the Rust devroom to the livestream of K.3.401', async () => {
    const store = keep(
      await createTestStore({
        scheduleText: readShared('fosdem-2020-schedule.xml'),
        at: '2020-02-01T10:00',
      }),
    );
    renderWithStore(store, <TrackPage trackId="rust" />);
    const live = screen.getByRole('link', { name: /Livestream of K\.3\.401/ });
    expect(live.getAttribute('href')).toBe('https://live.fosdem.org/watch/k3401');
    expectShown(screen.getByText(/^13 talks · Sun 2 Feb 09:00–/));
  }, 30_000); // importing all of FOSDEM 2020 into the test database takes a few seconds
});

describe('a filter never leads to a dead end', () => {
  it('Security on Sunday says its talks are on Saturday, and the button goes there', async () => {
    const store = keep(await createTestStore({ at: '2027-02-07T10:00' }));
    route.value = parseRoute('#/schedule?day=1&track=Security');
    renderWithStore(store, <Schedule />);
    const security = store.conference.value!.talks.filter((t) => t.track === 'Security');
    expect(security.every((t) => t.day === 0)).toBe(true);
    expectShown(screen.getByText(`No Security talks on Sunday — ${security.length} on Saturday`));
    // The day tabs carry the counts, so the empty day is no surprise.
    const tabs = screen.getByRole('navigation', { name: 'Days' });
    expect(within(tabs).getByRole('link', { name: /Sat 6 Feb/ }).textContent).toContain(
      `${security.length}`,
    );
    fireEvent.click(
      screen.getByRole('button', { name: `Show Saturday: ${security.length} talks` }),
    );
    expect(route.value.params.get('day')).toBe('0');
    expect(route.value.params.get('track')).toBe('Security');
  });

  it('a room and a track that never meet: clearing either is offered', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T10:00' }));
    route.value = parseRoute('#/schedule?day=0&track=Security&room=Janson');
    renderWithStore(store, <Schedule />);
    expectShown(screen.getByText('No Security talks in Janson on Saturday.'));
    fireEvent.click(screen.getByRole('button', { name: /^All rooms: 8 talks on Saturday$/ }));
    expect(route.value.params.get('room')).toBeNull();
    expect(route.value.params.get('track')).toBe('Security');
  });
});
