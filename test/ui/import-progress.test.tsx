// The first open on a slow venue network: the bar says how much of the schedule has arrived and
// how much is left, the talks are on screen before the abstracts have arrived, the download can
// be cancelled, and a failed one says why and offers Retry.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import { COMPACT_MEDIA_TYPE, encodeCompact } from '../../src/domain/schedule/compact';
import { createInPageImporter } from '../../src/state/importer';
import { createAppStore } from '../../src/state/store';
import { openPlanBDb } from '../../src/storage/db';
import { App } from '../../src/ui/app';
import { importProgress } from '../../src/ui/import-progress';
import { parseRoute, route } from '../../src/ui/router';
import { DEMO_XML, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();
const COMPACT = new TextEncoder().encode(encodeCompact(parseSchedule(DEMO_XML)));
/** Where line 2 (the talk summaries) ends: the first screen can paint from there. */
const SUMMARIES_END = (() => {
  const first = COMPACT.indexOf(10);
  return COMPACT.indexOf(10, first + 1) + 1;
})();
let dbCounter = 0;

/** A relay whose answer arrives in parts the test releases; `fail` cuts it off instead. */
function slowRelay() {
  let release: (() => void) | undefined;
  let calls = 0;
  const fetchImpl: typeof fetch = async (_url, init) => {
    calls++;
    release = undefined;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(COMPACT.slice(0, 300));
        controller.enqueue(COMPACT.slice(300, SUMMARIES_END));
        try {
          await new Promise<void>((resolve, reject) => {
            release = resolve;
            init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
          });
          controller.enqueue(COMPACT.slice(SUMMARIES_END));
          controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': `${COMPACT_MEDIA_TYPE}; charset=utf-8`,
        'Content-Length': String(COMPACT.length),
        ETag: '"demo.c1"',
      },
    });
  };
  return {
    fetchImpl,
    release: () => release?.(),
    get waiting() {
      return release !== undefined;
    },
    get calls() {
      return calls;
    },
  };
}

async function firstOpen(fetchImpl: typeof fetch) {
  const db = await openPlanBDb(`planb-progress-${Date.now()}-${dbCounter++}`);
  const store = keep(
    createAppStore({
      db,
      importer: createInPageImporter(db, fetchImpl),
      scheduleUrl: 'http://planb.test/api/schedule',
      isOnline: () => true,
      nowParam: '2027-02-06T11:00',
    }),
  );
  route.value = parseRoute('#/schedule');
  renderWithStore(store, <App store={store} />);
  const started = store.start();
  return { store, started };
}

describe('the first download of the schedule', () => {
  it('shows bytes received of the total, and the talks before the abstracts have arrived', async () => {
    const relay = slowRelay();
    const { store, started } = await firstOpen(relay.fetchImpl);
    await waitFor(() => expect(relay.waiting).toBe(true));
    // Line 2 is in: the schedule lists the talks while the rest still downloads.
    const total = Math.round(COMPACT.length / 1024);
    await waitFor(() =>
      expectShown(screen.getByText(new RegExp(`Downloading \\d+ KB of ${total} KB`))),
    );
    // (The Schedule view's code loads on demand: give it time on a busy machine.)
    await waitFor(
      () => expectShown(document.querySelector<HTMLElement>('main a[href^="#/talk/"]')),
      { timeout: 10_000 },
    );
    expect(store.version.value).toBeUndefined(); // nothing stored yet
    relay.release();
    await started;
    expect(store.version.value?.talkCount).toBe(parseSchedule(DEMO_XML).talks.length);
    expect(store.conference.value?.talks.some((t) => t.abstract.length > 0)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('can be cancelled, says so, and Retry loads it', async () => {
    const relay = slowRelay();
    const { store, started } = await firstOpen(relay.fetchImpl);
    await waitFor(() => expect(relay.waiting).toBe(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await started;
    expectShown(await screen.findByText(/You cancelled the download/));
    // The talks shown early were never stored: they are gone with the cancelled download.
    expect(store.conference.value).toBeUndefined();
    expect(store.version.value).toBeUndefined();

    // Retry asks the relay again; this time the answer comes through.
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(relay.calls).toBe(2));
    await waitFor(() => expect(relay.waiting).toBe(true));
    relay.release();
    await waitFor(() => expect(store.version.value).toBeDefined());
    expect(screen.queryByText(/You cancelled the download/)).toBeNull();
  });

  it('that fails says why and offers Retry, which loads it once the network is back', async () => {
    let online = false;
    const fetchImpl: typeof fetch = async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return new Response(COMPACT, {
        headers: { 'Content-Type': COMPACT_MEDIA_TYPE, 'Content-Length': String(COMPACT.length) },
      });
    };
    const { store, started } = await firstOpen(fetchImpl);
    await started;
    expectShown(
      await screen.findByText(
        /Could not download the schedule .*no network, or the server could not be reached/,
      ),
    );
    online = true;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(store.version.value).toBeDefined());
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});

describe('the progress words', () => {
  it('read as bytes of the total, then the talks being saved', () => {
    expect(importProgress({ phase: 'download', received: 120 * 1024, total: 380 * 1024 })).toEqual({
      fraction: (120 / 380) * 0.8,
      detail: 'Downloading 120 KB of 380 KB',
    });
    expect(importProgress({ phase: 'download', received: 2.5 * 1024 * 1024 }).detail).toBe(
      'Downloading 2.5 MB',
    );
    expect(importProgress({ phase: 'save', talks: 1079 }).detail).toBe('Saving 1,079 talks');
  });
});
