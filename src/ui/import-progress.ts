/**
 * What an import's progress reads as, for the top bar and Settings: bytes received of the
 * total ("Downloading 120 KB of 380 KB"), then "Saving 1,079 talks".
 */
import type { Activity } from '../state/store';

/** The bar's filled share (undefined: indeterminate) and the words beside it. */
export function importProgress(progress: Activity['progress']): {
  fraction: number | undefined;
  detail: string;
} {
  if (!progress) return { fraction: undefined, detail: 'Starting' };
  switch (progress.phase) {
    case 'download': {
      const { received, total } = progress;
      if (!total) return { fraction: undefined, detail: `Downloading ${bytes(received)}` };
      return {
        fraction: Math.min(1, received / total) * 0.8,
        detail: `Downloading ${bytes(Math.min(received, total))} of ${bytes(total)}`,
      };
    }
    case 'parse':
      return { fraction: 0.85, detail: 'Reading the schedule' };
    case 'save':
      return {
        fraction: 0.92,
        detail: `Saving ${progress.talks.toLocaleString('en')} ${progress.talks === 1 ? 'talk' : 'talks'}`,
      };
  }
}

/** "812 KB", "2.4 MB" (1 KB = 1,024 bytes, as browsers' download lists count). */
export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024)).toLocaleString('en')} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
