/**
 * GET /api/rooms/events: Server-Sent Events. Each client gets the listing at once (unless its
 * Last-Event-ID is the current ETag), then every changed listing as an `event: rooms`, and an
 * `event: ping` every heartbeat so phones notice a dead connection and proxies keep it open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RoomsSnapshot, RoomsView } from './rooms-view';

/** Heartbeat and capacity of the event stream. */
export interface SseOptions {
  /** Between pings (default 15 s). */
  heartbeatMs?: number;
  /** Clients beyond this get 503 and should poll instead (default 20,000). */
  maxClients?: number;
  /** How long a client should wait before reconnecting, told in the stream (default 5 s). */
  retryMs?: number;
}

/** Default SseOptions.maxClients: 10,000 phones measured by `npm run bench`, with room to spare. */
export const DEFAULT_SSE_MAX_CLIENTS = 20_000;

/** A client that cannot keep up (more than this buffered) is disconnected. */
const MAX_BUFFERED = 1 << 20;

/** The set of connected event-stream clients. */
export class SseHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #unsubscribe: () => void;
  readonly #maxClients: number;
  readonly #retryMs: number;
  /** The latest listing as an encoded message, made once and written to every client. */
  #event: { etag: string; bytes: Buffer } | undefined;

  constructor(
    private readonly view: RoomsView,
    options: SseOptions = {},
  ) {
    this.#maxClients = options.maxClients ?? DEFAULT_SSE_MAX_CLIENTS;
    this.#retryMs = options.retryMs ?? 5000;
    this.#unsubscribe = view.onChange((s) => this.#broadcast(this.#encoded(s)));
    this.#heartbeat = setInterval(
      () => this.#broadcast(Buffer.from(`event: ping\ndata: ${Date.now()}\n\n`)),
      options.heartbeatMs ?? 15_000,
    );
    this.#heartbeat.unref();
  }

  /** Connected clients. */
  get size(): number {
    return this.#clients.size;
  }

  /** Takes over the response for as long as the client stays. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.#clients.size >= this.#maxClients) {
      res.writeHead(503, { 'Retry-After': '30', 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'Too many live clients: poll GET /api/rooms instead.' }));
      return;
    }
    const headers = {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    };
    // HEAD has no body to stream: answer the headers at once instead of holding a slot open.
    if (req.method === 'HEAD') return void res.writeHead(200, headers).end();
    res.writeHead(200, { ...headers, Connection: 'keep-alive' });
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    const snapshot = this.view.current();
    const known = req.headers['last-event-id'];
    res.write(`retry: ${this.#retryMs}\n\n`);
    if (known !== snapshot.etag) res.write(this.#encoded(snapshot));
    this.#clients.add(res);
    const drop = () => this.#clients.delete(res);
    res.on('close', drop);
    res.on('error', drop);
  }

  /** Ends every stream and stops the heartbeat. */
  close(): void {
    clearInterval(this.#heartbeat);
    this.#unsubscribe();
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #encoded(s: RoomsSnapshot): Buffer {
    if (this.#event?.etag !== s.etag)
      this.#event = { etag: s.etag, bytes: Buffer.from(roomsEvent(s)) };
    return this.#event.bytes;
  }

  /** Writes one message to every client: the same bytes, encoded once (10,000 phones at FOSDEM). */
  #broadcast(bytes: Buffer): void {
    for (const res of this.#clients) {
      if (res.writableLength > MAX_BUFFERED) {
        res.destroy();
        this.#clients.delete(res);
      } else {
        res.write(bytes);
      }
    }
  }
}

/** One listing as an SSE message; its id is the ETag so a reconnect can skip what it has. */
export function roomsEvent(s: RoomsSnapshot): string {
  return `event: rooms\nid: ${s.etag}\ndata: ${s.body}\n\n`;
}
