// A reminder push goes only to a push service on the internet: a subscription whose endpoint
// name resolves to the relay's own network (10.x, 192.168.x, 127.x, fd00::…) is refused where
// the name is resolved, before any connection, and the subscription is forgotten. The names
// here resolve through a stand-in resolver: no request leaves this machine.
import { generateKeyPairSync } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { openRelayDb } from '../../src/server/db';
import {
  isPublicAddress,
  PRIVATE_ENDPOINT,
  publicOnlyLookup,
  publicPushAgent,
  type ResolveAll,
} from '../../src/server/push-lookup';
import { PushScheduler, webPushSender } from '../../src/server/push-scheduler';
import { PushStore } from '../../src/server/push-store';

/** A resolver that knows a few names, as a hostile or mistaken DNS would answer them. */
const names: Record<string, LookupAddress[]> = {
  'push.example.net': [{ address: '93.184.216.34', family: 4 }],
  'intranet.example.net': [{ address: '10.1.2.3', family: 4 }],
  'rebind.example.net': [
    { address: '93.184.216.34', family: 4 },
    { address: '192.168.1.1', family: 4 },
  ],
  'mapped.example.net': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'v6.example.net': [{ address: '2001:4860:4860::8888', family: 6 }],
};
const resolve: ResolveAll = (host, cb) =>
  names[host]
    ? cb(null, names[host]!)
    : cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);

function lookup(host: string, all = false) {
  return new Promise<{ error: (Error & { code?: string }) | null; address: unknown }>((done) =>
    publicOnlyLookup(resolve)(host, { all }, (error, address) => done({ error, address })),
  );
}

describe('only public addresses receive reminder pushes', () => {
  it('tells public unicast from private, loopback, link-local, unique-local and mapped addresses', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2001:4860:4860::8888'])
      expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.10',
      '127.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      'not an address',
    ])
      expect(isPublicAddress(a), a).toBe(false);
  });

  it('resolves a public name as dns.lookup would, one address or all', async () => {
    expect(await lookup('push.example.net')).toEqual({ error: null, address: '93.184.216.34' });
    expect((await lookup('v6.example.net', true)).address).toEqual(names['v6.example.net']);
  });

  it('refuses a name resolving to a private address, even when another address is public', async () => {
    for (const host of ['intranet.example.net', 'rebind.example.net', 'mapped.example.net']) {
      const { error } = await lookup(host);
      expect(error?.code, host).toBe(PRIVATE_ENDPOINT);
      expect(error?.message).toMatch(/not a public address/);
    }
    // A name that does not resolve keeps its own error (the scheduler retries those).
    expect((await lookup('nowhere.example.net')).error?.code).toBe('ENOTFOUND');
  });

  it('the scheduler forgets a subscription whose endpoint resolves inside the network', async () => {
    const store = new PushStore(openRelayDb());
    const at = Date.parse('2027-02-06T09:55:00Z');
    const keys = { p256dh: phoneKey(), auth: 'c29tZSBhdXRoIHNlY3JldA' };
    store.save({ endpoint: 'https://intranet.example.net/push/1', keys }, [at], at - 3_600_000);
    const errors: string[] = [];
    const scheduler = new PushScheduler({
      store,
      now: () => at,
      onError: (e) => errors.push((e as Error).message),
      send: webPushSender(vapid(), 'mailto:ops@example.org', publicPushAgent({}, resolve)),
    });
    expect(await scheduler.round()).toEqual({ sent: 0, retrying: 0, dropped: 0, gone: 1 });
    expect(store.waiting).toBe(0);
    expect(store.subscriptions).toBe(0);
    expect(errors).toEqual([
      expect.stringMatching(/intranet\.example\.net resolves to 10\.1\.2\.3/),
    ]);
  });
});

/** A phone's P-256 public key, uncompressed, base64url (as a browser puts in a subscription). */
function phoneKey(): string {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x!, 'base64url'),
    Buffer.from(jwk.y!, 'base64url'),
  ]).toString('base64url');
}

/** VAPID keys as the relay keeps them (push-keys.ts makes them the same way). */
function vapid() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pub = publicKey.export({ format: 'jwk' });
  const priv = privateKey.export({ format: 'jwk' });
  return {
    publicKey: Buffer.concat([
      Buffer.from([4]),
      Buffer.from(pub.x!, 'base64url'),
      Buffer.from(pub.y!, 'base64url'),
    ]).toString('base64url'),
    privateKey: Buffer.from(priv.d!, 'base64url').toString('base64url'),
  };
}
