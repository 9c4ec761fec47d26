// Reminders by Web Push, relay side: a phone sends only reminder TIMES and its subscription; at
// each time the relay sends an encrypted push to the phone's push service. Here the push service
// is a local HTTPS server that checks the VAPID signature and DECRYPTS the payload with the
// phone's keys (http_ece, the encryption web-push uses), so the test sees what a phone would.
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decrypt } from 'http_ece';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REMINDERS } from '../../src/domain/reminders';
import type { Relay } from '../../src/server/app';
import { openRelayDb } from '../../src/server/db';
import { loadVapidKeys, VAPID_FILE } from '../../src/server/push-keys';
import { PushScheduler } from '../../src/server/push-scheduler';
import { PushStore } from '../../src/server/push-store';
import { type RunningRelay, startRelay } from './support';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/push');
const cert = readFileSync(join(FIXTURES, 'local-push-service.crt'));
const key = readFileSync(join(FIXTURES, 'local-push-service.key'));

/** One phone: a P-256 key pair and auth secret, as a browser makes for a subscription. */
function phone(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16).toString('base64url');
  return {
    ecdh,
    auth,
    subscription: {
      endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth },
    },
  };
}

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A push service on https://127.0.0.1: records each push; `status` is what it answers. */
async function startPushService() {
  const received: Received[] = [];
  let status = 201;
  const server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    answer(code: number) {
      status = code;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Checks the VAPID JWT (ES256) against the relay's public key; returns its claims. */
function vapidClaims(header: string, publicKey: string): Record<string, unknown> {
  const m = /^vapid t=([^,]+), k=(\S+)$/.exec(header);
  expect(m, header).not.toBeNull();
  const [, jwt, k] = m!;
  expect(k).toBe(publicKey);
  const [h, p, s] = jwt!.split('.');
  const raw = Buffer.from(publicKey, 'base64url');
  const keyObject = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: keyObject, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s!, 'base64url'),
  );
  expect(signed).toBe(true);
  return JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'));
}

