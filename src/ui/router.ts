/**
 * Hash routing (#/talk/<key>): works from the service worker's single index.html with no server
 * rules, and survives offline reloads. A route is a path of segments plus query parameters.
 */
import { signal } from '@preact/signals';

/** The current route. */
export interface Route {
  /** Decoded path segments: "#/talk/slug%3Afoo" → ["talk", "slug:foo"]. */
  path: string[];
  params: URLSearchParams;
}

/** Reads a hash ("#/talk/slug%3Afoo?day=1") as a route. */
export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const path = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path, params: new URLSearchParams(query) };
}

/** The current route as a signal; updated on hashchange. */
export const route = signal<Route>(
  parseRoute(typeof location === 'undefined' ? '' : location.hash),
);

/** The last address written by replaceQuietly: not a navigation, whoever reports it. */
let quietAddress: string | undefined;

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (event) => {
    // Browsers never fire hashchange for replaceState; happy-dom (component tests) does.
    const echo = event.newURL === quietAddress;
    quietAddress = undefined; // a later real visit to the same address is a navigation
    if (!echo) route.value = parseRoute(location.hash);
  });
}

/** Builds an href: href(['talk', key], {day: 1}) → "#/talk/<key>?day=1". */
export function href(
  path: readonly string[],
  params?: Record<string, string | number | boolean | undefined | null>,
): string {
  const to = `#/${path.map(encodeURIComponent).join('/')}`;
  if (!params) return to; // most links: no parameters to encode
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== false && v !== '') search.set(k, String(v));
  }
  const query = search.toString();
  return query ? `${to}?${query}` : to;
}

/** Goes to a route; `replace` keeps the history entry (for filters and typing). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    history.replaceState(history.state, '', to);
    route.value = parseRoute(to);
  } else {
    location.hash = to.replace(/^#/, '');
  }
}

/**
 * Rewrites the address without telling the app (the route signal keeps its value): for a view
 * that holds the state itself while the user types, so the shell does not re-render per key.
 * Back/forward and reloads still find the new address.
 */
export function replaceQuietly(to: string): void {
  history.replaceState(history.state, '', to);
  quietAddress = location.href;
}
