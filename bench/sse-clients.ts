/**
 * The load generator of the fan-out bench, run as its own process (`node --import tsx
 * bench/sse-clients.ts`, forked with IPC by bench/fanout.ts): hand-rolled raw sockets to
 * 127.0.0.1 only, each a phone holding GET /api/rooms/events open. It counts the `event: rooms`
 * messages each socket receives, and on "change" posts one report itself and times, on its own
 * clock, how long each socket takes to hear about it. It never outlives its parent: it exits on
 * "stop", when the IPC channel closes, or after BENCH_FANOUT_MAX_SECONDS (default 180) whatever
 * happens.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

/** Messages from the bench. */
export type ToClients =
  | { type: 'connect'; port: number; count: number }
  | { type: 'change'; port: number; body: string; timeoutMs: number }
  | { type: 'stop' };

/** Answers to the bench. */
export type FromClients =
  | { type: 'connected'; open: number; failed: number; ms: number }
  | { type: 'changed'; latencies: number[]; missed: number; postMs: number };

const MARK = Buffer.from('event: rooms\n');
const BATCH = 250;

interface Phone {
  socket: Socket;
  /** `event: rooms` messages seen so far. */
  seen: number;
  /** The tail of the last chunk, so a mark split between two reads is still found. */
  tail: Buffer;
  /** Called when `seen` grows (set while a change is being timed). */
  onEvent?: () => void;
}

const phones: Phone[] = [];

function open(port: number): Promise<Phone | undefined> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const phone: Phone = { socket, seen: 0, tail: Buffer.alloc(0) };
    let headers = false;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      socket.write(
        `GET /api/rooms/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      if (!headers) {
        headers = true;
        if (!chunk.subarray(0, 16).toString('latin1').startsWith('HTTP/1.1 200')) {
          socket.destroy();
          return done(undefined);
        }
        done(phone);
      }
      const text = phone.tail.length ? Buffer.concat([phone.tail, chunk]) : chunk;
      let at = text.indexOf(MARK);
      let found = 0;
      while (at !== -1) {
        found++;
        at = text.indexOf(MARK, at + MARK.length);
      }
      phone.tail = text.subarray(Math.max(0, text.length - MARK.length + 1));
      if (found) {
        phone.seen += found;
        phone.onEvent?.();
      }
    });
    socket.on('error', () => done(undefined));
    socket.on('close', () => {
      if (!headers) done(undefined);
    });
  });
}

async function connectAll(port: number, count: number): Promise<FromClients> {
  const started = performance.now();
  let failed = 0;
  while (phones.length + failed < count) {
    const batch = Math.min(BATCH, count - phones.length - failed);
    const opened = await Promise.all(Array.from({ length: batch }, () => open(port)));
    for (const p of opened) {
      if (p) phones.push(p);
      else failed++;
    }
  }
  // Let every socket read the listing it gets on connecting.
  await new Promise((done) => setTimeout(done, 500));
  return { type: 'connected', open: phones.length, failed, ms: performance.now() - started };
}

/** Posts one report and times each phone until it has one more `event: rooms`. */
function timeChange(port: number, body: string, timeoutMs: number): Promise<FromClients> {
  return new Promise((done) => {
    const latencies: number[] = [];
    let postMs = Number.NaN;
    const live = phones.filter((p) => !p.socket.destroyed);
    let waiting = live.length;
    const finish = () => {
      clearTimeout(timer);
      for (const p of live) p.onEvent = undefined;
      done({ type: 'changed', latencies, missed: waiting, postMs });
    };
    const timer = setTimeout(finish, timeoutMs);
    const started = performance.now();
    for (const p of live) {
      const target = p.seen + 1;
      p.onEvent = () => {
        if (p.seen < target) return;
        p.onEvent = undefined;
        latencies.push(performance.now() - started);
        if (--waiting === 0) finish();
      };
    }
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/api/reports',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      postMs = performance.now() - started;
      res.resume();
    });
    req.on('error', () => undefined);
    req.end(body);
  });
}

function stop(): never {
  for (const p of phones) p.socket.destroy();
  process.exit(0);
}

const limit = setTimeout(stop, Number(process.env.BENCH_FANOUT_MAX_SECONDS ?? 180) * 1000);
limit.unref();
process.on('disconnect', stop);
process.on('message', async (m: ToClients) => {
  if (m.type === 'stop') stop();
  const reply =
    m.type === 'connect'
      ? await connectAll(m.port, m.count)
      : await timeChange(m.port, m.body, m.timeoutMs);
  process.send?.(reply);
});
