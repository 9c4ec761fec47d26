/**
 * Token buckets keyed by device id or client address: `burst` requests at once, then one
 * more every `60 / perMinute` seconds. Memory stays bounded: the map never holds more than
 * `maxKeys` buckets (the least recently used is dropped first).
 */

/** How a limiter is configured; perMinute 0 turns it off. */
export interface RateLimit {
  perMinute: number;
  burst: number;
}

/** The answer for one request: allowed, or retry after so many seconds. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** A set of token buckets for one kind of key. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly limit: RateLimit,
    readonly maxKeys = 100_000,
  ) {
    this.#perMs = limit.perMinute / 60_000;
  }

  /** Takes one token for `key` at time `now`. */
  take(key: string, now: number): RateDecision {
    if (this.limit.perMinute <= 0) return { ok: true };
    const bucket = this.#buckets.get(key);
    let tokens = this.limit.burst;
    if (bucket) {
      tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * this.#perMs);
      this.#buckets.delete(key); // re-inserted below: Map order stays least recently used first
    }
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000)),
      };
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.#buckets.size > this.maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    return { ok: true };
  }

  /** Keys being tracked (for /api/health). */
  get size(): number {
    return this.#buckets.size;
  }
}
