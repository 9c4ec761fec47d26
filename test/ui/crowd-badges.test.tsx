// Room fullness where the attendee looks: Now rows, the Map's room cards and room page, talk
// rows — always with its evidence and age ("full · 3 reports · 4 min ago", "official: full"),
// and offline as "last known", never as live. Ages are real time even when the app pretends it
// is another day.
import { screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShownFullness } from '../../src/state/crowd';
import type { AppStore } from '../../src/state/store';
import { fullnessText } from '../../src/ui/components/FullnessBadge';
import { TalkRow } from '../../src/ui/components/TalkRow';
import { parseRoute, route } from '../../src/ui/router';
import MapView from '../../src/ui/views/Map/Map';
import Now from '../../src/ui/views/Now/Now';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';
import { entry, giveListing } from './crowd-support';

const keep = disposeAfterEach();
async function storeAt(at: string): Promise<AppStore> {
  const store = keep(await createTestStore({ at }));
  return store;
}

function rowOf(title: RegExp): HTMLElement {
  return screen.getByRole('link', { name: title }).closest('li')!;
}

const MIN = 60_000;
const now = 1_700_000_000_000;
function shown(f: Partial<ShownFullness>): ShownFullness {
  return {
    room: 'x',
    level: 'full',
    confidence: 0.9,
    source: 'crowd',
    reports: 3,
    updatedAt: now - 4 * MIN,
    lastKnown: false,
    mine: false,
    ...f,
  };
}

describe('fullness in words', () => {
  it('says level, evidence and age; official, mine and last known read differently', () => {
    expect(fullnessText(shown({}), now)).toBe('full · 3 reports · 4 min ago');
    expect(fullnessText(shown({}), now, true)).toBe('full · 4 min ago');
    expect(
      fullnessText(shown({ source: 'official', official: 'full', updatedAt: now - 30_000 }), now),
    ).toBe('official: full · just now');
    expect(fullnessText(shown({ lastKnown: true, updatedAt: now - 12 * MIN }), now)).toBe(
      'last known: full · 3 reports · 12 min ago',
    );
    expect(fullnessText(shown({ reports: 1, confidence: 0.33 }), now)).toBe(
      'full (unconfirmed) · 1 report · 4 min ago',
    );
    expect(fullnessText(shown({ reports: 1, confidence: 0.33, mine: true }), now)).toBe(
      'full · your report · 4 min ago',
    );
    expect(fullnessText(shown({ level: 'queue', reports: 5, mine: true }), now)).toBe(
      'door closed, queue · 5 reports incl. yours · 4 min ago',
    );
    expect(
      fullnessText(
        shown({ lastKnown: true, lastOfficial: 'full', updatedAt: now - 70 * MIN }),
        now,
      ),
    ).toBe('last known: official: full · 1 h 10 min ago');
    expect(fullnessText(shown({ level: 'unknown', source: 'none', reports: 0 }), now)).toBe(
      undefined,
    );
  });
});

