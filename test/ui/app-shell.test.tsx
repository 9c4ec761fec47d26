// The shell around every view: the conference in the top bar, the tab bar, and the pretend-clock
// badge that makes it impossible to mistake time travel for the real time.
import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app';
import { parseRoute, route } from '../../src/ui/router';
import { createTestStore, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

describe('the app shell', () => {
  it('shows the conference, the sections and a clearly marked pretend clock', async () => {
    const store = await createTestStore({ at: '2027-02-06T11:00' });
    route.value = parseRoute('#/settings');
    renderWithStore(store, <App store={store} />);
    expectShown(screen.getByRole('link', { name: /Plan B, what is on now/ }));
    expectShown(screen.getByText(/Plan B Demo Conference/));
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    for (const name of ['Now', 'Schedule', 'Search', 'My day', 'Map']) {
      expect(nav.textContent).toContain(name);
    }
    const clock = screen.getByRole('link', {
      name: /Sat 6 Feb 11:00 · pretend time: the clock is not real/,
    });
    expect(clock.textContent).toMatch(/pretend/);
    await waitFor(() => expect(store.started.value).toBe(true));
  });
});
