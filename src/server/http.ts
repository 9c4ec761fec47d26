/**
 * Small HTTP helpers shared by the relay's routes: JSON answers, a size-limited body reader,
 * conditional-request matching.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

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

/** After refusing a body: how long, and how many more bytes, the relay reads before cutting. */
const LINGER_MS = 5_000;
const LINGER_BYTES = 32 << 20;

/**
 * Closes the connection gently once the answer (a 413) is out: the relay stops writing (FIN)
 * but goes on reading and discarding what the client still sends, until the client is done,
 * 5 s have passed or 32 MB more arrived. Cutting at once would reset the connection while the
 * client is still uploading, and a reset makes its system drop the 413 unread (or fail its
 * write with EPIPE before it ever reads).
 */
export function lingerAfterAnswer(socket: Socket): void {
  const lingering = socket as Socket & { destroySoon?: () => void };
  lingering.destroySoon = () => {
    let seen = 0;
    const cut = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(cut, LINGER_MS);
    timer.unref();
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > LINGER_BYTES) cut();
    });
    socket.once('end', cut);
    socket.once('close', () => clearTimeout(timer));
    if (socket.writable) socket.end();
    socket.resume();
  };
}

/**
 * Reads the body as UTF-8, refusing more than `limit` bytes. A refused body is read and
 * discarded while the 413 goes out; the connection then closes gently (lingerAfterAnswer).
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
      lingerAfterAnswer(req.socket);
      resolve({ ok: false, tooLarge: true });
    };
    if (declared > limit) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) return;
      if (size > limit) {
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

/**
 * Reads a JSON request body of at most `limit` bytes. When it is not JSON (415), too large (413)
 * or does not parse (400), the answer is sent here, naming `what` the body should be ("report"),
 * and the result is not ok.
 */
export async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  what: string,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    sendJson(res, 415, { error: `Send the ${what} as Content-Type: application/json.` });
    return { ok: false };
  }
  const body = await readBody(req, limit);
  if (!body.ok) {
    sendJson(res, 413, { error: `A ${what} is at most ${limit} bytes.` }, { Connection: 'close' });
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(body.text) };
  } catch {
    sendJson(res, 400, { error: 'The body is not valid JSON.' });
    return { ok: false };
  }
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
