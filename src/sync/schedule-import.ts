/**
 * Getting a schedule into IndexedDB: download (with progress and a conditional request), parse,
 * then the atomic swap of storage/schedule-repo. Runs inside the import worker, and directly in
 * tests and browsers without module workers. Every failure is an ImportError whose message ends
 * "Your current schedule is unchanged."
 *
 * Every download asks for the compact schedule (domain/schedule/compact.ts) first: the relay
 * answers with it, other servers ignore the Accept header and send their file, which the
 * phone's own parsers read (loaded only then). A compact body is read as it arrives: the talks
 * go to the page (phase "first-talks") before their abstracts have downloaded or anything is
 * stored.
 */
import type { ScheduleDiff } from '../domain/diff';
import type { Conference } from '../domain/model';
import { COMPACT_MEDIA_TYPE, CompactReader } from '../domain/schedule/compact';
import { ImportError } from '../storage/errors';
import { currentVersion, importConference } from '../storage/schedule-repo';
import type { ConferenceVersion, PlanBDb } from '../storage/schema';

/** What to import: a URL (optionally only if changed since the current version) or a text. */
export type ImportRequest =
  | { kind: 'url'; url: string; ifChanged?: boolean }
  | { kind: 'text'; text: string; name: string };

/**
 * Where an import is, for a progress bar. Download sizes are bytes over the wire; for a
 * compressed compact body they are estimated from the decoded bytes (the browser decodes
 * before we see anything) and the wire size the server gave.
 */
export type ImportProgress =
  | { phase: 'download'; received: number; total?: number }
  /** Every talk, without abstracts: enough for a first screen while the rest arrives. */
  | { phase: 'first-talks'; conference: Conference }
  | { phase: 'parse' }
  | { phase: 'save'; talks: number };

/** How an import ended. */
export type ImportOutcome =
  | { status: 'imported'; version: ConferenceVersion; diff: ScheduleDiff | null }
  | { status: 'not-modified' };

/** Downloads, parses and imports; see the file comment. */
export async function runImport(
  db: PlanBDb,
  request: ImportRequest,
  onProgress: (p: ImportProgress) => void = () => {},
  fetchImpl: typeof fetch = fetch,
  /** Cancels the import (until it starts saving: a save is short and atomic). */
  cancel?: AbortSignal,
): Promise<ImportOutcome> {
  let text: string | undefined;
  let compact: CompactReader | undefined;
  let source: string;
  let etag: string | undefined;
  let lastModified: string | undefined;
  if (request.kind === 'url') {
    const previous = request.ifChanged ? await currentVersion(db) : undefined;
    const downloaded = await download(request.url, previous, onProgress, fetchImpl, cancel);
    if (!downloaded) return { status: 'not-modified' };
    ({ text, compact, etag, lastModified } = downloaded);
    source = request.url;
  } else {
    text = request.text;
    source = request.name;
  }
  onProgress({ phase: 'parse' });
  let conference: Conference;
  try {
    // The parsers are a chunk of their own: a phone served by the relay never loads them.
    conference = compact
      ? compact.finish()
      : (await import('../domain/schedule')).parseSchedule(text ?? '');
  } catch (error) {
    throw ImportError.from(error);
  }
  if (cancel?.aborted) throw cancelled();
  onProgress({ phase: 'save', talks: conference.talks.length });
  const result = await importConference(db, conference, {
    source,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  });
  return { status: 'imported', ...result };
}

/** What a download gave: the text of a file, or a compact body already read. */
interface Downloaded {
  text?: string;
  compact?: CompactReader;
  etag?: string;
  lastModified?: string;
}

