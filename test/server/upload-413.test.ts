// A report upload far over the 1 KB limit, sent chunked (no Content-Length to refuse it by), is
// answered 413 and the client can read that answer: the relay closes the connection only after
// the answer went out and the client had time to read it, never with a reset mid-upload.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRelay, startRelay } from './support';

let r: RunningRelay;
beforeAll(async () => {
  r = await startRelay();
});
afterAll(() => r.close());

/**
 * Streams `total` bytes of chunked body, reading nothing until it has sent it all (as simple
 * clients do); returns the status line it then reads.
 */
function chunkedUpload(total: number): Promise<string> {
  const { port } = new URL(r.base);
  return new Promise((done) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let sent = 0;
    socket.pause();
    const piece = Buffer.alloc(64 * 1024, 'x');
    const framed = Buffer.concat([
      Buffer.from(`${piece.length.toString(16)}\r\n`),
      piece,
      Buffer.from('\r\n'),
    ]);
    const pump = () => {
      while (sent < total && !socket.destroyed) {
        sent += piece.length;
        if (!socket.write(framed)) return void socket.once('drain', pump);
      }
      if (socket.destroyed) return;
      socket.write('0\r\n\r\n');
      setTimeout(() => socket.resume(), 200);
    };
    socket.on('connect', () => {
      socket.write(
        'POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      pump();
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    const finish = (why: string) => done(answer.split('\r\n')[0] || `no answer (${why})`);
    socket.on('error', (e) => finish((e as NodeJS.ErrnoException).code ?? e.message));
    socket.on('close', () => finish('closed'));
  });
}

describe('an oversized chunked upload', () => {
  it('gets a 413 the client reads, however much it keeps sending', async () => {
    for (const size of [4 * 1024 * 1024, 16 * 1024 * 1024]) {
      expect(await chunkedUpload(size)).toBe('HTTP/1.1 413 Payload Too Large');
    }
    expect((await fetch(`${r.base}/api/health`)).status).toBe(200);
  });
});
