// The attendee at a closed door taps "Room full?": the Plan B sheet, against a real store with
// the demo conference (and FOSDEM 2020 from ../shared/data), with the room's fullness handed to
// the crowd store as the relay would send it.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Talk } from '../../src/domain/model';
import type { AppStore } from '../../src/state/store';
import { PlanBButton, TalkPlanB } from '../../src/ui/components/PlanBSheet';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { expectShown } from '../support/shown';
import { entry, giveListing } from './crowd-support';

const keep = disposeAfterEach();
async function storeAt(at: string, scheduleText?: string): Promise<AppStore> {
  const store = keep(await createTestStore({ at, ...(scheduleText ? { scheduleText } : {}) }));
  return store;
}

function talkBySlug(store: AppStore, slug: string): Talk {
  const talk = store.conference.value!.talks.find((t) => t.slug === slug);
  if (!talk) throw new Error(`no talk ${slug}`);
  return talk;
}

function openSheet(): HTMLElement {
  fireEvent.click(screen.getByRole('button', { name: /Room full\?/ }));
  return screen.getByRole('dialog');
}

function alternatives(sheet: HTMLElement): HTMLElement[] {
  const list = within(sheet)
    .getByRole('heading', { name: /^Instead/ })
    .closest('section')!;
  return within(list).getAllByRole('listitem');
}

