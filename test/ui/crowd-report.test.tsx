// One tap at the door: "I'm at UB2.252A (Lameere): full". Offline the report is queued in
// IndexedDB, counts on this phone at once, and goes to the relay when the network comes back —
// stamped with the real time of the tap, never the pretend clock. And the "stay or go" card for
// someone in a talk that is ending.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { RoomCrowd } from '../../src/ui/components/ReportRoom';
import { parseRoute, route } from '../../src/ui/router';
import Now from '../../src/ui/views/Now/Now';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';
import { createRelayStore, entry, fakeRelay, giveListing } from './crowd-support';

const keep = disposeAfterEach();

const LAMEERE = { name: 'UB2.252A (Lameere)', slug: 'ub2252a' };

function rowOf(title: RegExp): HTMLElement {
  return screen.getByRole('link', { name: title }).closest('li')!;
}

describe('reporting a room', () => {
  it('offline: the report is queued, counts at once, and is sent with the real time when online', async () => {
    const relay = fakeRelay();
    const store = keep(await createRelayStore(relay, '2027-02-06T11:10'));
    route.value = parseRoute('#/now');
    renderWithStore(
      store,
      <>
        <RoomCrowd room={LAMEERE} />
        <Now />
      </>,
    );
    const group = screen.getByRole('group', { name: /I'm at UB2\.252A \(Lameere\)/ });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Seats', 'Standing only', 'Full', 'Door closed + queue']);
    fireEvent.click(within(group).getByRole('button', { name: 'Full' }));
    const status = await screen.findByText(
      'Reported “full”, thanks. It counts on this phone now and will be sent when online.',
    );
    expect(status.getAttribute('role')).toBe('status');
    // Counts at once, here and in Now, as this phone's own report.
    const region = screen.getByRole('region', { name: 'How full this room is' });
    await waitFor(() => expect(region.textContent).toContain('full · your report · just now'));
    expect(rowOf(/^Pods without a daemon/).textContent).toContain('full · your report · just now');
    expect(store.crowd.fullness.value.get('ub2252a')).toMatchObject({ level: 'full', reports: 1 });
    expect(relay.posted).toEqual([]);

    relay.setOnline(true);
    // The outbox replays on `online` (or its retry timer, at most a second later).
    await screen.findByText('Reported “full”, thanks. Shared with everyone.', undefined, {
      timeout: 4000,
    });
    expect(relay.posted).toHaveLength(1);
    const sent = relay.posted[0]!;
    expect(sent).toMatchObject({ room: 'ub2252a', level: 'full' });
    // Real time of the tap, not 2027-02-06 11:10 (the pretend clock): the relay refuses
    // reports more than two hours old.
    expect(Math.abs((sent.at as number) - Date.now())).toBeLessThan(60_000);
    expect(Math.abs((sent.at as number) - store.clock.now.value)).toBeGreaterThan(86_400_000);
  });

  it('a listing arriving after the phone said "offline" does not make a report look sent', async () => {
    const relay = fakeRelay();
    const store = keep(await createRelayStore(relay, '2027-02-06T11:10'));
    relay.setOnline(true);
    giveListing(store, [entry(store, LAMEERE.name, 'seats')]);
    expect(store.crowd.online.value).toBe(true);
    relay.setOnline(false);
    // A message on the event stream opened before the network went away.
    giveListing(store, [entry(store, LAMEERE.name, 'seats')]);
    expect(store.crowd.online.value).toBe(false);
    route.value = parseRoute('#/now');
    renderWithStore(store, <RoomCrowd room={LAMEERE} />);
    fireEvent.click(screen.getByRole('button', { name: 'Seats' }));
    await screen.findByText(
      'Reported “seats available”, thanks. It counts on this phone now and will be sent when online.',
    );
  });

  it('without a relay, reports stay on the phone and say so', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:10' }));
    renderWithStore(store, <RoomCrowd room={LAMEERE} />);
    expectShown(screen.getByText('No relay: only your own reports count here.'));
    fireEvent.click(screen.getByRole('button', { name: 'Standing only' }));
    await screen.findByText(
      'Reported “standing only”, thanks. It counts on this phone; there is no relay to share it.',
    );
    await waitFor(() =>
      expect(screen.getByRole('region').textContent).toContain(
        'standing room only · your report · just now',
      ),
    );
  });

  it('an earlier report of this phone is remembered with its age', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:10' }));
    await store.crowd.report('ub2252a', 'queue');
    renderWithStore(store, <RoomCrowd room={LAMEERE} />);
    await screen.findByText(/You reported “door closed \+ queue” just now\./);
  });
});

describe('stay or go', () => {
  it('in a starred talk that is ending, with the next star elsewhere and this room full: go, with a warning', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:12' }));
    const talk = (slug: string) => store.conference.value!.talks.find((t) => t.slug === slug)!;
    await store.toggleBookmark(talk('containers_pods_no_daemon'));
    await store.toggleBookmark(talk('collab_school_office'));
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full', { reports: 4, ageMinutes: 3 })]);
    route.value = parseRoute('#/now');
    renderWithStore(store, <Now />);
    const card = screen.getByRole('region', { name: 'Stay or go?' });
    expect(card.textContent).toContain('Pods without a daemon');
    expect(card.textContent).toMatch(/ends in 13 min/);
    expect(card.textContent).toMatch(/Go: “A self-hosted office suite/);
    expect(card.textContent).toContain('if you leave you may not get back in');
    expectShown(within(card).getByRole('link', { name: /Open “A self-hosted office suite/ }));
  });

  it('right after the attendee reports their own room full, stay-or-go warns at once', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:12' }));
    const talk = (slug: string) => store.conference.value!.talks.find((t) => t.slug === slug)!;
    await store.toggleBookmark(talk('containers_pods_no_daemon'));
    await store.toggleBookmark(talk('collab_school_office'));
    route.value = parseRoute('#/now');
    renderWithStore(store, <Now />);
    const before = screen.getByRole('region', { name: 'Stay or go?' });
    expect(before.textContent).not.toContain('may not get back in');
    await act(() => store.crowd.report('ub2252a', 'full').then(() => undefined));
    const card = screen.getByRole('region', { name: 'Stay or go?' });
    expect(card.textContent).toMatch(/Go: “A self-hosted office suite/);
    // "full", as the badge says: not "filling up" as a lone unconfirmed report would read.
    expect(card.textContent).toMatch(/This room is full .*if you leave you may not get back in\./);
  });

  it('after reporting from a room whose talk is ending, says what is next there', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:12' }));
    await store.crowd.report('ub2252a', 'standing');
    route.value = parseRoute('#/now');
    renderWithStore(store, <Now />);
    const card = await screen.findByRole('region', { name: 'Stay or go?' });
    expect(card.textContent).toContain('Next here: “Lazy-pulling container images');
  });

  it('shows nothing when the attendee is in no talk that is ending', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:02' }));
    const pods = store.conference.value!.talks.find((t) => t.slug === 'containers_pods_no_daemon')!;
    await store.toggleBookmark(pods);
    renderWithStore(store, <Now />);
    expect(screen.queryByRole('region', { name: 'Stay or go?' })).toBeNull();
  });
});
