// An attendee who opened Plan B in the browser is told how to keep it on the home screen (it
// then opens with no network), and on Chromium can add it with one button.
import { act, fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createHomeScreen } from '../../src/state/home-screen';
import { parseRoute, route } from '../../src/ui/router';
import Now from '../../src/ui/views/Now/Now';
import Settings from '../../src/ui/views/Settings/Settings';
import { createTestStore, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();

/** A window whose browser offers an install prompt the user answers with `outcome`. */
function chromiumWindow(outcome: 'accepted' | 'dismissed') {
  const w = new EventTarget() as EventTarget & Partial<Window>;
  Object.assign(w, {
    navigator: { userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/156' },
    matchMedia: () => ({ matches: false }),
  });
  let prompted = 0;
  const offer = () => {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(event, {
      prompt: async () => {
        prompted++;
      },
      userChoice: Promise.resolve({ outcome }),
    });
    w.dispatchEvent(event);
    return event;
  };
  return { window: w as unknown as Window, offer, prompted: () => prompted };
}

describe('adding Plan B to the home screen', () => {
  it('Now has a quiet link to the how-to while the app runs in a browser tab', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T11:00' }));
    route.value = parseRoute('#/now');
    renderWithStore(store, <Now />);
    const link = screen.getByRole('link', { name: 'Add Plan B to your home screen' });
    expectShown(link);
    expect(link.getAttribute('href')).toBe('#/settings?section=home-screen');
  });

  it('on Chromium the button shows the browser prompt; once accepted, it says so', async () => {
    const browser = chromiumWindow('accepted');
    const homeScreen = createHomeScreen(browser.window);
    const event = browser.offer();
    // The browser's own banner is kept for our button.
    expect(event.defaultPrevented).toBe(true);
    const store = keep(await createTestStore({ homeScreen }));
    route.value = parseRoute('#/settings?section=home-screen');
    renderWithStore(store, <Settings />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add to home screen' }));
    });
    expect(browser.prompted()).toBe(1);
    expectShown(await screen.findByText(/Plan B is on your home screen/));
  });

  it('without a prompt (Safari on iPhone) it gives the steps; a dismissed prompt says so', async () => {
    const iphone = new EventTarget() as EventTarget & Partial<Window>;
    Object.assign(iphone, {
      navigator: { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/605' },
      matchMedia: () => ({ matches: false }),
    });
    const store = keep(await createTestStore({ homeScreen: createHomeScreen(iphone as Window) }));
    route.value = parseRoute('#/settings?section=home-screen');
    const view = renderWithStore(store, <Settings />);
    expectShown(screen.getByText(/In Safari, tap/));
    view.unmount();

    const browser = chromiumWindow('dismissed');
    const homeScreen = createHomeScreen(browser.window);
    browser.offer();
    const other = keep(await createTestStore({ homeScreen }));
    renderWithStore(other, <Settings />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add to home screen' }));
    });
    expectShown(await screen.findByText(/Not added/));
  });
});
