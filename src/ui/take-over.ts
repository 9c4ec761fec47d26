/**
 * The painted screen (index.html's shell, or the last screen the service worker kept) stays up
 * until the live app has something of its own to show. The app renders beside it, hidden, and
 * replaces it in one step: no half-built frame ("Opening your schedule…") in between, and no
 * layout shift, since the live app's elements are new ones, not moved ones.
 * This module is in the first-load bundle: keep it small.
 */
import type { AppStore } from '../state/store';

/** How long a painted screen may stand in for an app that is slow to get ready. */
export const MAX_STAND_IN_MS = 3000;

/**
 * Renders the app with `draw` into a hidden sibling of `painted` and swaps it in once the store
 * has started and the view's code is there (or an import shows its progress), on the first
 * navigation, or after MAX_STAND_IN_MS. Resolves with the live root (it takes `painted`'s id).
 */
export function takeOver(
  painted: HTMLElement,
  store: Pick<AppStore, 'started' | 'activity'>,
  draw: (into: HTMLElement) => void,
): Promise<HTMLElement> {
  const live = document.createElement('div');
  live.className = 'app-pending';
  live.setAttribute('inert', '');
  live.setAttribute('aria-hidden', 'true');
  painted.after(live);
  return new Promise((done) => {
    let swapped = false;
    const ready = () =>
      store.started.value &&
      (store.activity.value !== null || !live.querySelector('main > [aria-busy="true"]'));
    const swap = () => {
      if (swapped) return;
      swapped = true;
      observer.disconnect();
      clearTimeout(timer);
      removeEventListener('hashchange', swap);
      const focused = painted.contains(document.activeElement);
      painted.replaceWith(live);
      live.id = painted.id;
      live.removeAttribute('class');
      live.removeAttribute('inert');
      live.removeAttribute('aria-hidden');
      if (focused || document.activeElement === document.body)
        live.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
      performance.mark?.('planb:takeover');
      done(live);
    };
    // Preact commits a render in one go: the check after each batch of changes sees whole frames.
    const observer = new MutationObserver(() => ready() && swap());
    observer.observe(live, { childList: true, subtree: true });
    addEventListener('hashchange', swap);
    const timer = setTimeout(swap, MAX_STAND_IN_MS);
    draw(live);
    if (ready()) swap();
  });
}
