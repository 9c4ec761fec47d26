/**
 * A throttling proxy in front of the relay, so that everything the browser downloads is slowed
 * alike: the page, the service worker's precache and the import worker (CDP's network emulation
 * applies to the page only). It models a shared link: every response's bytes go through one
 * downlink at `downKbps`, request bodies through one uplink at `upKbps`, each request waits one
 * round trip before its answer starts and each new connection one more (TCP's handshake). It
 * also counts the bytes it passes (status line, headers and body, as sent: compressed).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Link settings; Chromium's "Fast 3G" is 1.6 Mbps down, 750 kbps up, 150 ms RTT. */
export interface LinkProfile {
  downKbps: number;
  upKbps: number;
  rttMs: number;
}

export const FAST_3G: LinkProfile = { downKbps: 1600, upKbps: 750, rttMs: 150 };

/** A running proxy. */
export interface ThrottleProxy {
  url: string;
  /** Bytes sent to the browser since the last reset. */
  bytesDown(): number;
  resetCount(): void;
  /** Resolves once no request has been open for `quietMs`. */
  idle(quietMs: number): Promise<void>;
  close(): Promise<void>;
}

const SLICE = 8 * 1024;

/** One direction of the link: bytes leave one after another at the link's rate. */
class Link {
  #freeAt = 0;
  constructor(private readonly bytesPerMs: number) {}
  /** When `bytes` queued now will have gone through. */
  schedule(bytes: number): number {
    const now = performance.now();
    this.#freeAt = Math.max(now, this.#freeAt) + bytes / this.bytesPerMs;
    return this.#freeAt - now;
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Starts a proxy to `target` (http://127.0.0.1:port) with `profile` (none: full speed). */
export async function startThrottleProxy(
  target: string,
  profile?: LinkProfile,
): Promise<ThrottleProxy> {
  const upstream = new URL(target);
  const down = profile ? new Link((profile.downKbps * 1000) / 8 / 1000) : undefined;
  const up = profile ? new Link((profile.upKbps * 1000) / 8 / 1000) : undefined;
  const rtt = profile?.rttMs ?? 0;
  let sent = 0;
  let open = 0;
  let lastActivity = performance.now();
  const fresh = new WeakSet<Socket>();

  const server: Server = createServer(async (req, res) => {
    open++;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      open--;
      lastActivity = performance.now();
    };
    res.on('close', done);
    // A new connection costs a round trip (handshake) before its first request.
    if (fresh.has(req.socket)) {
      fresh.delete(req.socket);
      await wait(rtt);
    }
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return void res.destroy();
    }
    const body = Buffer.concat(chunks);
    if (up && body.length) await wait(up.schedule(body.length));
    await wait(rtt); // the request's way there and the answer's first byte's way back
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      async (answer) => {
        // A live event stream never ends: it does not keep the page from being idle.
        if (String(answer.headers['content-type']).includes('event-stream')) done();
        const head = `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n${Object.entries(
          answer.headers,
        )
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n`;
        sent += head.length;
        if (down) await wait(down.schedule(head.length));
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        try {
          for await (const chunk of answer) {
            const buffer = chunk as Buffer;
            for (let i = 0; i < buffer.length; i += SLICE) {
              const slice = buffer.subarray(i, i + SLICE);
              if (down) await wait(down.schedule(slice.length));
              sent += slice.length;
              if (res.destroyed) return;
              if (!res.write(slice)) await new Promise((r) => res.once('drain', r));
            }
          }
          res.end();
        } catch {
          res.destroy(); // the relay or the browser went away mid-answer
        }
      },
    );
    forward.on('error', () => res.destroy());
    forward.end(body);
  });
  server.on('connection', (socket) => fresh.add(socket));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesDown: () => sent,
    resetCount: () => {
      sent = 0;
    },
    async idle(quietMs) {
      while (open > 0 || performance.now() - lastActivity < quietMs) await wait(100);
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
