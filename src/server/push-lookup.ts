/**
 * Where the relay may send a reminder push: only to public internet addresses. A subscription's
 * endpoint is a URL the phone chose; push-validate.ts already refuses IP literals and localhost,
 * but a name can still resolve to the relay's own network (10.x, 192.168.x, 127.x, fc00::/7…),
 * which would let anyone make the relay send requests inside it. So the name is checked where it
 * is resolved: the HTTPS agent's lookup refuses a name any of whose addresses is not public
 * unicast, for every connection, redirects and re-resolutions included.
 *
 * ipaddr.js classifies addresses (private, loopback, link-local, unique-local, carrier-grade NAT,
 * reserved, IPv4-mapped IPv6…) from the IANA registries: a well-kept table, not a hand-written one.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { Agent, type AgentOptions } from 'node:https';
import ipaddr from 'ipaddr.js';

/** The error code of a refused endpoint: the subscription can never be delivered to. */
export const PRIVATE_ENDPOINT = 'EPUSHPRIVATE';

/** True for an address on the public internet (global unicast, IPv4 or IPv6). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

/** Resolves a name to all its addresses (dns.lookup with all: true, or a stand-in in tests). */
export type ResolveAll = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

const resolveAll: ResolveAll = (hostname, callback) =>
  dnsLookup(hostname, { all: true } satisfies LookupAllOptions, callback);

/** What net.connect calls to resolve a host: one address, or all of them when asked. */
type Lookup = (
  hostname: string,
  options: { all?: boolean },
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * A lookup for net/tls connections that fails with PRIVATE_ENDPOINT when the name resolves to
 * any address that is not public (all of them are checked: a connection may try each in turn).
 */
export function publicOnlyLookup(resolve: ResolveAll = resolveAll): Lookup {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        const why = refused ? `to ${refused.address}, not a public address` : 'to no address';
        const e = Object.assign(
          new Error(
            `Push endpoint ${hostname} resolves ${why}: the relay sends reminders only to push services on the internet.`,
          ),
          { code: PRIVATE_ENDPOINT },
        );
        return callback(e, []);
      }
      if (options?.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** The HTTPS agent reminders are sent with: keep-alive, public addresses only. */
export function publicPushAgent(options: AgentOptions = {}, resolve?: ResolveAll): Agent {
  return new Agent({ keepAlive: true, ...options, lookup: publicOnlyLookup(resolve) });
}
