/**
 * Keeps the Now screen for the next start (loaded after the app has taken over, not in the
 * first-load bundle): once painted after a new schedule or a visit to Now, and whenever the
 * page is hidden (the last screen seen), while Now is the view. A Now screen that shows talks
 * but cannot be kept safely (text that reads as relative time, "Nothing is on now") replaces
 * nothing: the older one is forgotten, so an old screen is never painted for a newer state.
 */
import { effect } from '@preact/signals';
import type { AppStore } from './state/store';
import { forgetSavedScreen, writeSavedScreen } from './storage/saved-screen';
import { route } from './ui/router';
import { captureNowScreen } from './ui/saved-screen';

/** Starts keeping screens of the live app in `root` (the element that took over as #app). */
export function keepScreens(root: HTMLElement, store: AppStore): void {
  // What was kept last, as it was on screen: the same screen is not copied again (the copy
  // costs the main thread, and the page may be on its way out).
  let kept: string | undefined;
  const keep = async () => {
    const zone = store.conference.value?.timeZone;
    const onNow = (route.value.path[0] ?? 'now') === 'now';
    const app = root.querySelector('.app');
    const main = app?.querySelector('main');
    // Now still drawing its talks (a new schedule): nothing to say about the kept screen yet.
    if (!zone || !onNow || !app || !main?.querySelector('.now-view a[href^="#/talk/"]')) return;
    const shown = main.innerHTML;
    if (shown === kept) return;
    kept = shown;
    const stylesheet = document.querySelector('link[rel="stylesheet"]')?.getAttribute('href');
    const html = captureNowScreen(app, store.clock.now.value, zone);
    if (!html || !stylesheet) return forgetSavedScreen();
    await writeSavedScreen({ html, route: '#/now', stylesheet, savedAt: Date.now() });
  };
  // Storage full or Cache Storage unavailable: the next start paints the plain shell instead.
  const tryKeep = () => void keep().catch(() => undefined);
  // When the page is idle after a change of schedule or route: the rows beyond the first
  // screen come one frame after it (Now's FIRST_PAINT_ROWS).
  let pending: ReturnType<typeof setTimeout> | undefined;
  const keepWhenIdle = () => {
    clearTimeout(pending);
    // Without requestIdleCallback (Safari), a little after the render.
    pending = setTimeout(() => (window.requestIdleCallback ?? setTimeout)(tryKeep), 300);
  };
  effect(() => {
    void store.conference.value;
    void route.value;
    keepWhenIdle();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') tryKeep();
  });
}
