// The Now view as an attendee uses it in the corridor: what is running in each building and how
// long it still runs, what starts within the hour, their own starred talks standing out, and a
// clear word before the conference starts and after it ends. Real store, demo conference.
import { fireEvent, screen, within } from '@testing-library/preact';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { StoreContext } from '../../src/state/context';
import type { AppStore } from '../../src/state/store';
import Now from '../../src/ui/views/Now/Now';
import { createTestStore, DEMO_XML, disposeAfterEach, renderWithStore } from '../support/app-store';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();
async function storeAt(at: string, scheduleText?: string): Promise<AppStore> {
  const store = keep(await createTestStore({ at, ...(scheduleText ? { scheduleText } : {}) }));
  return store;
}

/** The section of one building, found by its heading. */
function building(name: string | RegExp): HTMLElement {
  return screen.getByRole('heading', { level: 2, name }).closest('section')!;
}

/** The list item of a talk, found by its title link. */
function rowOf(title: string | RegExp, inside: HTMLElement = document.body): HTMLElement {
  return within(inside).getByRole('link', { name: title }).closest('li')!;
}

describe('the Now view', () => {
  it('at Saturday 11:10 lists the running container talk in building U with its time left', async () => {
    const store = await storeAt('2027-02-06T11:10');
    renderWithStore(store, <Now />);
    expectShown(screen.getByRole('heading', { level: 1, name: 'Now' }));
    const u = building(/Building U/);
    const pods = rowOf(/Pods without a daemon/, u);
    expect(pods.textContent).toContain('15 min left');
    expect(pods.textContent).toContain('11:00–11:25');
    expect(pods.textContent).toContain('UB2.252A (Lameere) · Building U');
    // What starts next in the same room, within the hour.
    expect(rowOf(/Lazy-pulling container images/, u).textContent).toContain('starts in 20 min');
  });

  it('groups by building in the venue order, with names from the venue', async () => {
    const store = await storeAt('2027-02-06T11:10');
    renderWithStore(store, <Now />);
    const names = screen
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.firstChild?.textContent);
    expect(names).toEqual(['Janson', 'Building K', 'Building H', 'Building AW', 'Building U']);
    expect(rowOf(/Volunteers, queues and closed doors/, building(/Janson/)).textContent).toContain(
      '40 min left',
    );
    // Talks more than an hour away are not "next".
    expect(screen.queryByRole('link', { name: /Kubernetes cluster observability/ })).toBeNull();
  });

  it('marks a bookmarked talk in words, not only colour', async () => {
    const store = await storeAt('2027-02-06T11:10');
    await store.toggleBookmark(store.talksByKey.value.get('slug:containers_pods_no_daemon')!);
    renderWithStore(store, <Now />);
    const pods = rowOf(/Pods without a daemon/);
    expect(pods.textContent).toContain('On My day');
    expect(pods.className).toContain('now-mine');
    expectShown(within(pods).getByRole('button', { name: /Remove “Pods without a daemon/ }));
    expect(rowOf(/Confining containers with generated SELinux/).textContent).not.toContain(
      'On My day',
    );
  });

  it('shows at most the next two talks of a room', async () => {
    const store = await storeAt('2027-02-06T11:56');
    renderWithStore(store, <Now />);
    const k = building(/Building K/);
    expect(rowOf(/A tiny status page/, k).textContent).toContain('starts in 4 min');
    expectShown(rowOf(/Ten years of a one-person package repository/, k));
    // 12:40 is within the hour but a third lightning talk in the same room.
    expect(within(k).queryByRole('link', { name: /Mapping a campus/ })).toBeNull();
  });

  it('strikes through a cancelled talk and gives it no time left', async () => {
    const store = await storeAt('2027-02-07T11:05');
    renderWithStore(store, <Now />);
    const row = rowOf(/Sharding without tears/);
    expect(row.className).toContain('now-cancelled');
    expect(row.textContent).toContain('Cancelled');
    expect(row.textContent).not.toContain('left');
  });

  it('before the conference says when it starts and links to the schedule', async () => {
    const store = await storeAt('2027-02-05T20:00');
    renderWithStore(store, <Now />);
    const title = store.conference.value!.title;
    expect(title).toMatch(/^Plan B Demo Conference/);
    expectShown(screen.getByText(`${title} starts Saturday 6 February at 09:30`));
    expect(screen.getByRole('link', { name: 'see the schedule' }).getAttribute('href')).toBe(
      '#/schedule',
    );
  });

  it('half an hour before the start shows the welcome talk as next', async () => {
    const store = await storeAt('2027-02-06T09:00');
    renderWithStore(store, <Now />);
    expectShown(screen.getByText(/starts Saturday 6 February at 09:30/));
    expect(rowOf(/Welcome to the Plan B Demo Conference/).textContent).toContain(
      'starts in 30 min',
    );
  });

  it('after the conference says it is over and points to the export', async () => {
    const store = await storeAt('2027-02-08T10:00');
    renderWithStore(store, <Now />);
    expectShown(screen.getByText(/The conference is over/));
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings');
  });

  it('in a lull between talks says what is next', async () => {
    const store = await storeAt('2027-02-07T14:56');
    renderWithStore(store, <Now />);
    expectShown(screen.getByText(/Nothing is on now or in the next hour/));
    expectShown(screen.getByText(/at 16:00/));
    expectShown(
      screen.getByRole('link', { name: 'The state of open source in public administrations' }),
    );
  });

  it('looks later and jumps back to now', async () => {
    const store = await storeAt('2027-02-06T11:10');
    renderWithStore(store, <Now />);
    fireEvent.click(screen.getByRole('button', { name: '30 minutes later' }));
    expectShown(screen.getByRole('heading', { level: 1, name: 'At 11:40' }));
    expectShown(screen.getByText(/in 30 min/));
    expect(rowOf(/Lazy-pulling container images/).textContent).toContain('15 min left');
    fireEvent.click(screen.getByRole('button', { name: 'Jump to now' }));
    const h1 = screen.getByRole('heading', { level: 1, name: 'Now' });
    expect(document.activeElement).toBe(h1);
    expect(rowOf(/Pods without a daemon/).textContent).toContain('15 min left');
  });

  it('puts talks in rooms the venue cannot place under "Other rooms"', async () => {
    const text = DEMO_XML.replaceAll('K.1.105 (Demo Hall)', 'Online stage');
    const store = await storeAt('2027-02-06T12:05', text);
    renderWithStore(store, <Now />);
    const other = building(/Other rooms/);
    expect(rowOf(/A tiny status page in 200 lines/, other).textContent).toContain('Online stage');
    const headings = screen.getAllByRole('heading', { level: 2 });
    expect(headings.at(-1)!.textContent).toBe('Other rooms');
  });

  it('shows venue time whatever the zone the test runs in', async () => {
    const store = await storeAt('2027-02-06T11:10');
    renderWithStore(store, <Now />);
    expectShown(screen.getByText(/Saturday 6 February · 11:10/));
  });

  describeWithSharedData('at FOSDEM 2024, Saturday 11:00', () => {
    it('paints the first rows at once and every row of every building a frame later', async () => {
      const store = await storeAt('2024-02-03T11:00', readShared('fosdem-2024-schedule.xml'));
      const root = document.createElement('div');
      document.body.append(root);
      // As in the browser: outside act(), effects run after the first paint.
      render(
        <StoreContext.Provider value={store}>
          <Now />
        </StoreContext.Provider>,
        root,
      );
      const first = root.querySelectorAll('li.now-talk').length;
      expect(first).toBe(12);
      await new Promise((done) => setTimeout(done, 150));
      const rows = root.querySelectorAll('li.now-talk').length;
      expect(rows).toBeGreaterThan(40);
      const counted = [...root.querySelectorAll('.now-building-count')]
        .flatMap((c) => [...c.textContent!.matchAll(/(\d+) (?:on now|next)/g)])
        .reduce((sum, m) => sum + Number(m[1]), 0);
      expect(rows).toBeGreaterThanOrEqual(counted); // cancelled talks are listed, not counted
      render(null, root);
      root.remove();
    });
  });
});
