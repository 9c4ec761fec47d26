/**
 * The reminder settings (minutes before, talks switched off), kept in the settings store under
 * one key, read by the app and by the service worker when a push arrives.
 */
import { normalizeReminderSettings, type ReminderSettings } from '../domain/reminders';
import type { PlanBDb } from './schema';
import { getSetting, setSetting } from './settings-repo';

/** The settings key. Do not change without a migration. */
const KEY = 'reminders';

/** The reminder settings (the defaults when never set, or when the stored value is damaged). */
export async function getReminderSettings(db: PlanBDb): Promise<ReminderSettings> {
  return normalizeReminderSettings(await getSetting(db, KEY));
}

/** Saves the reminder settings (StorageFullError when the disk is full). */
export function setReminderSettings(db: PlanBDb, settings: ReminderSettings): Promise<void> {
  return setSetting(db, KEY, { minutesBefore: settings.minutesBefore, off: [...settings.off] });
}
