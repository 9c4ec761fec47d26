// An attendee on the train browses the whole schedule offline: day tabs, by time or by room,
// filters, past talks hidden, bookmarks marked and cancelled talks struck through.
import { fireEvent, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRoute, route } from '../../src/ui/router';
import Schedule from '../../src/ui/views/Schedule/Schedule';
import { createTestStore, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

beforeEach(() => {
  route.value = parseRoute('#/schedule');
});

function talkTitles(): string[] {
  return [...document.querySelectorAll('.talk-title')].map((el) => el.textContent ?? '');
}

describe('the Schedule view', () => {
  it('opens on the day of the clock and lists its talks by time with time headings', async () => {
    const store = await createTestStore({ at: '2027-02-07T10:00' });
    renderWithStore(store, <Schedule />);
    const days = screen.getByRole('navigation', { name: 'Days' });
    expect(within(days).getByRole('link', { current: 'page' }).textContent).toBe('Sun 7 Feb');
    expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toMatch(/^\d\d:\d\d$/);
    const sunday = store.conference.value!.talks.filter((t) => t.day === 1).length;
    expectShown(screen.getByText(new RegExp(`^${sunday} talks`)));
  });

  it('filters by building and by track, and says how many talks are left', async () => {
    const store = await createTestStore({ at: '2027-02-06T09:00' });
    route.value = parseRoute('#/schedule?day=0&building=K');
    renderWithStore(store, <Schedule />);
    const inK = store.conference.value!.talks.filter(
      (t) =>
        t.day === 0 &&
        store.conference.value!.rooms.find((r) => r.name === t.room)?.building === 'K',
    );
    expect(inK.length).toBeGreaterThan(0);
    expectShown(screen.getByText(new RegExp(`^${inK.length} talks`)));
    for (const meta of document.querySelectorAll('.talk-meta'))
      expect(meta.textContent).toMatch(/ · K/);

    fireEvent.change(screen.getByLabelText('Track'), { target: { value: 'Containers' } });
    expect(route.value.params.get('track')).toBe('Containers');
  });

  it('offers "Jump to now" only on the day that is running', async () => {
    const store = await createTestStore({ at: '2027-02-06T12:00' });
    route.value = parseRoute('#/schedule?day=0');
    const view = renderWithStore(store, <Schedule />);
    expectShown(screen.getByRole('button', { name: 'Jump to now' }));
    view.unmount();
    // Sunday's page while it is Saturday: nothing of Sunday is "now".
    route.value = parseRoute('#/schedule?day=1');
    renderWithStore(store, <Schedule />);
    expect(screen.queryByRole('button', { name: 'Jump to now' })).toBeNull();
  });

  it('groups by room when asked', async () => {
    const store = await createTestStore({ at: '2027-02-06T09:00' });
    renderWithStore(store, <Schedule />);
    fireEvent.click(screen.getByRole('button', { name: 'By room' }));
    expect(route.value.params.get('by')).toBe('room');
  });

  it('hides past talks on request, marks bookmarks and strikes through cancelled talks', async () => {
    const store = await createTestStore({ at: '2027-02-06T15:00' });
    const cancelled = store.conference.value!.talks.find((t) => t.cancelled)!;
    const first = store.conference.value!.talks.find((t) => t.day === 0 && !t.cancelled)!;
    await store.toggleBookmark(first);
    route.value = parseRoute(`#/schedule?day=${cancelled.day}`);
    const view = renderWithStore(store, <Schedule />);
    expect(talkTitles().some((t) => t.includes(cancelled.title))).toBe(true);
    const row = [...document.querySelectorAll('.talk-cancelled')].find((el) =>
      el.textContent?.includes(cancelled.title),
    );
    expect(row?.textContent).toMatch(/Cancelled/);
    view.unmount();

    route.value = parseRoute('#/schedule?day=0&past=hide');
    renderWithStore(store, <Schedule />);
    const now = store.clock.now.value;
    const visible = store.conference.value!.talks.filter((t) => t.day === 0 && t.end > now);
    expectShown(screen.getByText(new RegExp(`^${visible.length} talks`)));
    expect(
      screen.queryByRole('button', { name: `Remove “${first.title}” from My day` }),
    ).toBeNull();
  });

  it('marks a bookmarked talk with a pressed star', async () => {
    const store = await createTestStore({ at: '2027-02-06T09:00' });
    const talk = store.conference.value!.talks[0]!;
    await store.toggleBookmark(talk);
    route.value = parseRoute('#/schedule?day=0');
    renderWithStore(store, <Schedule />);
    const star = screen.getByRole('button', { name: `Remove “${talk.title}” from My day` });
    expect(star.getAttribute('aria-pressed')).toBe('true');
  });
});