describe('the Plan B sheet (demo conference)', () => {
  it('for a full room lists ranked alternatives with reasons and walking time, and no livestream', async () => {
    const store = await storeAt('2027-02-06T11:00');
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full', { reports: 3, ageMinutes: 4 })]);
    const talk = talkBySlug(store, 'containers_pods_no_daemon');
    renderWithStore(store, <PlanBButton talk={talk} />);
    const sheet = openSheet();
    // The dialog is named by its visible heading: the talk's title.
    const heading = document.getElementById(sheet.getAttribute('aria-labelledby') ?? '');
    expect(expectShown(heading).textContent).toContain(talk.title);
    expect(within(sheet).getByRole('heading', { level: 2 }).textContent).toContain(talk.title);
    // The room's state, with its evidence and age, and that it is live.
    expect(sheet.textContent).toContain('full · 3 reports · 4 min ago');
    expect(sheet.textContent).toContain('Room fullness is live.');
    // The demo is not FOSDEM: no livestream, and no invented URL anywhere.
    expect(within(sheet).queryByRole('link', { name: /Livestream/ })).toBeNull();
    for (const a of sheet.querySelectorAll('a'))
      expect(a.getAttribute('href') ?? '').not.toMatch(/fosdem\.org/);
    const items = alternatives(sheet);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(5);
    // Ranked: the closest talk first; nothing is claimed related on the demo's short abstracts,
    // and the sheet says so plainly, leading with the room's next talk and when to queue.
    expect(items[0]!.textContent).toContain('Confining containers with generated SELinux');
    expect(sheet.textContent).toContain('Nothing on this topic right now.');
    expect(sheet.querySelector('.planb-next-here')?.textContent).toMatch(
      /^Next in this room: .+ at \d\d:\d\d, queue from \d\d:\d\d\.$/,
    );
    for (const item of items) {
      expect(item.textContent).toMatch(/\d+ min walk, building [A-Z]+/);
      expect(item.textContent).not.toContain('UB2.252A (Lameere) ');
      expect(within(item).getByRole('link').getAttribute('href')).toMatch(/^#\/talk\//);
    }
    // Report this room from the sheet too.
    expectShown(within(sheet).getByRole('group', { name: /I'm at UB2\.252A \(Lameere\)/ }));
  });

  it('bookmarks an alternative in one tap without reordering the list', async () => {
    const store = await storeAt('2027-02-06T11:00');
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full')]);
    renderWithStore(store, <PlanBButton talk={talkBySlug(store, 'containers_pods_no_daemon')} />);
    const sheet = openSheet();
    const before = alternatives(sheet).map((li) => within(li).getByRole('link').textContent);
    const last = alternatives(sheet).at(-1)!;
    const title = within(last).getByRole('link').textContent!;
    fireEvent.click(within(last).getByRole('button', { name: /^Add “/ }));
    await waitFor(() =>
      expectShown(within(last).getByRole('button', { name: `Remove “${title}” from My day` })),
    );
    const key = store.conference.value!.talks.find((t) => t.title === title)!.key;
    expect(store.bookmarks.value.has(key)).toBe(true);
    expect(alternatives(sheet).map((li) => within(li).getByRole('link').textContent)).toEqual(
      before,
    );
  });

  it('puts a bookmarked talk first and says so', async () => {
    const store = await storeAt('2027-02-06T11:00');
    await store.toggleBookmark(talkBySlug(store, 'keynote_volunteers'));
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full')]);
    renderWithStore(store, <PlanBButton talk={talkBySlug(store, 'containers_pods_no_daemon')} />);
    const first = alternatives(openSheet())[0]!;
    expect(first.textContent).toContain('Volunteers, queues and closed doors');
    expect(first.textContent).toContain('you bookmarked it');
  });

  it('never suggests a room that is known full, and shows the others’ fullness', async () => {
    const store = await storeAt('2027-02-06T11:00');
    giveListing(store, [
      entry(store, 'UB2.252A (Lameere)', 'full'),
      entry(store, 'H.1308 (Rolin)', 'queue', { reports: 4 }),
      entry(store, 'Janson', 'standing', { reports: 2, ageMinutes: 1 }),
    ]);
    renderWithStore(store, <PlanBButton talk={talkBySlug(store, 'containers_pods_no_daemon')} />);
    const items = alternatives(openSheet());
    expect(items.map((i) => i.textContent).join('\n')).not.toContain('Confining containers');
    const janson = items.find((i) => i.textContent?.includes('Volunteers'))!;
    expect(janson.textContent).toContain('standing room only');
  });

  it('offline, works from the last known fullness and says how old it is', async () => {
    const store = await storeAt('2027-02-06T11:00');
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full', { ageMinutes: 0 })], {
      live: false,
      confirmedMinutesAgo: 12,
    });
    renderWithStore(store, <PlanBButton talk={talkBySlug(store, 'containers_pods_no_daemon')} />);
    const sheet = openSheet();
    expect(sheet.textContent).toContain('Offline: room fullness as last known 12 min ago.');
    expect(sheet.textContent).toContain('last known: full · 3 reports · 12 min ago');
    expect(sheet.textContent).not.toContain('is live');
    expect(alternatives(sheet).length).toBeGreaterThanOrEqual(3);
  });

  it('Escape and Close close it and give focus back to the button', async () => {
    const store = await storeAt('2027-02-06T11:00');
    renderWithStore(store, <PlanBButton talk={talkBySlug(store, 'containers_pods_no_daemon')} />);
    const sheet = openSheet();
    fireEvent.keyDown(sheet, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const opener = screen.getByRole('button', { name: /Room full\?/ });
    expect(document.activeElement).toBe(opener);
    expect(opener.getAttribute('aria-haspopup')).toBe('dialog');
    fireEvent.click(within(openSheet()).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('for a talk later in the day plans around its start from the schedule alone', async () => {
    const store = await storeAt('2027-02-06T09:00');
    giveListing(store, [entry(store, 'AW1.120', 'full')]);
    renderWithStore(store, <PlanBButton talk={talkBySlug(store, 'containers_pods_no_daemon')} />);
    const sheet = openSheet();
    expectShown(within(sheet).getByRole('heading', { name: 'Instead, around 11:00' }));
    expect(sheet.textContent).toContain('from the schedule alone');
    // Today's fullness says nothing about 11:00: AW1.120 is not excluded.
    expect(alternatives(sheet).some((i) => i.textContent?.includes('Real-time co-editing'))).toBe(
      true,
    );
    // Nobody is at the door yet: no report buttons for a talk two hours away.
    expect(within(sheet).queryByRole('group', { name: /I'm at/ })).toBeNull();
  });

  it('the talk page line shows the badge, the button, and the report buttons at the door', async () => {
    const store = await storeAt('2027-02-06T10:55');
    giveListing(store, [
      entry(store, 'UB2.252A (Lameere)', 'queue', { reports: 5, ageMinutes: 2 }),
    ]);
    renderWithStore(store, <TalkPlanB talk={talkBySlug(store, 'containers_pods_no_daemon')} />);
    expectShown(screen.getByText(/door closed, queue · 5 reports · 2 min ago/));
    expectShown(screen.getByRole('button', { name: 'Room full?' }));
    expectShown(screen.getByRole('group', { name: /I'm at UB2\.252A \(Lameere\)/ }));
  });
});

describeWithSharedData('the Plan B sheet at FOSDEM 2020', () => {
  it('Saturday 11:00, UD2.208 (Decroly) full: the livestream first, then alternatives', async () => {
    const store = await storeAt('2020-02-01T11:00', readShared('fosdem-2020-schedule.xml'));
    giveListing(store, [entry(store, 'UD2.208 (Decroly)', 'full', { reports: 3 })]);
    const talk = talkBySlug(store, 'containers_lazy_image_distribution');
    renderWithStore(store, <PlanBButton talk={talk} />);
    const sheet = openSheet();
    const watch = within(sheet).getByRole('link', { name: /Livestream/ });
    expect(watch.getAttribute('href')).toBe('https://live.fosdem.org/watch/ud2208');
    expect(
      within(sheet)
        .getByRole('link', { name: /HLS stream/ })
        .getAttribute('href'),
    ).toBe('https://stream.fosdem.org/ud2208.m3u8');
    expectShown(within(sheet).getByRole('heading', { name: 'Watch it live' }));
    // The livestream comes before the alternatives.
    const live = within(sheet).getByRole('heading', { name: 'Watch it live' });
    const instead = within(sheet).getByRole('heading', { name: /^Instead/ });
    expect(live.compareDocumentPosition(instead) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const items = alternatives(sheet);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const item of items) expect(item.textContent).not.toContain('UD2.208');
    // Nothing on containers runs elsewhere at 11:00: the sheet says so, and offers the devroom's
    // next talk with when to queue, and the rest of the devroom today (CRIU live migration).
    expect(sheet.textContent).toContain('Nothing on this topic right now.');
    expect(sheet.querySelector('.planb-next-here')?.textContent).toBe(
      'Next in this room: BPF as a revolutionary technology for the container landscape at 11:20, queue from 11:10.',
    );
    const later = within(sheet).getByRole('heading', { name: 'Later today in Containers' });
    const laterTitles = within(later.closest('section')!)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(laterTitles).toContain('Container Live Migration');
    expect(later.compareDocumentPosition(instead) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      within(sheet)
        .getByRole('link', { name: /webm|recording/i })
        .getAttribute('href'),
    ).toMatch(/^https:\/\/video\.fosdem\.org\/2020\/UD2\.208\//);
  });

  it('Saturday 12:15, the eBPF talk in H.1308 full: the talks about eBPF come first, saying so', async () => {
    const store = await storeAt('2020-02-01T12:15', readShared('fosdem-2020-schedule.xml'));
    giveListing(store, [entry(store, 'H.1308 (Rolin)', 'full', { reports: 3 })]);
    renderWithStore(store, <PlanBButton talk={talkBySlug(store, 'endless_network_programming')} />);
    const sheet = openSheet();
    expect(sheet.textContent).not.toContain('Nothing on this topic right now.');
    const items = alternatives(sheet);
    const topics = items
      .slice(0, 2)
      .map((item) => item.querySelector('.planb-alt-topic')?.textContent);
    expect(topics).toEqual([
      expect.stringMatching(/^also about eBPF/),
      expect.stringMatching(/^also about eBPF/),
    ]);
    // The rest are offered without a claim.
    for (const item of items.slice(2)) expect(item.querySelector('.planb-alt-topic')).toBeNull();
  });
});
