// The timetable grid, as an attendee uses it on Saturday of the demo conference: every room in
// use that day as a column, grouped by building, each talk a block at its time, the now line,
// the talks in My day starred, fullness in the room heads, arrow keys between talks; and on a
// schedule twice FOSDEM's size only the blocks near the screen are drawn.
import { fireEvent, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { syntheticFosdemXml } from '../../bench/synthetic';
import type { AppStore } from '../../src/state/store';
import { parseRoute, route } from '../../src/ui/router';
import Grid from '../../src/ui/views/Grid/Grid';
import { AXIS_WIDTH, COLUMN_WIDTH, PX_PER_MINUTE } from '../../src/ui/views/Grid/grid-model';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';
import { entry, giveListing } from './crowd-support';

const keep = disposeAfterEach();
const storeAt = async (at: string, scheduleText?: string): Promise<AppStore> =>
  keep(await createTestStore({ at, ...(scheduleText ? { scheduleText } : {}) }));

beforeEach(() => {
  route.value = parseRoute('#/grid');
});

/** The block (link) of a talk, found by its title. */
function block(title: string): HTMLAnchorElement {
  return screen.getByRole('link', { name: new RegExp(`^\\d\\d:\\d\\d–\\d\\d:\\d\\d ${title}`) });
}

/** A positioned element's px style value. */
function px(el: Element, prop: 'top' | 'height' | 'left' | 'width'): number {
  return Number.parseFloat((el as HTMLElement).style[prop]);
}

describe('the timetable grid', () => {
  it('puts each room of the day in a column, grouped by building in the venue order', async () => {
    const store = await storeAt('2027-02-06T08:00');
    renderWithStore(store, <Grid />);
    const grid = screen.getByRole('region', { name: 'Timetable grid, Saturday 6 February 2027' });
    expect(
      [...grid.querySelectorAll('.grid-building')].map((b) => [
        b.textContent,
        px(b, 'width') / COLUMN_WIDTH,
      ]),
    ).toEqual([
      ['Janson', 1],
      ['Building K', 2],
      ['Building H', 1],
      ['Building AW', 1],
      ['Building U', 1],
    ]);
    // Only the rooms with talks on Saturday: AW1.126, UD2.208 and H.2215 are Sunday's.
    expect([...grid.querySelectorAll('.grid-room')].map((r) => r.textContent)).toEqual([
      'Janson',
      'K.3.401',
      'K.1.105 (Demo Hall)',
      'H.1308 (Rolin)',
      'AW1.120',
      'UB2.252A (Lameere)',
    ]);
    expectShown(screen.getByText(/^6 rooms · 40 talks/));
  });

  it('places a talk by its room and its time, and opens the talk when tapped', async () => {
    const store = await storeAt('2027-02-06T08:00');
    renderWithStore(store, <Grid />);
    // The grid starts at 09:00, the hour before the first talk (Janson, 09:30).
    const talk = block('Threat modelling a conference app');
    expect(talk.getAttribute('aria-label')).toBe(
      '10:30–10:55 Threat modelling a conference app, H.1308 (Rolin), Building H',
    );
    const slot = talk.closest('li')!;
    expect(px(slot, 'top')).toBe(90 * PX_PER_MINUTE);
    expect(px(slot, 'height')).toBe(25 * PX_PER_MINUTE);
    const column = slot.closest('ul')!;
    expect(column.getAttribute('aria-label')).toBe('H.1308 (Rolin), Building H');
    expect(px(column, 'left')).toBe(AXIS_WIDTH + 3 * COLUMN_WIDTH);
    expect(slot.getAttribute('aria-posinset')).toBe('1');
    expect(slot.getAttribute('aria-setsize')).toBe('8');
    const welcome = block('Welcome to the Plan B Demo Conference').closest('li')!;
    expect(px(welcome, 'top')).toBe(30 * PX_PER_MINUTE);
    expect(px(welcome.closest('ul')!, 'left')).toBe(AXIS_WIDTH);
    const key = store.conference.value!.talks.find(
      (t) => t.title === 'Threat modelling a conference app',
    )!.key;
    expect(talk.getAttribute('href')).toBe(`#/talk/${encodeURIComponent(key)}`);
  });

  it('draws the now line at the clock and says which talks are on now', async () => {
    const store = await storeAt('2027-02-06T11:10');
    renderWithStore(store, <Grid />);
    // The line and its time are drawn for the eye (aria-hidden); the blocks say "on now".
    const line = document.querySelector<HTMLElement>('.grid-now')!;
    expect(line.isConnected && getComputedStyle(line).display).not.toBe('none');
    expect(px(line, 'top')).toBe(130 * PX_PER_MINUTE);
    expect(document.querySelector('.grid-now-label')!.textContent).toBe('11:10');
    expect(block('Volunteers, queues and closed doors').getAttribute('aria-label')).toMatch(
      /, Janson, on now$/,
    );
    expect(block('Threat modelling a conference app').className).toContain('is-past');
    expectShown(screen.getByRole('button', { name: 'Jump to now' }));

    // Sunday, seen on Saturday: no now line, nothing on now.
    route.value = parseRoute('#/grid?day=1');
    await Promise.resolve();
    expect(document.querySelector('.grid-now')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Jump to now' })).toBeNull();
    expect(screen.queryAllByRole('link', { name: /on now/ })).toEqual([]);
  });

  it('stars the talks in My day', async () => {
    const store = await storeAt('2027-02-06T08:00');
    const talk = store.conference.value!.talks.find((t) => t.title.startsWith('Tracing'))!;
    await store.toggleBookmark(talk);
    renderWithStore(store, <Grid />);
    const marked = block('Tracing containers with eBPF');
    expect(marked.getAttribute('aria-label')).toMatch(/, in My day$/);
    expect(marked.className).toContain('is-bookmarked');
    expect(marked.querySelector('svg')!.isConnected).toBe(true);
    const other = block('Kubernetes cluster observability on a budget');
    expect(other.getAttribute('aria-label')).not.toMatch(/My day/);
    expect(other.querySelector('svg')).toBeNull();
  });

  it('shows how full a room is in its head on the day that is running', async () => {
    const store = await storeAt('2027-02-06T11:10');
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full', { reports: 3 })]);
    renderWithStore(store, <Grid />);
    const head = [...document.querySelectorAll('.grid-room')].find((r) =>
      r.textContent?.startsWith('UB2.252A'),
    )!;
    expectShown(within(head as HTMLElement).getByText(/full · 4 min ago/));
    const rolin = [...document.querySelectorAll('.grid-room')].find((r) =>
      r.textContent?.startsWith('H.1308'),
    )!;
    expect(rolin.querySelector('.fullness')).toBeNull();
  });

  it('moves between talks with the arrow keys: down the room, across to the room beside', async () => {
    const store = await storeAt('2027-02-06T08:00');
    renderWithStore(store, <Grid />);
    const start = block('Threat modelling a conference app');
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^11:00–11:25 Confining containers/,
    );
    // To the right of H.1308 is AW1.120, whose talk at 11:00 is about CRDTs.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^11:00–11:25 Real-time co-editing with CRDTs, AW1.120/,
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    // Nothing above it in AW1.120: the focus stays.
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^11:00–11:25 Real-time/);
  });

  it('walks across the rooms at the time it started from, not drifting earlier', async () => {
    const store = await storeAt('2027-02-06T08:00');
    renderWithStore(store, <Grid />);
    // Start in K.1.105 at 12:20.
    block('Ten years of a one-person package repository').focus();
    // Left of K.1.105 is K.3.401, with nothing before 13:00: its first talk after 12:20.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^13:00–13:25 Kubernetes/);
    // Back right: K.1.105's talk at 12:20 again, not the one at 13:00.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^12:20–12:35 Ten years/);
    // Further right, H.1308 at 12:20: "Reproducible builds" (12:00–12:25) is on then.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^12:00–12:25 Reproducible builds/,
    );
    // And on to AW1.120: still 12:20, so "Calendars that sync" (12:00–12:25), not 11:30's talk.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^12:00–12:25 Calendars/);
  });

  it('links the list and the grid of the same day', async () => {
    const store = await storeAt('2027-02-06T08:00');
    route.value = parseRoute('#/grid?day=1');
    renderWithStore(store, <Grid />);
    expect(screen.getByRole('link', { name: 'List' }).getAttribute('href')).toBe(
      '#/schedule?day=1',
    );
    const days = screen.getByRole('navigation', { name: 'Days' });
    expect(within(days).getByRole('link', { current: 'page' }).textContent).toBe('Sun 7 Feb');
  });
});

