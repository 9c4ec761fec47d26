import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so the PWA plugin never runs in tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{domain,storage,cli,server,bench,sync,lint}/**/*.test.ts'],
          setupFiles: ['test/support/setup-node.ts'],
          // Some spawn the CLI or the relay, or read a whole FOSDEM schedule: seconds on a busy
          // machine. Speed is measured in `npm run bench`; here a slow run must not fail.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setup-node.ts', 'test/support/setup-dom.ts'],
          // Some render a whole FOSDEM schedule; as above, slowness is the benchmark's to judge.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
