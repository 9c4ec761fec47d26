// Component tests: unmount whatever a test rendered, so the next test starts from a clean page.
import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

// Preact runs effects after the next animation frame, with a 100 ms timer as a fallback that
// cancels the frame. When a file ends before that frame, the timer fires after the DOM
// environment is gone (cancelAnimationFrame is not defined). Let the pending frames run first:
// each one clears its timer.
afterAll(async () => {
  for (let i = 0; i < 2; i++)
    await new Promise<void>((done) => requestAnimationFrame(() => done()));
});
