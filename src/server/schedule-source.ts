/**
 * The schedule the relay serves: read from SCHEDULE (file or URL), validated with the same
 * parser as the app, kept in memory with an ETag, and refreshed from a URL without ever
 * replacing a good schedule with a broken one.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Conference } from '../domain/model';
import { parseSchedule } from '../domain/schedule';
import { encodeCompact } from '../domain/schedule/compact';
import { type Precompressed, precompress } from '../node/precompress';
import { fileStampOf, isUrl, MAX_SCHEDULE_BYTES, readSource } from '../node/read-source';

/** One representation of the schedule: its body and its compressed copies once made. */
export interface ScheduleBody {
  body: Buffer;
  /** Filled in the background after loading (brotli 11 takes seconds on FOSDEM's file). */
  compressed: Precompressed;
}

/** One validated schedule version as served by GET /api/schedule. */
export interface ServedSchedule {
  text: string;
  /** The file as read (XML, JSON or ICS). */
  original: ScheduleBody;
  /** The normalized model for phones (domain/schedule/compact.ts). */
  compact: ScheduleBody;
  /** Resolves once both representations have their compressed copies. */
  compressed: Promise<void>;
  /** The version's tag: a hash of the file; each representation and encoding adds a suffix. */
  etag: string;
  lastModified: string;
  contentType: string;
  conference: Conference;
  loadedAt: number;
  /** For a file: its size and mtime in ms when read (see fileStampOf). */
  fileStamp?: string;
}

/** How a schedule is read: download timeout and size cap (the same cap as files). */
export interface ReadOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

const CONTENT_TYPES: Record<Conference['source']['format'], string> = {
  'pentabarf-xml': 'application/xml; charset=utf-8',
  'frab-xml': 'application/xml; charset=utf-8',
  'frab-json': 'application/json; charset=utf-8',
  'pretalx-json': 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

/** Reads and validates a schedule; throws SourceError or ScheduleError. */
export async function loadServedSchedule(
  source: string,
  now = Date.now(),
  options: ReadOptions = {},
): Promise<ServedSchedule> {
  const read = await readSource(
    source,
    options.timeoutMs ?? 30_000,
    options.maxBytes ?? MAX_SCHEDULE_BYTES,
  );
  const conference = parseSchedule(read.text);
  const etag = `"${createHash('sha256').update(read.text).digest('base64url').slice(0, 27)}"`;
  const original: ScheduleBody = { body: Buffer.from(read.text), compressed: {} };
  const compact: ScheduleBody = { body: Buffer.from(encodeCompact(conference)), compressed: {} };
  // Once per version, in the background, the compact body first (phones ask for it).
  const compressed = (async () => {
    for (const b of [compact, original]) b.compressed = await precompress(b.body);
  })();
  compressed.catch((e) => console.error(`Plan B relay: compressing the schedule failed: ${e}`));
  return {
    text: read.text,
    original,
    compact,
    compressed,
    etag,
    lastModified: read.lastModified ?? new Date(now).toUTCString(),
    contentType: CONTENT_TYPES[conference.source.format],
    conference,
    loadedAt: now,
    ...(read.fileStamp ? { fileStamp: read.fileStamp } : {}),
  };
}

/** Keeps the current schedule and refreshes it from its source now and then. */
export class ScheduleSource {
  #current: ServedSchedule;
  #lastError: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #refreshing: Promise<boolean> | undefined;

  private constructor(
    readonly source: string,
    initial: ServedSchedule,
    private readonly options: ReadOptions,
  ) {
    this.#current = initial;
  }

  /** Loads the source once; fails (with the parser's message) when it is not a schedule. */
  static async open(source: string, options: ReadOptions = {}): Promise<ScheduleSource> {
    return new ScheduleSource(
      source,
      await loadServedSchedule(source, Date.now(), options),
      options,
    );
  }

  /** The schedule being served. */
  get current(): ServedSchedule {
    return this.#current;
  }

  /** The last refresh failure, if the latest attempt failed. */
  get lastError(): string | undefined {
    return this.#lastError;
  }

  /**
   * Re-reads the source; keeps the old version when the new one is unreadable. One refresh at a
   * time: a call while one runs gets that one's answer (a slow download never piles up).
   */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<boolean> {
    try {
      if (!isUrl(this.source)) {
        // Size and mtime in ms: a file saved twice within one second is still seen as changed.
        const stamp = fileStampOf(await stat(this.source));
        if (stamp === this.#current.fileStamp) return false;
      }
      const next = await loadServedSchedule(this.source, Date.now(), this.options);
      this.#lastError = undefined;
      if (next.etag === this.#current.etag) {
        this.#current = {
          ...this.#current,
          ...(next.fileStamp ? { fileStamp: next.fileStamp } : {}),
        };
        return false;
      }
      this.#current = next;
      return true;
    } catch (e) {
      this.#lastError = (e as Error).message;
      return false;
    }
  }

  /** Refreshes every intervalMs until close(). */
  startRefreshing(intervalMs: number): void {
    this.#timer = setInterval(() => void this.refresh(), intervalMs);
    this.#timer.unref();
  }

  /** Stops refreshing. */
  close(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
