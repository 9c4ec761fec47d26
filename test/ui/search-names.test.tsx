// Search finds rooms, buildings, tracks and speakers by any name, grouped above the talks when
// the query names one: "rolin" is a room, "containers" a track, "noemie" a speaker.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRoute, route } from '../../src/ui/router';
import Search from '../../src/ui/views/Search/Search';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();

async function searchFor(text: string) {
  const store = keep(await createTestStore({ at: '2027-02-06T10:00' }));
  route.value = parseRoute('#/search');
  renderWithStore(store, <Search />);
  const box = screen.getByRole('searchbox', { name: /Talks, speakers, tracks and abstracts/ });
  fireEvent.input(box, { target: { value: text } });
  return store;
}

/** The headings of the result groups, in the order the user sees them. */
const groupHeadings = () =>
  screen.queryAllByRole('heading', { level: 2 }).map((h) => h.textContent?.trim());

describe('Search by name', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/');
  });

  it('"h1308" (no dot) finds the room H.1308 (Rolin), linking to its page, then the talks in it', async () => {
    const store = await searchFor('h1308');
    const rooms = await screen.findByRole('list', { name: 'Rooms' });
    const link = within(rooms).getByRole('link', { name: /H\.1308 \(Rolin\)/ });
    expectShown(link);
    expect(link.getAttribute('href')).toBe('#/map/room/h1308');
    expect(link.textContent).toMatch(/building H · \d+ talks/);
    const inRolin = store.conference.value!.talks.filter((t) => t.room === 'H.1308 (Rolin)');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(`${inRolin.length} results`),
    );
    expect(screen.queryByText(/Nothing matches/)).toBeNull();
    const headings = groupHeadings();
    expect(headings.indexOf('Rooms')).toBeLessThan(headings.indexOf('Talks'));
    const results = within(screen.getByRole('list', { name: /Results for/ })).getAllByRole(
      'listitem',
    );
    expect(results).toHaveLength(inRolin.length);
    for (const row of results) expect(row.textContent).toContain('H.1308 (Rolin)');
  });

  it('the nickname "Rolin" and the full name find the same room', async () => {
    await searchFor('Rolin');
    const rooms = await screen.findByRole('list', { name: 'Rooms' });
    expect(
      within(rooms)
        .getByRole('link', { name: /H\.1308 \(Rolin\)/ })
        .getAttribute('href'),
    ).toBe('#/map/room/h1308');
  });

  it('"containers" names a track: Tracks comes before the talks and opens the track\'s page', async () => {
    await searchFor('containers');
    const tracks = await screen.findByRole('list', { name: 'Tracks' });
    const link = within(tracks).getByRole('link', { name: /^Containers/ });
    expectShown(link);
    expect(link.textContent).toContain('14 talks');
    expect(link.getAttribute('href')).toBe('#/track/containers');
    await waitFor(() => expect(groupHeadings()).toContain('Talks'));
    const headings = groupHeadings();
    expect(headings.indexOf('Tracks')).toBeLessThan(headings.indexOf('Talks'));
    // The talk results are still there, below.
    expect(
      within(screen.getByRole('list', { name: /Results for/ })).getAllByRole('listitem').length,
    ).toBeGreaterThan(3);
  });

  it('a speaker typed without accents lists their talks, each a link to the talk', async () => {
    await searchFor('noemie dub');
    const speakers = await screen.findByRole('list', { name: 'Speakers' });
    expectShown(within(speakers).getByText('Noémie Dubois'));
    const talks = within(speakers).getByRole('list', { name: 'Talks by Noémie Dubois' });
    const links = within(talks).getAllByRole('link');
    expect(links).toHaveLength(2);
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^#\/talk\//);
  });

  it('"K" finds building K on the map, and the map link selects it', async () => {
    await searchFor('K');
    const buildings = await screen.findByRole('list', { name: 'Buildings' });
    const link = within(buildings).getByRole('link', { name: /Building K/ });
    expect(link.getAttribute('href')).toBe('#/map?building=K');
    expect(screen.queryByRole('list', { name: 'Rooms' })).toBeNull();
  });

  it('a word that names nothing shows only talks, with no empty groups', async () => {
    await searchFor('namespaces');
    await screen.findByRole('list', { name: /Results for/ });
    expect(screen.queryByRole('list', { name: 'Rooms' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Tracks' })).toBeNull();
    expect(groupHeadings()).not.toContain('Talks');
  });
});
