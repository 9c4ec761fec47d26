/**
 * A logging reverse proxy in front of the relay: the requests that really reached the network,
 * whoever made them (the page, its workers, the service worker, the browser's update checks).
 */
import { createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request that went through. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** Body bytes sent back. */
  bytes: number;
}

/** The proxy: its URL, what went through it, and how to stop it. */
export interface RequestLog {
  url: string;
  entries: LoggedRequest[];
  stop(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (any free port) forwarding to `target` (http://host:port). */
export async function startRequestLog(target: string): Promise<RequestLog> {
  const to = new URL(target);
  const entries: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        // The Host the browser used: the relay's same-origin check compares it with Origin.
        headers: req.headers,
      },
      (answer) => {
        const entry: LoggedRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '',
          status: answer.statusCode ?? 0,
          bytes: 0,
        };
        entries.push(entry);
        answer.on('data', (chunk: Buffer) => {
          entry.bytes += chunk.length;
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    entries,
    stop: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy(); // event streams stay open otherwise
        server.close(() => done());
      }),
  };
}
