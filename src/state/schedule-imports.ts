/**
 * Importing a schedule as the views see it: the progress bar (`activity`), the notice that says
 * what changed for the user's own talks, and the quiet refresh of the configured schedule.
 */
import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Conference, TalkKey } from '../domain/model';
import { ImportError } from '../storage/errors';
import type { ConferenceVersion } from '../storage/schema';
import type { ImportOutcome, ImportProgress, ImportRequest } from '../sync/schedule-import';
import type { Importer } from './importer';
import type { Notices } from './notices';

export type { ImportOutcome, ImportProgress, ImportRequest };

/** What the app is busy with, for progress bars; null when idle. */
export interface Activity {
  label: string;
  /** Where the import is (never "first-talks": those go to the screen, not the bar). */
  progress?: Exclude<ImportProgress, { phase: 'first-talks' }>;
  /** Stops the import while it downloads and reads (a save is short and atomic). */
  cancel?: () => void;
}

/** The import part of the store. */
export interface ScheduleImports {
  activity: ReadonlySignal<Activity | null>;
  /** Why the first schedule could not be loaded (no schedule yet and the import failed). */
  startError: Signal<string | null>;
  /** Imports a schedule (URL or file text); rejects with an ImportError safe to show. */
  importSchedule(request: ImportRequest): Promise<ImportOutcome>;
  /** Checks the configured schedule for changes (conditional request). */
  refresh(): Promise<void>;
}

/** What imports need from the store. */
export interface ScheduleImportsDeps {
  importer: Importer;
  /** The schedule loaded on first run and refreshed: the relay's /api/schedule by default. */
  scheduleUrl: string;
  version: ReadonlySignal<ConferenceVersion | undefined>;
  bookmarks: ReadonlySignal<ReadonlyMap<TalkKey, unknown>>;
  notices: Notices;
  /** Re-reads the schedule and user data after an import (or a failed one, after a preview). */
  reload(): Promise<void>;
  /** Shows talks that arrived before the import is stored (only when there is no schedule yet). */
  showFirstTalks(conference: Conference): void;
}

/** Creates the import part of the store. */
export function createScheduleImports(deps: ScheduleImportsDeps): ScheduleImports {
  const activity = signal<Activity | null>(null);
  const startError = signal<string | null>(null);

  async function importSchedule(request: ImportRequest): Promise<ImportOutcome> {
    const label = request.kind === 'url' ? 'Loading the schedule' : `Loading ${request.name}`;
    const controller = new AbortController();
    const cancel = () => controller.abort();
    activity.value = { label, cancel };
    const started = performance.now();
    let previewed = false;
    try {
      const outcome = await deps.importer(
        request,
        (progress) => {
          if (progress.phase === 'first-talks') {
            // The first screen paints from these while the rest downloads and is stored.
            if (deps.version.value) return;
            previewed = true;
            deps.showFirstTalks(progress.conference);
            performance.mark?.('planb:first-talks');
            return;
          }
          // Saving cannot be cancelled: it is short, and all or nothing.
          const canCancel = progress.phase !== 'save';
          activity.value = { label, progress, ...(canCancel ? { cancel } : {}) };
        },
        controller.signal,
      );
      if (outcome.status === 'imported') {
        const before = new Set(deps.bookmarks.value.keys());
        await deps.reload();
        // Read by the browser benchmark (bench/browser.ts): download + parse + save + read back.
        performance.measure?.('planb:import', { start: started, end: performance.now() });
        startError.value = null;
        if (outcome.diff) {
          const { affecting, describeDiff } = await import('../domain/diff');
          const mine = affecting(outcome.diff, before);
          const parts = [`Schedule updated: ${describeDiff(outcome.diff.counts)}`];
          if (mine.talks > 0) parts.push(mine.sentence);
          deps.notices.push({ kind: mine.talks > 0 ? 'warning' : 'info', text: parts.join(' ') });
        }
      }
      return outcome;
    } catch (error) {
      // Talks shown early were never stored: back to what storage holds.
      if (previewed) await deps.reload();
      throw error;
    } finally {
      activity.value = null;
    }
  }

  return {
    activity,
    startError,
    importSchedule,
    async refresh() {
      // Only the configured schedule is refreshed automatically: a schedule the user loaded from
      // a file or another address is theirs, and is never replaced behind their back.
      const current = deps.version.value;
      if (current && current.source !== deps.scheduleUrl) return;
      try {
        await importSchedule({ kind: 'url', url: deps.scheduleUrl, ifChanged: true });
      } catch (error) {
        // The current schedule stays either way. No network is normal at a venue: stay quiet.
        // A new version that cannot be read is worth saying (the message says nothing changed).
        if (error instanceof ImportError && ['download', 'cancelled'].includes(error.reason))
          return;
        const message = (error as Error).message;
        deps.notices.push({ kind: 'warning', text: `The schedule was updated, but ${message}` });
      }
    },
  };
}