async function download(
  url: string,
  previous: ConferenceVersion | undefined,
  onProgress: (p: ImportProgress) => void,
  fetchImpl: typeof fetch,
  cancel: AbortSignal | undefined,
): Promise<Downloaded | undefined> {
  // The compact schedule when the server has it (the relay); any other answer is a file.
  const headers: Record<string, string> = { Accept: `${COMPACT_MEDIA_TYPE}, */*;q=0.5` };
  // Validators belong to the address that gave them: a check is conditional only for it.
  if (previous?.source === url) {
    if (previous.etag) headers['If-None-Match'] = previous.etag;
    if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  }
  let response: Response;
  // A venue network that hangs must not leave an import (and its progress bar) open forever.
  const timeout = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  const signal = cancel ? anySignal([timeout, cancel]) : timeout;
  try {
    response = await fetchImpl(url, { headers, cache: 'no-cache', signal });
  } catch (error) {
    if (cancel?.aborted) throw cancelled();
    throw new ImportError(
      `Could not download the schedule from ${url} (${describe(error)}).`,
      error,
      'download',
    );
  }
  if (response.status === 304) return undefined;
  if (!response.ok) {
    throw new ImportError(
      `Could not download the schedule from ${url}: the server answered ${response.status} ${response.statusText}.`,
      response.status,
      'download',
    );
  }
  const wireTotal = Number(response.headers.get('content-length')) || undefined;
  // Content-Length counts encoded bytes; the body we read is decoded. Only a plain body's
  // length can be compared with what we count.
  const encoded = !!response.headers.get('content-encoding');
  const isCompact = response.headers.get('content-type')?.includes(COMPACT_MEDIA_TYPE) ?? false;
  const reader = isCompact ? new CompactReader() : undefined;
  let decodedTotal: number | undefined;
  let text: string;
  try {
    text = await readWithProgress(response, !reader, (received, piece) => {
      if (reader) {
        const read = reader.push(piece);
        if (read.bytes) decodedTotal = read.bytes;
        if (read.preview) onProgress({ phase: 'first-talks', conference: read.preview });
      }
      onProgress({ phase: 'download', ...sizes(received, wireTotal, decodedTotal, encoded) });
    });
  } catch (error) {
    if (cancel?.aborted) throw cancelled();
    const unreadable = ImportError.from(error);
    if (unreadable.reason === 'schedule') throw unreadable;
    throw new ImportError(
      `The download of the schedule from ${url} broke off (${describe(error)}).`,
      error,
      'download',
    );
  }
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return {
    ...(reader ? { compact: reader } : { text }),
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  };
}

/**
 * Bytes received and expected, over the wire where it can be known: a compact body tells its
 * decoded size, so the share received scales the wire size; a compressed file gives no total.
 */
function sizes(
  decoded: number,
  wireTotal: number | undefined,
  decodedTotal: number | undefined,
  encoded: boolean,
): { received: number; total?: number } {
  if (decodedTotal && wireTotal && encoded)
    return { received: Math.round((decoded / decodedTotal) * wireTotal), total: wireTotal };
  if (decodedTotal) return { received: decoded, total: decodedTotal };
  if (wireTotal && !encoded) return { received: decoded, total: wireTotal };
  return { received: decoded };
}

/** A signal that aborts when any of `signals` does (AbortSignal.any where the browser has it). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (any) return any.call(AbortSignal, signals);
  const controller = new AbortController();
  for (const s of signals) s.addEventListener('abort', () => controller.abort(s.reason));
  return controller.signal;
}

function cancelled(): ImportError {
  return new ImportError('You cancelled the download.', undefined, 'cancelled');
}

/** Reads a body piece by piece; `keep`: also returns the whole text. */
async function readWithProgress(
  response: Response,
  keep: boolean,
  onPiece: (received: number, piece: string) => void,
): Promise<string> {
  if (!response.body) {
    const whole = await response.text();
    onPiece(whole.length, whole);
    return whole;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    const piece = decoder.decode(value, { stream: true });
    if (keep) parts.push(piece);
    onPiece(received, piece);
  }
  const last = decoder.decode();
  if (last) {
    if (keep) parts.push(last);
    onPiece(received, last);
  }
  return parts.join('');
}

/** How long a schedule download may take in all (FOSDEM's file is 2.5 MB). */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

function describe(error: unknown): string {
  if (error instanceof TypeError) return 'no network, or the server could not be reached';
  if ((error as Error)?.name === 'TimeoutError') {
    return `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`;
  }
  return error instanceof Error ? error.message : String(error);
}
