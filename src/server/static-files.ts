/**
 * The built app (dist/), served by a small handler of our own instead of a static-file library:
 * every refusal is one we wrote and test.
 *
 * - Looked up per request (one stat): a rebuilt dist/ is served as it is now, a removed file
 *   is a 404.
 * - Never served: a path with a segment that starts with "." (dotfiles and dot folders, at any
 *   depth), anything inside an excluded folder (the relay's data folder, should it sit in
 *   dist/), anything whose real path leaves dist/ (symlinks), source maps unless allowed.
 * - Single-page app: a path whose last segment has no extension and names no file gets
 *   index.html; a missing file with an extension is a 404.
 * - ETag (weak, size + mtime in ms), Last-Modified, 304; one byte range (206/416); HEAD.
 * - Precompressed copies written by the build (file.br, file.gz: src/node/precompress.ts) are
 *   served by Accept-Encoding, with Vary: Accept-Encoding and an ETag of their own; a copy
 *   older than its file by more than a few seconds is stale and ignored. A Range request gets
 *   the plain file, whose bytes are the ones ranges count.
 */
import { createReadStream, realpathSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { chooseEncoding, type Encoding, SUFFIX } from './encoding';
import type { RangeCheck } from './request-target';

/** What the handler may serve. */
export interface StaticOptions {
  /** Folders never served even when inside dist/ (absolute). */
  exclude?: readonly string[];
  /** Serve *.map files (default false: production builds do not publish their sources). */
  sourceMaps?: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
};

/** The file chosen for a request. */
interface Picked {
  file: string;
  info: Stats;
  /** The path its caching rules go by ("/index.html" for the single-page fallback). */
  servedAs: string;
}

/** How much older than its file a precompressed copy may be and still be served. */
const STALE_AFTER_MS = 5_000;

/** A precompressed copy chosen for the request. */
interface Variant {
  encoding: Encoding;
  file: string;
  info: Stats;
}

/** Serves a request for the app; resolves false when there is nothing to serve (→ 404). */
export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  range: RangeCheck,
) => Promise<boolean>;

/** A handler for `root`, or undefined when the folder is missing (the app is not built). */
export function staticFiles(root: string, options: StaticOptions = {}): StaticHandler | undefined {
  const real = (path: string) => {
    try {
      return realpathSync(resolve(path));
    } catch {
      return undefined;
    }
  };
  const base = real(root);
  if (!base) return undefined;
  const excluded = (options.exclude ?? []).map((d) => real(d) ?? resolve(d));
  const inside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

  const lookUp = async (relative: string): Promise<Picked | undefined> => {
    const candidate = join(base, relative);
    try {
      const real = await realpath(candidate);
      if (!inside(real, base) || excluded.some((d) => inside(real, d))) return undefined;
      let info = await stat(real);
      let file = real;
      if (info.isDirectory()) {
        file = join(real, 'index.html');
        info = await stat(file);
      }
      return info.isFile() ? { file, info, servedAs: `/${relative}` } : undefined;
    } catch {
      return undefined;
    }
  };

  const pick = async (pathname: string): Promise<Picked | undefined> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const segments = decoded.split('/').filter(Boolean);
    if (
      segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0')) ||
      (!options.sourceMaps && decoded.endsWith('.map'))
    )
      return undefined;
    const relative = segments.join('/');
    const target = join(base, relative);
    if (excluded.some((d) => inside(target, d))) return undefined;
    const found = await lookUp(relative);
    if (found) return found;
    if (extname(segments.at(-1) ?? '') !== '') return undefined;
    const shell = await lookUp('index.html');
    return shell && { ...shell, servedAs: '/index.html' };
  };

  return async (req, res, pathname, range) => {
    const picked = await pick(pathname);
    if (!picked) return false;
    const variant = range.kind === 'single' ? undefined : await variantOf(req, picked);
    send(req, res, picked, range, variant);
    return true;
  };
}

/** The copy in the best encoding the request accepts, when the build wrote one that is fresh. */
async function variantOf(req: IncomingMessage, p: Picked): Promise<Variant | undefined> {
  const tried = new Set<Encoding>();
  for (;;) {
    const encodings = (['br', 'gzip'] as const).filter((e) => !tried.has(e));
    const encoding = chooseEncoding(req, encodings);
    if (!encoding) return undefined;
    tried.add(encoding);
    const file = p.file + SUFFIX[encoding];
    const info = await stat(file).catch(() => undefined);
    // A file changed after the build (sw.js edited by hand) outdates its copies; a deploy by
    // `cp -r` writes copies and files in any order, within moments of each other.
    if (info?.isFile() && p.info.mtimeMs - info.mtimeMs < STALE_AFTER_MS)
      return { encoding, file, info };
  }
}

function cacheControl(servedAs: string): string | undefined {
  // The service worker and the HTML must always be revalidated so updates are seen.
  if (servedAs === '/sw.js' || servedAs.endsWith('.html') || servedAs === '/') return 'no-cache';
  if (servedAs.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return undefined;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  p: Picked,
  range: RangeCheck,
  variant: Variant | undefined,
): void {
  const info = variant?.info ?? p.info;
  // Each encoding is its own representation: its own size in the tag, and a suffix.
  const etag = `W/"${info.size.toString(36)}-${Math.floor(p.info.mtimeMs).toString(36)}${variant ? `-${variant.encoding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[extname(p.file).toLowerCase()] ?? 'application/octet-stream',
    'Last-Modified': p.info.mtime.toUTCString(),
    ETag: etag,
    'Accept-Ranges': 'bytes',
    // The answer depends on Accept-Encoding for every file (a copy may exist): caches must know.
    Vary: 'Accept-Encoding',
  };
  if (variant) headers['Content-Encoding'] = variant.encoding;
  const cache = cacheControl(p.servedAs);
  if (cache) headers['Cache-Control'] = cache;
  const inm = req.headers['if-none-match'];
  if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2))) {
    res.writeHead(304, headers).end();
    return;
  }
  let start = 0;
  let end = info.size - 1;
  let status = 200;
  if (range.kind === 'single') {
    if (range.first >= info.size) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` }).end();
      return;
    }
    start = range.first;
    end = Math.min(range.last ?? end, end);
    status = 206;
    headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
  }
  headers['Content-Length'] = Math.max(0, end - start + 1);
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || info.size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(variant?.file ?? p.file, { start, end });
  // A read error (a file removed mid-request) ends this answer, never the process.
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
