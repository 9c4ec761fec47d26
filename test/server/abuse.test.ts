// Whatever arrives at POST /api/reports — broken JSON, huge bodies, wrong types, hostile keys,
// floods from one phone — the relay answers with a 4xx and a reason, never crashes, and keeps
// serving everyone else.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postReport, type RunningRelay, reportBody, rooms, startRelay } from './support';

let r: RunningRelay;
beforeAll(async () => {
  // The address limit is off here so every hostile request reaches validation.
  r = await startRelay({
    rateLimits: { address: { perMinute: 0, burst: 0 } },
    adminToken: 'owner-secret-2',
  });
});
afterAll(() => r.close());

const long = 'x'.repeat(10_000);
const hostile: Array<[string, string | Record<string, unknown>, number[]]> = [
  ['empty body', '', [400]],
  ['not JSON', '{"id": "abc', [400]],
  ['JSON null', 'null', [400]],
  ['JSON array', '[1,2,3]', [400]],
  ['JSON string', '"full"', [400]],
  ['number level', reportBody({ level: 2 }), [400]],
  ['unknown level', reportBody({ level: 'packed' }), [400]],
  ['level with spaces', reportBody({ level: ' full' }), [400]],
  ['missing id', { room: 'janson', level: 'full', at: Date.now(), device: 'device-xyz1' }, [400]],
  ['id as number', reportBody({ id: 12345678 }), [400]],
  ['id with a slash', reportBody({ id: '../../etc/passwd' }), [400]],
  ['short device', reportBody({ device: 'x' }), [400]],
  ['at as ISO string', reportBody({ at: new Date().toISOString() }), [400]],
  ['at as float', reportBody({ at: Date.now() + 0.5 }), [400]],
  ['at negative', reportBody({ at: -1 }), [400]],
  ['at far future', reportBody({ at: 8.64e15 }), [422]],
  ['at a day ago', reportBody({ at: Date.now() - 86_400_000 }), [422]],
  ['unknown room', reportBody({ room: 'The Moon' }), [422]],
  ['room as object', reportBody({ room: { name: 'Janson' } }), [400]],
  ['blank room', reportBody({ room: '   ' }), [400]],
  ['10,000-char room', `{"id":"abcdefgh1","room":"${long}"}`, [413]],
  ['__proto__ key', '{"__proto__":{"polluted":true},"id":"abcdefgh2"}', [400]],
  ['constructor key', reportBody({ constructor: { prototype: { polluted: true } } }), [400]],
  ['extra field', reportBody({ admin: true }), [400]],
  ['deep nesting', `${'['.repeat(400)}${']'.repeat(400)}`, [400]],
  ['control chars in room', reportBody({ room: '\u0000\u0007Janson\u202e' }), [400]],
];

describe('hostile and malformed reports', () => {
  it.each(hostile)('%s → a 4xx with a reason', async (_name, body, expected) => {
    const res = await postReport(r.base, body);
    expect(expected).toContain(res.status);
    expect(typeof (await res.json()).error).toBe('string');
  });

  it('nothing was polluted and nothing was stored', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.relay.store.count).toBe(0);
  });

  it('a 100 KB body is refused with 413 before it is read', async () => {
    const res = await postReport(
      r.base,
      JSON.stringify({ ...reportBody(), room: 'x'.repeat(100_000) }),
    );
    expect(res.status).toBe(413);
  });

  it('a 5 MB upload gets 413 or has its connection cut, and the server carries on', async () => {
    const outcome = await postReport(r.base, 'x'.repeat(5_000_000)).then(
      (res) => res.status,
      () => 'connection closed',
    );
    expect([413, 'connection closed']).toContain(outcome);
    expect((await fetch(`${r.base}/api/health`)).status).toBe(200);
  });

  it('a body without a JSON content type is refused with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
      const res = await postReport(r.base, reportBody(), { 'Content-Type': type });
      expect(res.status, type).toBe(415);
    }
  });

  it('a lying Content-Length and a chunked upload are handled', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${r.base}/api/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('{"a":"'.concat('y'.repeat(100), '"}'));
      req.end();
    });
    expect(status).toBe(413);
    const lying = await postReport(r.base, '{}', { 'Content-Length': '999999' }).then(
      (res) => res.status,
      () => 'refused by the client',
    );
    expect([413, 'refused by the client']).toContain(lying);
  });

  it('one phone flooding 200 reports gets 429s with Retry-After; others still get through', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () =>
        postReport(r.base, reportBody({ device: 'flooding-phone' })).then(
          (res) => [res.status, res.headers.get('retry-after')] as const,
        ),
      ),
    );
    const limited = statuses.filter(([s]) => s === 429);
    expect(statuses.filter(([s]) => s === 202)).toHaveLength(6);
    expect(limited).toHaveLength(194);
    expect(limited.every(([, retry]) => Number(retry) >= 1)).toBe(true);
    expect((await postReport(r.base, reportBody({ device: 'polite-phone' }))).status).toBe(202);
  });

  it('wrong methods and paths get JSON errors; the server still answers afterwards', async () => {
    expect((await fetch(`${r.base}/api/reports`, { method: 'PUT', body: '{}' })).status).toBe(405);
    expect((await fetch(`${r.base}/api/rooms`, { method: 'DELETE' })).status).toBe(405);
    const owner = { headers: { Authorization: 'Bearer owner-secret-2' } };
    expect((await fetch(`${r.base}/api/reports?after=-1`, owner)).status).toBe(400);
    expect((await fetch(`${r.base}/api/reports?limit=abc`, owner)).status).toBe(400);
    expect((await fetch(`${r.base}/api/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await rooms(r.base)).length).toBeGreaterThan(5);
    expect((await postReport(r.base, reportBody({ device: 'last-phone' }))).status).toBe(202);
  });
});
