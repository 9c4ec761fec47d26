/**
 * Getting a schedule into IndexedDB: download (with progress and a conditional request), parse,
 * then the atomic swap of storage/schedule-repo. Runs inside the import worker, and directly in
 * tests and browsers without module workers. Every failure is an ImportError whose message ends
 * "Your current schedule is unchanged."
 */
import type { ScheduleDiff } from '../domain/diff';
import { parseSchedule } from '../domain/schedule';
import { ImportError } from '../storage/errors';
import { currentVersion, importConference } from '../storage/schedule-repo';
import type { ConferenceVersion, PlanBDb } from '../storage/schema';

/** What to import: a URL (optionally only if changed since the current version) or a text. */
export type ImportRequest =
  | { kind: 'url'; url: string; ifChanged?: boolean }
  | { kind: 'text'; text: string; name: string };

/** Where an import is, for a progress bar. */
export type ImportProgress =
  | { phase: 'download'; received: number; total?: number }
  | { phase: 'parse' }
  | { phase: 'save' };

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
): Promise<ImportOutcome> {
  let text: string;
  let source: string;
  let etag: string | undefined;
  let lastModified: string | undefined;
  if (request.kind === 'url') {
    const previous = request.ifChanged ? await currentVersion(db) : undefined;
    const downloaded = await download(request.url, previous, onProgress, fetchImpl);
    if (!downloaded) return { status: 'not-modified' };
    ({ text, etag, lastModified } = downloaded);
    source = request.url;
  } else {
    text = request.text;
    source = request.name;
  }
  onProgress({ phase: 'parse' });
  let conference: ReturnType<typeof parseSchedule>;
  try {
    conference = parseSchedule(text);
  } catch (error) {
    throw ImportError.from(error);
  }
  onProgress({ phase: 'save' });
  const result = await importConference(db, conference, {
    source,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  });
  return { status: 'imported', ...result };
}

async function download(
  url: string,
  previous: ConferenceVersion | undefined,
  onProgress: (p: ImportProgress) => void,
  fetchImpl: typeof fetch,
): Promise<{ text: string; etag?: string; lastModified?: string } | undefined> {
  const headers: Record<string, string> = {};
  // Validators belong to the address that gave them: a check is conditional only for it.
  if (previous?.source === url) {
    if (previous.etag) headers['If-None-Match'] = previous.etag;
    if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  }
  let response: Response;
  // A venue network that hangs must not leave an import (and its progress bar) open forever.
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  try {
    response = await fetchImpl(url, { headers, cache: 'no-cache', signal });
  } catch (error) {
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
  const total = Number(response.headers.get('content-length')) || undefined;
  const text = await readWithProgress(response, (received) =>
    onProgress({ phase: 'download', received, ...(total ? { total } : {}) }),
  );
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return { text, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

async function readWithProgress(
  response: Response,
  onBytes: (received: number) => void,
): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onBytes(received);
  }
  parts.push(decoder.decode());
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
