// Views load on demand. The first view's code is fetched while IndexedDB is read; whichever
// finishes first, the placeholder must give way to the view.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { lazyView } from '../../src/ui/lazy';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((done) => setTimeout(done, 150)); // after Preact's effects

describe('a lazily loaded view', () => {
  it('replaces "Loading…" when a preload finishes between the render and its effects', async () => {
    const code = deferred<{ default: () => preact.JSX.Element }>();
    let loads = 0;
    const View = lazyView(() => {
      loads++;
      return code.promise;
    });
    View.preload();
    const root = document.createElement('div');
    render(<View />, root); // outside act(): effects run later, as in the browser
    expect(root.textContent).toBe('Loading…');
    code.resolve({ default: () => <h1>Now</h1> });
    await code.promise; // the preload has finished before the effect runs
    await settle();
    expect(root.textContent).toBe('Now');
    expect(loads).toBe(1);
  });

  it('starts loading on the first render and says so when the code cannot be fetched', async () => {
    const code = deferred<{ default: () => preact.JSX.Element }>();
    let loads = 0;
    const View = lazyView(() => {
      loads++;
      return code.promise;
    });
    const root = document.createElement('div');
    render(<View />, root);
    expect(loads).toBe(1);
    code.reject(new TypeError('Failed to fetch dynamically imported module'));
    await settle();
    expect(root.textContent).toMatch(/could not be loaded \(Failed to fetch dynamically imported/);
    expect(loads).toBe(1);
  });
});
