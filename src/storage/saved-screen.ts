/**
 * The last first screen the app painted (Now), kept in Cache Storage so that the service worker
 * can serve it inside the shell on the next start: talks on screen before any script has run,
 * as a server-rendered page would have them. The page writes it (sanitized, with nothing in it
 * that was true only at that moment: src/ui/saved-screen.ts); the service worker reads it
 * (src/sw.ts). Both run this module, so it uses nothing but the Cache API and strings.
 */

/** One saved screen. */
export interface SavedScreen {
  /** Sanitized markup of the whole shell: `<div class="app saved-screen">`, header, main, tabs. */
  html: string;
  /** The route it shows ("#/now"); a start on another route gets the shell without it. */
  route: string;
  /** The stylesheet it was drawn with: after an update, an older screen is not served. */
  stylesheet: string;
  /** When it was saved (the real clock, ms). */
  savedAt: number;
}

/** The cache that holds it (not one of Workbox's precaches: an update never deletes it). */
export const SAVED_SCREEN_CACHE = 'planb-saved-screen';
/** Its key in that cache: a URL nothing fetches. */
const KEY = '/planb-saved-screen';

/** The markers around index.html's painted shell: what a saved screen replaces. */
export const SCREEN_START = '<!--planb:screen-->';
export const SCREEN_END = '<!--/planb:screen-->';
/** The classic script that runs before the body is parsed and checks the route. */
export const SCREEN_GUARD = '/screen-guard.js';

/** Keeps `screen` for the next start, replacing the one kept before. */
export async function writeSavedScreen(screen: SavedScreen): Promise<void> {
  const cache = await caches.open(SAVED_SCREEN_CACHE);
  await cache.put(
    KEY,
    new Response(JSON.stringify(screen), { headers: { 'Content-Type': 'application/json' } }),
  );
}

/** The screen kept last, or undefined (none, or not one this code wrote). */
export async function readSavedScreen(): Promise<SavedScreen | undefined> {
  const cache = await caches.open(SAVED_SCREEN_CACHE);
  const response = await cache.match(KEY);
  if (!response) return undefined;
  const value = (await response.json().catch(() => undefined)) as Partial<SavedScreen> | undefined;
  if (
    typeof value?.html !== 'string' ||
    typeof value.route !== 'string' ||
    typeof value.stylesheet !== 'string' ||
    typeof value.savedAt !== 'number'
  )
    return undefined;
  return value as SavedScreen;
}

/** Forgets the kept screen (the user cleared their data, or the schedule went away). */
export async function forgetSavedScreen(): Promise<void> {
  await caches.delete(SAVED_SCREEN_CACHE);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * index.html (`shell`) with `screen` in place of its painted shell, and in its head the route
 * the screen shows and the guard that hides it on another route. Undefined when the shell has
 * no markers or links another stylesheet than the one the screen was drawn with.
 */
export function pageWithSavedScreen(shell: string, screen: SavedScreen): string | undefined {
  const start = shell.indexOf(SCREEN_START);
  const end = shell.indexOf(SCREEN_END);
  const headEnd = shell.indexOf('</head>');
  if (start < 0 || end < start || headEnd < 0 || headEnd > start) return undefined;
  if (!screen.stylesheet || !shell.slice(0, headEnd).includes(`href="${screen.stylesheet}"`))
    return undefined;
  const guard = `<meta name="planb-saved-route" content="${escapeAttribute(screen.route)}"><script src="${SCREEN_GUARD}"></script>`;
  return (
    shell.slice(0, headEnd) +
    guard +
    shell.slice(headEnd, start + SCREEN_START.length) +
    screen.html +
    shell.slice(end)
  );
}
