/**
 * Small HTTP helpers shared by the relay's routes: JSON answers, a size-limited body reader,
 * conditional-request matching and the client's address.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends a JSON body with the right headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** 405 with the Allow header. */
export function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, { error: `Use ${allow}.` }, { Allow: allow });
}

/** A request body read up to a limit. */
export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

/** Bytes drained (and ignored) after a too-large body before the connection is cut. */
const DRAIN_LIMIT = 1 << 20;

/**
 * Reads the body as UTF-8, refusing more than `limit` bytes. A refused body is drained up to
 * 1 MB (so the client reads the 413) and the connection is closed after the answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      resolve({ ok: false, tooLarge: true });
    };
    if (declared > limit) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > DRAIN_LIMIT) req.socket.destroy();
      } else if (size > limit) {
        refuse();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (!refused) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => {
      if (!refused) refuse();
    });
  });
}

/** True when If-None-Match names `etag` (or is "*"), weak or strong. */
export function etagMatches(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** The client's address: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  return req.socket.remoteAddress ?? 'unknown';
}
