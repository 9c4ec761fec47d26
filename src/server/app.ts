/**
 * The relay's HTTP handler: the built app (static, single-page fallback) and the API.
 * Plan B works without it; the relay adds what one phone cannot know alone.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { ScheduleSource } from './schedule-source';

/** What the relay serves. */
export interface RelayOptions {
  schedule: ScheduleSource;
  /** The built app (vite build output); omitted in API-only tests. */
  distDir?: string;
}

/** Builds the request handler. */
export function createRelayHandler(
  options: RelayOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const serveStatic =
    options.distDir && existsSync(options.distDir)
      ? sirv(options.distDir, {
          single: true,
          etag: true,
          setHeaders(res, pathname) {
            // The service worker and the HTML must always be revalidated so updates are seen.
            if (pathname === '/sw.js' || pathname.endsWith('.html') || pathname === '/') {
              res.setHeader('Cache-Control', 'no-cache');
            } else if (pathname.startsWith('/assets/')) {
              res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
            }
          },
        })
      : undefined;

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      handleApi(url.pathname, req, res, options);
      return;
    }
    if (serveStatic) {
      serveStatic(req, res, () => sendJson(res, 404, { error: 'Not found.' }));
      return;
    }
    sendJson(res, 404, {
      error: 'The app is not built: run `npm run build` (npm start does it for you).',
    });
  };
}

function handleApi(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  options: RelayOptions,
): void {
  const method = req.method ?? 'GET';
  if (path === '/api/health') {
    if (method !== 'GET' && method !== 'HEAD') {
      methodNotAllowed(res, 'GET, HEAD');
      return;
    }
    const s = options.schedule.current;
    sendJson(res, 200, {
      ok: true,
      schedule: {
        title: s.conference.title,
        talks: s.conference.talks.length,
        format: s.conference.source.format,
        loadedAt: new Date(s.loadedAt).toISOString(),
        ...(options.schedule.lastError ? { lastRefreshError: options.schedule.lastError } : {}),
      },
    });
    return;
  }
  if (path === '/api/schedule') {
    if (method !== 'GET' && method !== 'HEAD') {
      methodNotAllowed(res, 'GET, HEAD');
      return;
    }
    const s = options.schedule.current;
    const headers = {
      ETag: s.etag,
      'Last-Modified': s.lastModified,
      'Cache-Control': 'no-cache',
    };
    if (req.headers['if-none-match'] === s.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': s.contentType });
    res.end(method === 'HEAD' ? undefined : s.text);
    return;
  }
  sendJson(res, 404, { error: `No API at ${path}.` });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendJson(res, 405, { error: `Use ${allow}.` });
}

/** Sends a JSON body with the right headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
