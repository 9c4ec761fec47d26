/**
 * Reading what a request asks for without trusting it: the request target (origin-form "/x",
 * absolute-form "http://host/x", or anything an attacker types) and the Range header. Both were
 * ways to end the relay with one request (`new URL` throws on "http://[", the static file stream
 * throws on "bytes=5-2"), so they are checked here before any route sees them.
 */

/** The path and query of a request target, or undefined when it is not one we can read. */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  const raw = target ?? '/';
  // origin-form is the normal case; absolute-form is legal for proxies and must parse as a URL.
  if (!raw.startsWith('/') && !/^https?:\/\//i.test(raw)) return undefined;
  // "//host/x" reads as a scheme-relative URL to every parser down the line (the crashes were
  // "//[" and "//a:b@:x/"): no client of ours sends one, so it is refused, not guessed at.
  if (raw.startsWith('//')) return undefined;
  if (!URL.canParse(raw, 'http://localhost')) return undefined;
  const url = new URL(raw, 'http://localhost');
  // Only the path and query matter: answer as if it was asked of this host. Resolving dot
  // segments can leave "//" in front ("/..//"), which would read as an authority again.
  return new URL(`${url.pathname.replace(/^\/{2,}/, '/')}${url.search}`, 'http://localhost');
}

/** What to do with a Range header before the static server sees it. */
export type RangeCheck =
  | { kind: 'none' }
  /** Serve the whole file: a range form we do not serve partially (suffix, multi, other unit). */
  | { kind: 'ignore' }
  /** A single `bytes=first-last` (or `first-`) range the static server handles. */
  | { kind: 'single'; first: number; last?: number }
  /** Syntactically invalid ("bytes=5-2", "bytes=x"): 416. */
  | { kind: 'invalid' };

const SINGLE = /^bytes=(\d{1,15})-(\d{0,15})$/;

/**
 * Sorts a Range header (RFC 9110 §14.1.2): a single absolute byte range is served as asked;
 * suffix ranges, several ranges and unknown units are ignored (the whole file, which the RFC
 * allows); a byte range whose last position is before its first, or that is not a range at
 * all, is invalid.
 */
export function checkRange(header: string | string[] | undefined): RangeCheck {
  if (header === undefined) return { kind: 'none' };
  if (Array.isArray(header)) return { kind: 'ignore' };
  const value = header.trim().replace(/\s+/g, '');
  if (!/^bytes=/i.test(value)) return { kind: 'ignore' };
  const m = SINGLE.exec(value.replace(/^bytes=/i, 'bytes='));
  if (m) {
    const first = Number(m[1]);
    if (m[2] === '') return { kind: 'single', first };
    const last = Number(m[2]);
    return last < first ? { kind: 'invalid' } : { kind: 'single', first, last };
  }
  if (/^bytes=(\d*-\d*)(,\d*-\d*)*$/i.test(value) && value !== 'bytes=-') return { kind: 'ignore' };
  return { kind: 'invalid' };
}