describe('fullness badges in the views', () => {
  beforeEach(() => (route.value = parseRoute('#/now')));

  it('Now: running and soon-starting talks carry their room’s badge; running ones "Room full?"', async () => {
    const store = await storeAt('2027-02-06T11:10');
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full', { reports: 3, ageMinutes: 4 })]);
    renderWithStore(store, <Now />);
    const pods = rowOf(/^Pods without a daemon/);
    expect(pods.textContent).toContain('full · 3 reports · 4 min ago');
    expectShown(
      within(pods).getByRole('button', { name: /Room full\? Plan B for “Pods without a daemon/ }),
    );
    // The next talk in the same room, in 20 min: the room's state matters to it too.
    const next = rowOf(/^Lazy-pulling container images/);
    expect(next.textContent).toContain('full · 3 reports · 4 min ago');
    expect(within(next).queryByRole('button', { name: /Room full\?/ })).toBeNull();
    // A room nobody reported has no badge, but its running talk still has "Room full?".
    const selinux = rowOf(/^Confining containers/);
    expect(selinux.textContent).not.toMatch(/reports|ago/);
    expectShown(within(selinux).getByRole('button', { name: /Room full\?/ }));
  });

  it('ages are real time even while the clock pretends it is 2027', async () => {
    const store = await storeAt('2027-02-06T11:10');
    giveListing(store, [entry(store, 'UB2.252A (Lameere)', 'full', { ageMinutes: 4 })]);
    const f = store.crowd.fullness.value.get('ub2252a')!;
    expect(Math.round((Date.now() - f.updatedAt!) / MIN)).toBe(4);
    // The engine gets the same age on the app's clock.
    const e = store.crowd.forEngine.value.get('ub2252a')!;
    expect(Math.round((store.clock.now.value - e.updatedAt!) / MIN)).toBe(4);
  });

  it('Map: room cards and the room page show fullness; offline it is "last known"', async () => {
    const store = await storeAt('2027-02-06T11:00');
    giveListing(
      store,
      [
        entry(store, 'UB2.252A (Lameere)', 'full', { official: true, ageMinutes: 1 }),
        entry(store, 'UD2.208 (Decroly)', 'standing', { reports: 2, ageMinutes: 0 }),
      ],
      { live: false, confirmedMinutesAgo: 9 },
    );
    route.value = parseRoute('#/map?building=U');
    const { unmount } = renderWithStore(store, <MapView />);
    const panel = await screen.findByRole('region', { name: /Building U/ });
    const lameere = within(panel)
      .getByRole('link', { name: /UB2\.252A/ })
      .closest('li')!;
    // Ten minutes old: no longer official, and shown as last known.
    expect(lameere.textContent).toContain('last known: official: full · 10 min ago');
    const decroly = within(panel)
      .getByRole('link', { name: /UD2\.208/ })
      .closest('li')!;
    expect(decroly.textContent).toContain('last known: standing room only · 2 reports · 9 min ago');
    unmount();

    giveListing(store, [
      entry(store, 'UB2.252A (Lameere)', 'full', { official: true, ageMinutes: 1 }),
    ]);
    route.value = parseRoute('#/map/room/ub2252a');
    renderWithStore(store, <MapView roomSlug="ub2252a" />);
    const crowd = screen.getByRole('region', { name: 'How full this room is' });
    expect(crowd.textContent).toContain('official: full · 1 min ago');
    expect(crowd.textContent).toContain('Room fullness is live.');
    expectShown(within(crowd).getByRole('group', { name: /I'm at UB2\.252A/ }));
  });

  it('a room page with no reports says so', async () => {
    const store = await storeAt('2027-02-06T11:00');
    route.value = parseRoute('#/map/room/h1308');
    renderWithStore(store, <MapView roomSlug="h1308" />);
    const crowd = screen.getByRole('region', { name: 'How full this room is' });
    expect(crowd.textContent).toContain('no reports');
  });

  it('talk rows: only talks on now or within the hour carry the badge', async () => {
    const store = await storeAt('2027-02-06T11:10');
    giveListing(store, [
      entry(store, 'UB2.252A (Lameere)', 'queue', { reports: 4, ageMinutes: 2 }),
    ]);
    const conference = store.conference.value!;
    const talk = (slug: string) => conference.talks.find((t) => t.slug === slug)!;
    const clock = store.clock.now.value;
    const { container } = renderWithStore(
      store,
      <ul>
        <li data-testid="now">
          <TalkRow talk={talk('containers_pods_no_daemon')} conference={conference} now={clock} />
        </li>
        <li data-testid="later">
          <TalkRow talk={talk('containers_ebpf_tracing')} conference={conference} now={clock} />
        </li>
      </ul>,
    );
    const [nowRow, laterRow] = container.querySelectorAll('li');
    expect(nowRow!.textContent).toContain('door closed, queue · 2 min ago');
    expect(laterRow!.textContent).not.toContain('door closed');
  });
});
