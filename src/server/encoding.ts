/**
 * Content negotiation for compressed answers: which encoding a request accepts (q-values,
 * `identity;q=0`, `*`), read by `negotiator`, the parser Express and Koa use.
 */
import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';

/** The encodings the relay has precompressed copies in, best first. */
export type Encoding = 'br' | 'gzip';

/** The best of `available` the request accepts, or undefined for the plain body. */
export function chooseEncoding(
  req: IncomingMessage,
  available: readonly Encoding[],
): Encoding | undefined {
  if (available.length === 0) return undefined;
  const negotiator = new Negotiator(req) as Negotiator & {
    encoding(available: string[], options: { preferred: string[] }): string | undefined;
  };
  // Ties (a browser's "gzip, deflate, br, zstd") go to the smaller: brotli, then gzip.
  const chosen = negotiator.encoding([...available, 'identity'], {
    preferred: ['br', 'gzip', 'identity'],
  });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/** The file-name suffix of a precompressed copy. */
export const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };
