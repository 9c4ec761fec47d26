/**
 * Headers on every answer of the relay, and who may POST reports from a browser.
 *
 * The app runs under a Content-Security-Policy with no inline script: its scripts, styles,
 * workers and manifest come from the relay itself; `connect-src` also allows https: because
 * Settings can load a schedule from any web address (the import worker fetches it). API answers
 * are data and get a policy that allows nothing. Every answer also says nosniff, no referrer, no
 * framing (frame-ancestors and X-Frame-Options for older browsers) and no powerful features.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The app's policy (test/e2e/security.test.ts checks the app runs under it). */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy of JSON and event-stream answers: nothing to run, nothing to frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const COMMON: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=(), hid=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sets the headers every answer carries (routes may add or override). */
export function setSecurityHeaders(res: ServerResponse, api: boolean): void {
  for (const [name, value] of Object.entries(COMMON)) res.setHeader(name, value);
  res.setHeader('Content-Security-Policy', api ? API_CSP : APP_CSP);
}

/**
 * True when a browser request may write (POST a report): no Origin (not a browser page: curl,
 * the bench, a phone's background sync), the relay's own origin, or one of `allowed` ("*" allows
 * every origin). The own origin is the request's Host (X-Forwarded-Host behind trusted proxies).
 */
export function originAllowed(
  req: IncomingMessage,
  allowed: readonly string[],
  trustForwardedHost: boolean,
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  const forwarded = trustForwardedHost ? req.headers['x-forwarded-host'] : undefined;
  const host = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded?.split(',').at(-1))
    ?.trim()
    .toLowerCase();
  try {
    return new URL(origin).host === (host || req.headers.host?.toLowerCase());
  } catch {
    return false;
  }
}