function put(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/push/subscription`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const T0 = Date.parse('2027-02-06T09:00:00Z');
// Later starts for later tests: the relay's clock never runs backwards.
const T1 = T0 + 3 * 3_600_000;
const T2 = T0 + 6 * 3_600_000;

describe('reminders by Web Push: the relay stores times and sends them encrypted when due', () => {
  let service: Awaited<ReturnType<typeof startPushService>>;
  let running: RunningRelay;
  let relay: Relay;
  let clock = T0;

  beforeAll(async () => {
    service = await startPushService();
    running = await startRelay({
      now: () => clock,
      push: {
        allowLocalEndpoints: true,
        agent: new HttpsAgent({ ca: cert }),
        intervalMs: 3_600_000, // rounds are run by the tests
        subject: 'mailto:owner@relay.example',
      },
    });
    relay = running.relay;
  });
  afterAll(async () => {
    await running.close();
    await service.close();
  });
  afterEach(() => {
    service.answer(201);
    service.received.length = 0;
  });

  it('publishes its VAPID public key', async () => {
    const res = await fetch(`${running.base}/api/push/key`);
    expect(res.status).toBe(200);
    const { publicKey } = (await res.json()) as { publicKey: string };
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    expect(publicKey).toBe(relay.push.publicKey);
  });

  it('at 09:55 and 10:25 the phone gets one push each, with only the time, decryptable by the phone alone', async () => {
    const p = phone(`${service.base}/push/phone-a`);
    const times = [T0 + 55 * 60_000, T0 + 85 * 60_000];
    const res = await put(running.base, { subscription: p.subscription, times });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ times: 2 });

    clock = T0 + 54 * 60_000;
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 0 });
    expect(service.received).toHaveLength(0);

    clock = T0 + 55 * 60_000 + 3_000;
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 1 });
    expect(service.received).toHaveLength(1);
    const push = service.received[0]!;
    expect(push.path).toBe('/push/phone-a');
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    expect(push.headers.urgency).toBe('high');
    const claims = vapidClaims(String(push.headers.authorization), relay.push.publicKey);
    expect(claims).toMatchObject({ aud: service.base, sub: 'mailto:owner@relay.example' });
    const payload = decrypt(push.body, {
      version: 'aes128gcm',
      privateKey: p.ecdh,
      authSecret: p.auth,
    });
    expect(JSON.parse(payload.toString('utf8'))).toEqual({ type: 'reminder', at: times[0] });
    // Another phone's keys cannot read it.
    const stranger = phone('https://push.example/x');
    expect(() =>
      decrypt(push.body, {
        version: 'aes128gcm',
        privateKey: stranger.ecdh,
        authSecret: stranger.auth,
      }),
    ).toThrow();

    // Sent once.
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 0 });
    clock = T0 + 86 * 60_000;
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 1 });
    expect(service.received).toHaveLength(2);
  });

  it('a resync replaces the times (a bookmark removed is not reminded), and DELETE ends them', async () => {
    clock = T1;
    const p = phone(`${service.base}/push/phone-b`);
    const early = T1 + 10 * 60_000;
    const late = T1 + 20 * 60_000;
    expect(
      (await put(running.base, { subscription: p.subscription, times: [early, late] })).status,
    ).toBe(200);
    expect((await put(running.base, { subscription: p.subscription, times: [late] })).status).toBe(
      200,
    );
    clock = early + 1000;
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 0 });

    const del = await fetch(`${running.base}/api/push/subscription`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ endpoint: p.subscription.endpoint }),
    });
    expect(await del.json()).toEqual({ removed: true });
    clock = late + 1000;
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 0 });
    expect(service.received).toHaveLength(0);
  });

  it('forgets a subscription the push service says is gone (410), retries a 500, drops a late one', async () => {
    clock = T2;
    const gone = phone(`${service.base}/push/gone`);
    await put(running.base, {
      subscription: gone.subscription,
      times: [T2 + 60_000, T2 + 120_000],
    });
    clock = T2 + 61_000;
    service.answer(410);
    expect(await relay.push.scheduler.round()).toMatchObject({ gone: 1, sent: 0 });
    const phones = relay.push.store.subscriptions;
    clock = T2 + 121_000;
    service.answer(201);
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 0 });
    expect(relay.push.store.has(gone.subscription.endpoint)).toBe(false);
    expect(relay.push.store.subscriptions).toBe(phones);

    clock = T2;
    const flaky = phone(`${service.base}/push/flaky`);
    await put(running.base, { subscription: flaky.subscription, times: [T2 + 60_000] });
    clock = T2 + 61_000;
    service.answer(500);
    expect(await relay.push.scheduler.round()).toMatchObject({ retrying: 1 });
    service.answer(201);
    expect(await relay.push.scheduler.round()).toMatchObject({ sent: 1 });

    clock = T2;
    const asleep = phone(`${service.base}/push/asleep`);
    await put(running.base, { subscription: asleep.subscription, times: [T2 + 60_000] });
    clock = T2 + 20 * 60_000; // the relay was down: a reminder 19 min late is noise
    service.received.length = 0;
    expect(await relay.push.scheduler.round()).toMatchObject({ dropped: 1, sent: 0 });
    expect(service.received).toHaveLength(0);
  });

  it('health counts phones and waiting reminders, never talks', async () => {
    const health = (await (await fetch(`${running.base}/api/health`)).json()) as {
      reminders: { phones: number; waiting: number };
    };
    expect(health.reminders.phones).toBe(relay.push.store.subscriptions);
    expect(health.reminders.waiting).toBe(relay.push.store.waiting);
  });
});

describe('reminder bodies: malformed ones get a 4xx with a reason and change nothing', () => {
  let running: RunningRelay;
  const now = Date.now();
  const good = () => phone('https://fcm.googleapis.com/fcm/send/abc123').subscription;
  beforeAll(async () => {
    running = await startRelay({ push: { maxSubscriptions: 3 } });
  });
  afterAll(() => running.close());

  const cases: [string, unknown, RegExp][] = [
    ['not an object', [1, 2], /JSON object/],
    [
      'an unknown field',
      { subscription: good(), times: [], talks: ['x'] },
      /Unknown field "talks"/,
    ],
    ['no subscription', { times: [now + 60_000] }, /"subscription"/],
    [
      'an http endpoint',
      { subscription: { ...good(), endpoint: 'http://push.example/x' }, times: [] },
      /https URL/,
    ],
    [
      'a loopback endpoint',
      { subscription: { ...good(), endpoint: 'https://127.0.0.1/x' }, times: [] },
      /host name/,
    ],
    [
      'a localhost endpoint',
      { subscription: { ...good(), endpoint: 'https://localhost/x' }, times: [] },
      /host name/,
    ],
    [
      'a huge endpoint',
      {
        subscription: { ...good(), endpoint: `https://push.example/${'x'.repeat(1100)}` },
        times: [],
      },
      /longer than 1024/,
    ],
    [
      'a bad p256dh',
      { subscription: { ...good(), keys: { p256dh: 'abc', auth: good().keys.auth } }, times: [] },
      /P-256/,
    ],
    [
      'a bad auth',
      { subscription: { ...good(), keys: { p256dh: good().keys.p256dh, auth: '!!' } }, times: [] },
      /16 bytes/,
    ],
    ['times not a list', { subscription: good(), times: 'soon' }, /list of instants/],
    ['a time that is not a number', { subscription: good(), times: ['10:00'] }, /whole number/],
    ['a time in the past', { subscription: good(), times: [now - 3_600_000] }, /in the past/],
    ['a time far ahead', { subscription: good(), times: [now + 400 * 86_400_000] }, /60 days/],
    [
      'too many times',
      {
        subscription: good(),
        times: Array.from({ length: MAX_REMINDERS + 1 }, (_, i) => now + 60_000 + i),
      },
      new RegExp(`at most ${MAX_REMINDERS}`),
    ],
  ];

  it.each(cases)('%s → 400 with the reason', async (_name, body, reason) => {
    const res = await put(running.base, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(reason);
    expect(running.relay.push.store.subscriptions).toBe(0);
  });

  it('not JSON → 415 or 400; too big → 413; wrong method → 405', async () => {
    expect((await put(running.base, '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await put(running.base, '{"subscription":')).status).toBe(400);
    expect((await put(running.base, JSON.stringify({ pad: 'x'.repeat(9000) }))).status).toBe(413);
    expect((await fetch(`${running.base}/api/push/subscription`, { method: 'POST' })).status).toBe(
      405,
    );
    expect((await fetch(`${running.base}/api/push/key`, { method: 'POST' })).status).toBe(405);
  });

  it('another origin may not set reminders (403), the app’s own may', async () => {
    const body = { subscription: good(), times: [now + 60_000] };
    const foreign = await put(running.base, body, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await put(running.base, body, { Origin: running.base });
    expect(own.status).toBe(200);
  });

  it('past the cap a new phone gets 503; a known phone can still resync', async () => {
    const subs = [good(), good()].map((s, i) => ({ ...s, endpoint: `${s.endpoint}-${i}` }));
    for (const s of subs) await put(running.base, { subscription: s, times: [] });
    expect(running.relay.push.store.subscriptions).toBe(3); // with the one of the test above
    const extra = await put(running.base, {
      subscription: { ...good(), endpoint: 'https://fcm.googleapis.com/fcm/send/new-phone' },
      times: [],
    });
    expect(extra.status).toBe(503);
    expect((await put(running.base, { subscription: subs[0], times: [now + 60_000] })).status).toBe(
      200,
    );
  });
});

describe('VAPID keys are made on first start and kept in DATA_DIR', () => {
  it('the same keys after a restart; the file is readable by the relay only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planb-vapid-'));
    const first = await startRelay({ dataDir });
    const key1 = first.relay.push.publicKey;
    await first.close();
    const file = join(dataDir, VAPID_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await startRelay({ dataDir });
    expect(second.relay.push.publicKey).toBe(key1);
    await second.close();
  });

  it('a damaged key file stops the relay with a message naming it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planb-vapid-'));
    writeFileSync(join(dataDir, VAPID_FILE), '{"publicKey": "nope"}');
    expect(() => loadVapidKeys(dataDir)).toThrow(/vapid-keys\.json does not hold VAPID keys/);
  });
});

describe('the scheduler at conference scale', () => {
  it('one round sends every reminder due (more than one batch), trying a failing one once', async () => {
    const store = new PushStore(openRelayDb());
    const at = T0 + 60_000;
    for (let i = 0; i < 1200; i++) {
      store.save(
        { endpoint: `https://push.example/p/${i}`, keys: phone('x').subscription.keys },
        [at],
        T0,
      );
    }
    const sent: string[] = [];
    const scheduler = new PushScheduler({
      store,
      now: () => at + 1000,
      onError: () => {},
      send: async (target) => {
        if (target.endpoint.endsWith('/7'))
          throw Object.assign(new Error('busy'), { statusCode: 503 });
        sent.push(target.endpoint);
      },
    });
    expect(await scheduler.round()).toEqual({ sent: 1199, retrying: 1, dropped: 0, gone: 0 });
    expect(new Set(sent).size).toBe(1199);
    expect(store.waiting).toBe(1);
  });
});