describe("the timetable grid on a schedule twice FOSDEM's size", () => {
  it('draws only the blocks near the screen, and others as it scrolls', async () => {
    const { xml } = syntheticFosdemXml({ scale: 2 });
    const store = await storeAt('2027-02-06T08:00', xml);
    // A phone's screen (the box reads the window's size where the test DOM has no layout).
    const happy = (window as unknown as { happyDOM: { setViewport(v: object): void } }).happyDOM;
    happy.setViewport({ width: 390, height: 844 });
    onTestFinished(() => happy.setViewport({ width: 1024, height: 768 }));
    renderWithStore(store, <Grid />);
    const box = screen.getByRole('region', { name: /^Timetable grid, Saturday/ });
    const saturday = store.conference.value!.talks.filter((t) => t.day === 0).length;
    expect(saturday).toBeGreaterThan(1000);
    const drawn = () => box.querySelectorAll('.grid-talk');
    const rooms = () =>
      [...box.querySelectorAll('.grid-col')].map((c) => c.getAttribute('aria-label'));
    // A phone shows about 20 blocks; with the margin drawn ahead, still a small part of the day.
    expect(drawn().length).toBeGreaterThan(20);
    expect(drawn().length).toBeLessThan(150);
    const firstRooms = rooms();
    expect(box.querySelectorAll('.grid-room').length).toBeLessThan(10);

    // Far right and down: other rooms, later talks, and the first ones gone.
    box.scrollLeft = 50 * COLUMN_WIDTH;
    box.scrollTop = 400 * PX_PER_MINUTE;
    fireEvent.scroll(box);
    await Promise.resolve();
    const later = rooms();
    expect(later.length).toBeGreaterThan(0);
    expect(later.some((r) => firstRooms.includes(r))).toBe(false);
    expect(drawn().length).toBeLessThan(150);
    for (const slot of box.querySelectorAll('.grid-slot')) {
      expect(px(slot, 'top') + px(slot, 'height')).toBeGreaterThan(400 * PX_PER_MINUTE - 1000);
    }
  }, 60_000);
});
