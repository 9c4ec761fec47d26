/**
 * The venue's official room status (FOSDEM: https://api.fosdem.org/roomstatus/v1/listrooms),
 * polled server-side (it has no CORS headers) about every minute while the conference is on,
 * with a timeout on each request and exponential backoff after failures. The last good answer
 * is kept with its fetch time; the aggregation decides when it is too old to be current. An
 * answer without a single usable entry is a failed poll, never a good answer.
 */
import type { OfficialState } from '../domain/fullness';

/** One room's state as the feed named it. */
export interface OfficialEntry {
  roomname: string;
  state: OfficialState;
}

/** How to poll the feed. */
export interface OfficialFeedOptions {
  url: string;
  /** Between good polls (default 60 s). */
  intervalMs?: number;
  /** Per request, headers and body (default 10 s). */
  timeoutMs?: number;
  /** Longest wait after repeated failures (default 5 min). */
  maxBackoffMs?: number;
  /** Poll only while this says the conference is on (default: always). */
  isActive?: () => boolean;
  fetch?: typeof fetch;
  now?: () => number;
  /** Called after each successful poll. */
  onUpdate?: () => void;
}

/** What /api/health shows about the feed. */
export interface OfficialFeedStatus {
  url: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  rooms: number;
  /** False outside conference days: the feed is not polled then. */
  active: boolean;
}

const STATES: Record<string, OfficialState> = { '0': 'open', '1': 'full', '2': 'emergency' };
const MAX_BYTES = 1_000_000;

/** Reads a listrooms answer: state as "1" or 1; entries with an unknown state are skipped. */
export function parseListrooms(json: unknown): OfficialEntry[] {
  if (!Array.isArray(json)) throw new Error('the answer is not a JSON array of rooms');
  const entries: OfficialEntry[] = [];
  for (const item of json) {
    if (typeof item !== 'object' || item === null) continue;
    const { roomname, state } = item as { roomname?: unknown; state?: unknown };
    if (typeof roomname !== 'string' || !roomname.trim()) continue;
    const code = typeof state === 'number' || typeof state === 'string' ? String(state).trim() : '';
    const known = STATES[code];
    if (known) entries.push({ roomname: roomname.trim(), state: known });
  }
  return entries;
}

/** A poller of the official feed. */
export class OfficialFeed {
  readonly #o: Required<Omit<OfficialFeedOptions, 'onUpdate'>> &
    Pick<OfficialFeedOptions, 'onUpdate'>;
  #entries: OfficialEntry[] = [];
  #fetchedAt: number | undefined;
  #lastError: string | undefined;
  #failures = 0;
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(options: OfficialFeedOptions) {
    this.#o = {
      intervalMs: 60_000,
      timeoutMs: 10_000,
      maxBackoffMs: 5 * 60_000,
      isActive: () => true,
      fetch: globalThis.fetch,
      now: Date.now,
      ...options,
    };
  }

  /** The last good answer's entries and when it was fetched (undefined before the first). */
  get latest(): { entries: readonly OfficialEntry[]; fetchedAt: number } | undefined {
    return this.#fetchedAt === undefined
      ? undefined
      : { entries: this.#entries, fetchedAt: this.#fetchedAt };
  }

  /** For /api/health. */
  get status(): OfficialFeedStatus {
    return {
      url: this.#o.url,
      lastSuccessAt: this.#fetchedAt === undefined ? null : new Date(this.#fetchedAt).toISOString(),
      lastError: this.#lastError ?? null,
      failures: this.#failures,
      rooms: this.#entries.length,
      active: this.#o.isActive(),
    };
  }

  /** Fetches once; true when it got a usable answer. Never throws. */
  async poll(): Promise<boolean> {
    try {
      const res = await this.#o.fetch(this.#o.url, {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(this.#o.timeoutMs),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await readCapped(res, MAX_BYTES);
      const entries = parseListrooms(JSON.parse(text));
      // An empty list (or one with no known state) is a feed in trouble, not every room
      // reopening: it fails this poll and the last good states stay.
      if (entries.length === 0) throw new Error('the answer lists no room with a known state');
      this.#entries = entries;
      this.#fetchedAt = this.#o.now();
      this.#lastError = undefined;
      this.#failures = 0;
      this.#o.onUpdate?.();
      return true;
    } catch (e) {
      const error = e as Error;
      this.#lastError =
        error.name === 'TimeoutError' ? `no answer within ${this.#o.timeoutMs} ms` : error.message;
      this.#failures++;
      return false;
    }
  }

  /** The wait before the next poll: the interval, doubled per consecutive failure, capped. */
  nextDelay(): number {
    if (this.#failures === 0) return this.#o.intervalMs;
    return Math.min(this.#o.intervalMs * 2 ** this.#failures, this.#o.maxBackoffMs);
  }

  /** Polls now and then on its own schedule until stop(). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const loop = async () => {
      if (!this.#running) return;
      if (this.#o.isActive()) await this.poll();
      if (!this.#running) return;
      this.#timer = setTimeout(loop, this.nextDelay());
      this.#timer.unref();
    };
    void loop();
  }

  /** Stops polling (a request in flight finishes but schedules nothing). */
  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }
}

/** The body as text, refusing (and cancelling) one larger than maxBytes. */
async function readCapped(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body.cancel();
    throw new Error(`the answer is larger than ${maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`the answer is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
