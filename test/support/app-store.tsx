/**
 * Component tests render views against a REAL store: fake-indexeddb (per-test database), the
 * demo conference imported through the same code path as the app, and a pretend clock.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach } from 'vitest';
import { parseVenueDateTime } from '../../src/domain/time';
import { StoreContext } from '../../src/state/context';
import type { HomeScreen } from '../../src/state/home-screen';
import { createInPageImporter } from '../../src/state/importer';
import { type AppStore, createAppStore } from '../../src/state/store';
import { openPlanBDb } from '../../src/storage/db';
import type { PlanBDb } from '../../src/storage/schema';

/** The demo conference's text (data/demo/planb-demo.xml). */
export const DEMO_XML = readFileSync(
  resolve(import.meta.dirname, '../../data/demo/planb-demo.xml'),
  'utf8',
);

let counter = 0;

/** A test's store with its database at hand, to check what was really written. */
export type TestStore = AppStore & { readonly db: PlanBDb };

/**
 * A started store holding `scheduleText` (the demo by default), with the clock set to `at`
 * (venue-local "2027-02-06T11:00") when given; on database `dbName` (two stores on one name
 * play two tabs), else a fresh one.
 */
export async function createTestStore(
  options: { scheduleText?: string; at?: string; dbName?: string; homeScreen?: HomeScreen } = {},
): Promise<TestStore> {
  const db = await openPlanBDb(options.dbName ?? `planb-test-${Date.now()}-${counter++}`);
  const text = options.scheduleText ?? DEMO_XML;
  const fetchImpl: typeof fetch = async () =>
    new Response(text, { status: 200, headers: { ETag: '"test"' } });
  const store = createAppStore({
    db,
    importer: createInPageImporter(db, fetchImpl),
    scheduleUrl: 'http://planb.test/api/schedule',
    isOnline: () => false,
    ...(options.homeScreen ? { homeScreen: options.homeScreen } : {}),
  });
  await store.start();
  if (options.at) {
    const instant = parseVenueDateTime(options.at, store.conference.value!.timeZone);
    if (instant === undefined) throw new Error(`bad test time ${options.at}`);
    await store.setPretendTime(instant);
  }
  return Object.assign(store, { db });
}

/** Renders children inside the store's provider. */
export function renderWithStore(store: AppStore, children: ComponentChildren) {
  return render(<StoreContext.Provider value={store}>{children}</StoreContext.Provider>);
}

/**
 * For a test file: `keep(store)` returns the store and disposes it after the test (timers,
 * listeners, the database connection).
 */
export function disposeAfterEach(): (store: AppStore) => AppStore {
  const stores: AppStore[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) s.dispose();
  });
  return (store) => {
    stores.push(store);
    return store;
  };
}
