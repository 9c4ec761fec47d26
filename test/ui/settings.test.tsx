// Settings as an attendee uses it: load the real schedule from a file (and survive a broken
// one), see what is loaded, and travel in time to explore a past conference as if it were
// Saturday 11:00 at the venue, whatever zone the phone is set to. Run this file also with
// TZ=America/New_York: the venue-time assertions must hold in any zone.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStore } from '../../src/state/store';
import { parseRoute, route } from '../../src/ui/router';
import Settings from '../../src/ui/views/Settings/Settings';
import { createTestStore, DEMO_XML, renderWithStore } from '../support/app-store';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { expectShown } from '../support/shown';

/** Saturday 6 February 2027, 11:00 in Brussels (UTC+1 in winter) = 10:00 UTC. */
const SATURDAY_11_BRUSSELS = Date.UTC(2027, 1, 6, 10, 0);

function chooseFile(file: File) {
  const input = screen.getByLabelText('From a file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

async function openSettings(options: { at?: string } = {}): Promise<AppStore> {
  const store = await createTestStore(options);
  renderWithStore(store, <Settings />);
  return store;
}

describe('Settings', () => {
  beforeEach(() => {
    route.value = parseRoute('#/settings');
  });

  it('shows the current schedule: title, talks, source and when it was loaded', async () => {
    await openSettings();
    expectShown(screen.getByRole('heading', { level: 1, name: 'Settings' }));
    const schedule = section('Schedule');
    expect(schedule.textContent).toContain('Plan B Demo Conference');
    expect(schedule.textContent).toContain('74 talks over 2 days');
    expect(schedule.textContent).toContain('http://planb.test/api/schedule');
    expectShown(within(schedule).getByRole('button', { name: 'Check for updates now' }));
    for (const name of ['Time travel', 'Storage', 'About']) expectShown(section(name));
  });

  it('loading a broken file shows the error and the schedule is unchanged', async () => {
    const store = await openSettings();
    const before = store.conference.value!;
    const truncated = DEMO_XML.slice(0, Math.floor(DEMO_XML.length / 2));
    chooseFile(new File([truncated], 'broken.xml', { type: 'application/xml' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Your current schedule is unchanged\.$/);
    expect(store.conference.value).toBe(before);
    expect(store.conference.value!.talks).toHaveLength(74);
    expect(store.version.value!.source).toBe('http://planb.test/api/schedule');
    expect(section('Schedule').textContent).toContain('Plan B Demo Conference');
    // The alert stays: it is still there once the import has settled.
    await waitFor(() => expect(store.activity.value).toBeNull());
    expect(screen.getByRole('alert').textContent).toBe(alert.textContent);
  });

  it('refuses an address that is not a web address, without touching the schedule', async () => {
    const store = await openSettings();
    fireEvent.input(screen.getByLabelText('From a web address'), {
      target: { value: 'fosdem schedule' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(screen.getByRole('alert').textContent).toMatch(/not a web address.*unchanged/);
    expect(store.conference.value!.talks).toHaveLength(74);
  });

  it('says the schedule is up to date when the server has nothing new', async () => {
    await openSettings();
    fireEvent.click(screen.getByRole('button', { name: 'Check for updates now' }));
    // The test server answers 200 with the same file: imported again, nothing changed.
    await waitFor(() =>
      expect(within(section('Schedule')).getAllByRole('status')[0]!.textContent).toBe(
        'Up to date: the schedule has not changed since it was last loaded.',
      ),
    );
  });

  describeWithSharedData('with the real 36C3 schedule', () => {
    it('loading a valid file switches the schedule', async () => {
      const store = await openSettings();
      chooseFile(
        new File([readShared('36c3-schedule.json')], '36c3-schedule.json', {
          type: 'application/json',
        }),
      );
      await waitFor(
        () => expect(store.conference.value?.title).toBe('36th Chaos Communication Congress'),
        { timeout: 10_000 },
      );
      const count = store.conference.value!.talks.length;
      expect(count).toBeGreaterThan(100);
      const schedule = section('Schedule');
      await waitFor(() =>
        expect(schedule.textContent).toContain(
          `Loaded “36th Chaos Communication Congress”: ${count} talks over 4 days`,
        ),
      );
      expect(schedule.textContent).toContain('36c3-schedule.json');
      expect(schedule.textContent).toContain('Loaded from a file');
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });

  it('setting the pretend time to Saturday 11:00 venue time works whatever process.env.TZ is', async () => {
    const store = await openSettings();
    expect(store.clock.isReal.value).toBe(true);
    expect(section('Time travel').textContent).toContain('The clock is real.');
    const input = screen.getByLabelText(
      /Pretend it is \(venue time, Europe\/Brussels\)/,
    ) as HTMLInputElement;
    expect(input.type).toBe('datetime-local');
    fireEvent.input(input, { target: { value: '2027-02-06T11:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the clock' }));
    await waitFor(() => expect(store.clock.isReal.value).toBe(false));
    expect(Math.abs(store.clock.now.value - SATURDAY_11_BRUSSELS)).toBeLessThan(60_000);
    expect(section('Time travel').textContent).toContain(
      'Plan B pretends it is Sat 6 Feb 11:00 at the venue',
    );
    expect(input.value).toBe('2027-02-06T11:00');
  });

  it('a full disk while saving the clock is shown, not lost as an unhandled error', async () => {
    const store = await openSettings();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      fireEvent.click(
        within(screen.getByRole('group', { name: 'Quick picks' })).getByRole('button', {
          name: 'Sat 6 Feb 11:00',
        }),
      );
      const alert = await within(section('Time travel')).findByRole('alert');
      expect(alert.textContent).toBe(
        'There is no storage space left on this device, so your settings could not be saved. ' +
          'Free some space (or remove old schedules) and try again. ' +
          'The clock is set for now, but Plan B will not remember it when opened again.',
      );
      expect(store.clock.isReal.value).toBe(false);
    } finally {
      put.mockRestore();
    }
  });

  it('offers quick picks: the first day at 11:00 and each day’s first talk', async () => {
    const store = await openSettings();
    const picks = screen.getByRole('group', { name: 'Quick picks' });
    expect(
      within(picks)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Sat 6 Feb 11:00', 'Sat 6 Feb 09:30, first talk', 'Sun 7 Feb 10:00, first talk']);
    fireEvent.click(within(picks).getByRole('button', { name: 'Sat 6 Feb 11:00' }));
    await waitFor(() =>
      expect(Math.abs(store.clock.now.value - SATURDAY_11_BRUSSELS)).toBeLessThan(60_000),
    );
  });

  it('back to real time', async () => {
    const store = await openSettings({ at: '2027-02-06T11:00' });
    expect(section('Time travel').textContent).toContain('The clock is not real');
    fireEvent.click(screen.getByRole('button', { name: 'Back to real time' }));
    await waitFor(() => expect(store.clock.isReal.value).toBe(true));
    expect(Math.abs(store.clock.now.value - Date.now())).toBeLessThan(60_000);
    expect(section('Time travel').textContent).toContain('The clock is real.');
    expect(screen.queryByRole('button', { name: 'Back to real time' })).toBeNull();
    expectShown(await screen.findByText('Back to real time.'));
  });

  it('explains the ?now= address parameter with a link that uses it', async () => {
    await openSettings();
    const link = within(section('Time travel')).getByRole('link', {
      name: '?now=2027-02-06T11:00',
    });
    expect(link.getAttribute('href')).toMatch(/\?now=2027-02-06T11:00#\/now$/);
  });

  it('#/settings?section=clock brings the time travel section into view and focuses it', async () => {
    route.value = parseRoute('#/settings?section=clock');
    await openSettings();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Time travel'));
  });

  it('shows storage and about without navigator.storage or a service worker', async () => {
    await openSettings();
    const storage = section('Storage');
    await waitFor(() => expect(storage.textContent).not.toContain('Asking the browser'));
    expect(section('About').textContent).toMatch(/Plan B \d+\.\d+\.\d+/);
  });

  it('renders before any schedule exists, ready to load one', async () => {
    const store = await createTestStore({ scheduleText: 'not a schedule' });
    renderWithStore(store, <Settings />);
    expect(store.conference.value).toBeUndefined();
    expect(section('Schedule').textContent).toContain('No schedule is loaded yet');
    expectShown(screen.getByLabelText('From a file'));
    expect(section('Time travel').textContent).toContain('Load a schedule first');
  });
});
