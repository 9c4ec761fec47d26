/**
 * The real schedules in ../shared/data. Tests that need them are skipped, with the reason in
 * their name, on a machine without that folder; CI always has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of ../shared/data beside the checkout (override with PLANB_SHARED_DATA). */
export const SHARED_DATA_DIR =
  process.env.PLANB_SHARED_DATA ?? resolve(here, '../../../shared/data');

/** True when the real schedule files are present. */
export const hasSharedData = existsSync(resolve(SHARED_DATA_DIR, 'fosdem-2020-schedule.xml'));

/** Path of one real schedule file. */
export function sharedPath(file: string): string {
  return resolve(SHARED_DATA_DIR, file);
}

/** Text of one real schedule file. */
export function readShared(file: string): string {
  return readFileSync(sharedPath(file), 'utf8');
}

const SKIP_REASON = `skipped: real schedules not found at ${SHARED_DATA_DIR}`;
if (!hasSharedData) console.warn(`[planb tests] ${SKIP_REASON}`);

/**
 * describe() for tests on real files. Without them the body never runs (it would read the
 * files): one skipped test stands in for it, named with the reason, so the report shows it.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData) describe(name, body);
  else describe(name, () => it.skip(SKIP_REASON, () => {}));
}

/** The reason tests on real files are skipped here, or undefined when the files are present. */
export const sharedDataSkipReason: string | undefined = hasSharedData ? undefined : SKIP_REASON;
