// index.html paints the shell before any script runs; the app then replaces it with its own.
// The two must be the same header and tab bar, or the takeover would move things under the
// attendee's thumb. This test fails when the app's shell changes and index.html does not.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInPageImporter } from '../../src/state/importer';
import { createAppStore } from '../../src/state/store';
import { openPlanBDb } from '../../src/storage/db';
import { App } from '../../src/ui/app';
import { parseRoute, route } from '../../src/ui/router';
import { MAX_STAND_IN_MS, takeOver } from '../../src/ui/take-over';

const INDEX = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');

/** Markup without the whitespace between tags, which does not render in these flex boxes. */
function normalized(element: Element | null): string {
  return (element?.outerHTML ?? '(missing)').replace(/>\s+</g, '><').trim();
}

function paintedShell(): HTMLElement {
  const page = new DOMParser().parseFromString(INDEX, 'text/html');
  const app = page.getElementById('app')!;
  document.body.append(document.adoptNode(app));
  return app;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the shell painted by index.html', () => {
  it('is the header and tab bar the app draws before it knows the schedule', async () => {
    const painted = paintedShell();
    expect(painted.querySelector('main')?.textContent).toBe('Getting the schedule ready…');
    // The app's own first frame: no schedule read yet, no route chosen (no tab is current).
    const db = await openPlanBDb(`planb-shell-${Date.now()}`);
    const store = createAppStore({
      db,
      importer: createInPageImporter(db, async () => new Response('', { status: 503 })),
      scheduleUrl: 'http://planb.test/api/schedule',
      isOnline: () => false,
    });
    route.value = parseRoute('#/talk/none');
    const live = document.createElement('div');
    document.body.append(live);
    render(<App store={store} />, live);
    expect(
      normalized(painted.querySelector('header.topbar')),
      'index.html: update its <header class="topbar"> to what src/ui/app.tsx draws',
    ).toBe(normalized(live.querySelector('header.topbar')));
    expect(
      normalized(painted.querySelector('nav.tabbar')),
      'index.html: update its <nav class="tabbar"> to what src/ui/app.tsx draws',
    ).toBe(normalized(live.querySelector('nav.tabbar')));
    render(null, live);
    await store.start(); // what it loads on demand, loaded before the test environment goes
    store.dispose();
    db.close();
  });
});

describe('the app taking over from the painted screen', () => {
  function fakeStore() {
    return { started: signal(false), activity: signal<null | { label: string }>(null) };
  }
  const busy = '<main><p class="empty" aria-busy="true">Opening your schedule…</p></main>';
  const ready = '<main><h1>Now</h1></main>';

  it('keeps the painted screen until the app has its view, then swaps in one step', async () => {
    const painted = paintedShell();
    const store = fakeStore();
    let into: HTMLElement | undefined;
    const live = takeOver(painted, store as never, (element) => {
      into = element;
      element.innerHTML = busy;
    });
    // Rendering beside it, hidden and inert: the painted screen is what shows.
    expect(painted.isConnected).toBe(true);
    expect(into!.className).toBe('app-pending');
    expect(into!.hasAttribute('inert')).toBe(true);
    store.started.value = true;
    into!.innerHTML = busy; // started, but the view's code is still loading
    await Promise.resolve();
    expect(painted.isConnected).toBe(true);
    into!.innerHTML = ready;
    const root = await live;
    expect(painted.isConnected).toBe(false);
    expect(root).toBe(into);
    expect(root.id).toBe('app');
    expect(root.hasAttribute('inert') || root.hasAttribute('aria-hidden')).toBe(false);
    expect(root.className).toBe('');
    expect(performance.getEntriesByName('planb:takeover').length).toBeGreaterThan(0);
  });

  it('swaps at once while a first import shows its progress', async () => {
    const painted = paintedShell();
    const store = fakeStore();
    const live = takeOver(painted, store as never, (element) => {
      element.innerHTML = busy;
    });
    store.started.value = true;
    store.activity.value = { label: 'Loading the schedule' };
    document.querySelector('.app-pending main')!.append(document.createElement('div'));
    expect((await live).querySelector('[aria-busy]')).not.toBeNull();
    expect(painted.isConnected).toBe(false);
  });

  it('swaps when the attendee follows a link before the app is ready', async () => {
    const painted = paintedShell();
    const live = takeOver(painted, fakeStore() as never, (element) => {
      element.innerHTML = busy;
    });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await live;
    expect(painted.isConnected).toBe(false);
  });

  it('gives up standing in after a while, so a slow app is still usable', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const painted = paintedShell();
      const live = takeOver(painted, fakeStore() as never, (element) => {
        element.innerHTML = busy;
      });
      vi.advanceTimersByTime(MAX_STAND_IN_MS - 1);
      expect(painted.isConnected).toBe(true);
      vi.advanceTimersByTime(1);
      await live;
      expect(painted.isConnected).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
