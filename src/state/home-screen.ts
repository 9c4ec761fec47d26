/**
 * Adding Plan B to the home screen: whether it already runs from there, and the browser's
 * install prompt when it offers one (Chromium's beforeinstallprompt, captured at start-up so a
 * button can use it later). In the first-load bundle: keep it small.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

/** Chromium's install prompt event (not in the DOM typings). */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** What the views read about installing. */
export interface HomeScreen {
  /** True when the app runs from the home screen (standalone), or was just installed. */
  installed: ReadonlySignal<boolean>;
  /** True when the browser lets a button show its install prompt. */
  canPrompt: ReadonlySignal<boolean>;
  /** The platform's way, for instructions when there is no prompt. */
  platform: 'ios' | 'other';
  /** Shows the browser's install prompt; resolves true when the user accepted. */
  install(): Promise<boolean>;
}

/** Starts listening for the install prompt and for the app being installed. */
export function createHomeScreen(w: Window | undefined = globalThis.window): HomeScreen {
  const standalone =
    !!w &&
    (w.matchMedia?.('(display-mode: standalone)').matches === true ||
      (w.navigator as { standalone?: boolean }).standalone === true);
  const installed = signal(standalone);
  const prompt = signal<InstallPromptEvent | undefined>(undefined);
  const canPrompt = signal(false);
  w?.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own banner for our button, offered where it helps.
    event.preventDefault();
    prompt.value = event as InstallPromptEvent;
    canPrompt.value = true;
  });
  w?.addEventListener('appinstalled', () => {
    installed.value = true;
    canPrompt.value = false;
  });
  const ua = w?.navigator.userAgent ?? '';
  return {
    installed,
    canPrompt,
    platform: /iPhone|iPad|iPod/.test(ua) ? 'ios' : 'other',
    async install() {
      const event = prompt.value;
      if (!event) return false;
      prompt.value = undefined;
      canPrompt.value = false;
      await event.prompt();
      const { outcome } = await event.userChoice;
      if (outcome === 'accepted') installed.value = true;
      return outcome === 'accepted';
    },
  };
}
