/** Small typed access to the settings store (key → JSON value). */
import { guardQuota } from './errors';
import { NAMES, type PlanBDb } from './schema';

/** A setting, or undefined when never set. */
export async function getSetting<T>(db: PlanBDb, key: string): Promise<T | undefined> {
  return (await db.get(NAMES.settings, key)) as T | undefined;
}

/** Sets (or, with null/undefined, removes) a setting. */
export async function setSetting(db: PlanBDb, key: string, value: unknown): Promise<void> {
  if (value === null || value === undefined) {
    await db.delete(NAMES.settings, key);
    return;
  }
  await guardQuota('your settings', () => db.put(NAMES.settings, value, key));
}
