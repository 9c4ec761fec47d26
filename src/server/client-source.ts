/**
 * Who sent a request, as far as the relay can tell: the client's address (behind trusted
 * proxies, the one the nearest trusted proxy appended to X-Forwarded-For, never what the client
 * wrote there), and the "source" a report is counted under by the abuse rule (domain/crowd.ts
 * rule 5): the IPv4 address, the IPv6 /64 (one customer, one phone's hotspot, one privacy-address
 * rotation), or a configured venue network as a whole.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * The client's address. `proxyHops` is how many reverse proxies of your own stand in front of the
 * relay (0: none, take the socket's address). Each proxy appends the address it received the
 * request from to X-Forwarded-For, so with n proxies the client is the n-th entry from the right;
 * everything left of it was written by the client and is ignored.
 */
export function clientAddress(req: IncomingMessage, proxyHops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (proxyHops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return socket;
  const picked = entries[Math.max(0, entries.length - proxyHops)]!;
  return isIP(picked) ? picked : socket;
}

/** A configured network whose addresses count as one source (a venue NAT or Wi-Fi prefix). */
export interface VenueNetwork {
  cidr: string;
  list: BlockList;
}

/** Reads "192.0.2.0/24, 2001:db8::/48" (VENUE_NETWORKS); throws naming a bad entry. */
export function parseVenueNetworks(text: string | undefined): VenueNetwork[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((cidr) => {
      const [address = '', bits = ''] = cidr.split('/');
      const family = isIP(address);
      const prefix = bits === '' ? (family === 6 ? 128 : 32) : Number(bits);
      if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32))
        throw new Error(`VENUE_NETWORKS: "${cidr}" is not an address or network (CIDR).`);
      const list = new BlockList();
      list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
      return { cidr: `${address}/${prefix}`, list };
    });
}

/** The key of a venue network's source (kept as is: it names a network, not a person). */
export const venueSourceKey = (n: VenueNetwork): string => `venue:${n.cidr}`;

/** The source an address counts under before hashing: venue network, IPv4, or IPv6 /64. */
export function sourceOf(address: string, venues: readonly VenueNetwork[] = []): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = v4 ?? address;
  const family = isIP(plain);
  for (const n of venues) {
    if (family && n.list.check(plain, family === 6 ? 'ipv6' : 'ipv4')) return venueSourceKey(n);
  }
  if (family === 6) return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
  return plain;
}

/** The eight groups of an IPv6 address, without leading zeros ("::1" → 0,0,0,0,0,0,0,1). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail ("::ffff:1.2.3.4" in other prefixes) takes two groups.
  const last = (tail === undefined ? left : right).at(-1) ?? '';
  if (last.includes('.')) {
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    const groups = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    (tail === undefined ? left : right).splice(-1, 1, ...groups);
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) =>
    (Number.parseInt(g, 16) || 0).toString(16),
  );
}

/**
 * What the database keeps as a report's source: venue networks as they are, addresses as a
 * salted hash (the relay needs to tell sources apart, not to know them; the list endpoint never
 * shows them).
 */
export function storedSource(source: string, salt: string): string {
  if (source.startsWith('venue:')) return source;
  return `a:${createHash('sha256').update(salt).update(source).digest('base64url').slice(0, 16)}`;
}
