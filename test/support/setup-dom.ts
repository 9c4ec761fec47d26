// Component tests: unmount whatever a test rendered, so the next test starts from a clean page.
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
