// My day as the attendee on the train plans it: starred talks in time order, the clashes and the
// too-short walks between buildings said in words, the free time, what is over, and the talks
// a schedule update removed: still listed, never dropped. Real store, demo conference.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { walkingMinutes } from '../../src/domain/venue';
import type { AppStore } from '../../src/state/store';
import { parseRoute, route } from '../../src/ui/router';
import MyDay from '../../src/ui/views/MyDay/MyDay';
import { createTestStore, DEMO_XML, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();
async function storeAt(at: string, ...slugs: string[]): Promise<AppStore> {
  const store = keep(await createTestStore({ at }));
  for (const slug of slugs) {
    const talk = store.talksByKey.value.get(`slug:${slug}`);
    if (!talk) throw new Error(`no demo talk ${slug}`);
    await store.toggleBookmark(talk);
  }
  return store;
}
beforeEach(() => (route.value = parseRoute('#/my-day')));

/** The list item of a talk, found by its title link. */
function rowOf(title: string | RegExp): HTMLElement {
  return screen.getByRole('link', { name: title }).closest('li')!;
}

describe('the My day view', () => {
  it('with no bookmarks explains how to star talks', async () => {
    const store = await storeAt('2027-02-06T11:00');
    renderWithStore(store, <MyDay />);
    expectShown(screen.getByRole('heading', { level: 1, name: 'My day' }));
    expectShown(screen.getByRole('heading', { name: 'No talks on your day yet' }));
    expect(screen.getByText(/Tap the star/).textContent).toMatch(/Now, Schedule or Search/);
    expect(screen.getByRole('link', { name: 'Schedule' }).getAttribute('href')).toBe('#/schedule');
  });

  /** The line before a talk that says how to get there (stay, walk, tight transfer). */
  function moveBefore(title: RegExp): HTMLElement {
    const move = rowOf(title).previousElementSibling as HTMLElement | null;
    expect(move?.className).toContain('myday-move');
    return move!;
  }
  /** What that line says (without its icon). */
  function saidBefore(title: RegExp): string {
    return expectShown(moveBefore(title).querySelector('.myday-move-text'))!.textContent!;
  }

  it('says the planted tight transfer between AW1.120 and K.3.401 once, between the two talks', async () => {
    const store = await storeAt(
      '2027-02-06T11:00',
      'collab_office_suite_part1',
      'monitoring_office_suite_part2',
    );
    const walk = walkingMinutes(store.venue.value!, 'AW1.120', 'K.3.401')!;
    expect(walk).toBeGreaterThan(5);
    renderWithStore(store, <MyDay />);
    const sentence = `Tight transfer: ${walk} min walk to K.3.401, you have 5 min`;
    expect(saidBefore(/office suite, part 2/)).toBe(sentence);
    const list = document.querySelector('.myday-list')!;
    expect(list.textContent!.split('Tight transfer').length - 1).toBe(1);
    expect(rowOf(/office suite, part 1/).textContent).not.toContain('Tight');
    expectShown(screen.getByText(/2 talks · 1 tight transfer/));
    // Building names, not only room codes.
    expect(rowOf(/office suite, part 1/).textContent).toContain('AW1.120 · Building AW');
    expect(rowOf(/office suite, part 2/).textContent).toContain('K.3.401 · Building K');
  });

  it('says an overlap once, on the talk the day does not follow', async () => {
    // Both start at 11:00; Pods ends first (11:25), so the day follows it.
    const store = await storeAt(
      '2027-02-06T09:00',
      'keynote_volunteers',
      'containers_pods_no_daemon',
      'containers_live_migration',
    );
    renderWithStore(store, <MyDay />);
    const pods = rowOf(/Pods without a daemon/);
    const keynote = rowOf(/Volunteers, queues and closed doors/);
    expect(pods.textContent).not.toContain('Overlap');
    expect(keynote.textContent).toContain(
      'Overlap: 25 min with “Pods without a daemon: from compose files to pod specs”, which My day follows',
    );
    expect(keynote.className).toContain('myday-unfollowed');
    expectShown(within(keynote).getByRole('list', { name: /Problems with/ }));
    expectShown(screen.getByText(/3 talks · 1 overlap/));
    // The next talk is in Pods' room: stay, and no walk is counted from the keynote in Janson.
    expect(saidBefore(/Live-migrating containers/)).toBe('Stay here in UB2.252A · 35 min free');
    expect(document.querySelectorAll('.myday-move')).toHaveLength(1);
  });

  it('a talk marked attended is the one the day follows: the overlap moves to the other', async () => {
    const store = await storeAt(
      '2027-02-06T12:00',
      'keynote_volunteers',
      'containers_pods_no_daemon',
      'containers_live_migration',
    );
    await store.notes.markAttended('slug:keynote_volunteers');
    renderWithStore(store, <MyDay />);
    expect(rowOf(/Volunteers, queues/).textContent).not.toContain('Overlap');
    expect(rowOf(/Pods without a daemon/).textContent).toContain(
      'Overlap: 25 min with “Volunteers, queues and closed doors: running a free conference at scale”, which you attended',
    );
    // From Janson, where the user was: a walk to UB2.252A, not "stay here".
    const walk = walkingMinutes(store.venue.value!, 'Janson', 'UB2.252A (Lameere)');
    expect(saidBefore(/Live-migrating containers/)).toBe(`${walk} min walk to UB2.252A · 10 min`);
  });

  it('shows the walk and the free time between talks on one line', async () => {
    const store = await storeAt(
      '2027-02-06T09:00',
      'containers_lazy_pulling',
      'monitoring_k8s_budget',
    );
    renderWithStore(store, <MyDay />);
    const walk = walkingMinutes(store.venue.value!, 'UB2.252A (Lameere)', 'K.3.401');
    expect(saidBefore(/Kubernetes cluster observability/)).toBe(
      `${walk} min walk to K.3.401 · 1 h 5 min free`,
    );
    expectShown(screen.getByText(/2 talks · no conflicts/));
  });

  it('lists talks in time order, dims the past, says what is on now and next, links each talk', async () => {
    // Bookmarked in reverse order on purpose.
    const store = await storeAt(
      '2027-02-06T12:10',
      'monitoring_k8s_budget',
      'collab_caldav_2027',
      'containers_lazy_pulling',
    );
    renderWithStore(store, <MyDay />);
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.myday-plan a.myday-title')];
    expect(links.map((a) => a.textContent)).toEqual([
      'Lazy-pulling container images over a slow network',
      'Calendars that sync: CalDAV today',
      'Kubernetes cluster observability on a budget',
    ]);
    expect(links[0]!.getAttribute('href')).toBe('#/talk/slug%3Acontainers_lazy_pulling');
    const past = rowOf(/Lazy-pulling/);
    expect(past.className).toContain('myday-past');
    expect(past.textContent).toContain('Over');
    const current = rowOf(/CalDAV today/);
    expect(current.getAttribute('aria-current')).toBe('time');
    expect(current.textContent).toContain('On now · 15 min left');
    expect(rowOf(/Kubernetes cluster observability/).textContent).toContain(
      'Next · starts in 50 min',
    );
  });

  it('opens on today per the clock, with a tab per day', async () => {
    const store = await storeAt(
      '2027-02-07T11:00',
      'containers_pods_no_daemon',
      'db_sharding_tears',
    );
    renderWithStore(store, <MyDay />);
    const days = screen.getByRole('navigation', { name: 'Conference days' });
    const sunday = within(days).getByRole('link', { name: /Sun 7 Feb\s?, 1 talk starred/ });
    expect(sunday.getAttribute('aria-current')).toBe('page');
    expectShown(screen.getByRole('heading', { level: 2, name: 'Sunday 7 February' }));
    // The cancelled Sunday talk stays, struck through, with a pointer to a plan B.
    const sharding = rowOf(/Sharding without tears/);
    expect(sharding.className).toContain('myday-cancelled');
    expect(sharding.textContent).toContain('Cancelled');
    expect(screen.queryByRole('link', { name: /Pods without a daemon/ })).toBeNull();

    const saturday = within(days).getByRole('link', { name: /Sat 6 Feb\s?, 1 talk starred/ });
    expect(saturday.getAttribute('href')).toBe('#/my-day?day=0');
    route.value = parseRoute('#/my-day?day=0');
    await waitFor(() => expectShown(screen.getByRole('link', { name: /Pods without a daemon/ })));
    expect(saturday.getAttribute('aria-current')).toBe('page');
  });

  it('before the conference opens on the first day', async () => {
    const store = await storeAt('2027-01-20T10:00', 'keynote_welcome');
    renderWithStore(store, <MyDay />);
    expectShown(screen.getByRole('heading', { level: 2, name: /Saturday 6 February/ }));
    expectShown(rowOf(/Welcome to the Plan B Demo Conference/));
  });

  it('keeps an orphaned bookmark listed after a schedule update removes its talk', async () => {
    const store = await storeAt('2027-02-06T11:00', 'security_ci_secrets', 'keynote_welcome');
    const without = DEMO_XML.replace(
      /<event id="\d+">(?:(?!<\/event>)[\s\S])*?<slug>security_ci_secrets<\/slug>[\s\S]*?<\/event>\s*/,
      '',
    );
    expect(without).not.toContain('security_ci_secrets');
    await store.importSchedule({ kind: 'text', text: without, name: 'update.xml' });
    expect(store.talksByKey.value.has('slug:security_ci_secrets')).toBe(false);
    expect(store.bookmarks.value.has('slug:security_ci_secrets')).toBe(true);

    renderWithStore(store, <MyDay />);
    const section = screen
      .getByRole('heading', { name: 'No longer in the schedule' })
      .closest('section')!;
    const orphan = within(section).getByText('Secrets in CI: what leaks and how').closest('li')!;
    expect(orphan.textContent).toContain('Sat 6 Feb · 13:30–13:55');
    expect(orphan.textContent).toContain('H.1308 (Rolin)');
    // Still on the day's plan: the talk that remains.
    expectShown(rowOf(/Welcome to the Plan B Demo Conference/));

    fireEvent.click(within(orphan).getByRole('button', { name: /Remove “Secrets in CI/ }));
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'No longer in the schedule' })).toBeNull(),
    );
    expect(store.bookmarks.value.has('slug:security_ci_secrets')).toBe(false);
  });
});
