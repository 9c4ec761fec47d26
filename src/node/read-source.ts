/**
 * Reads a schedule from a file path or an http(s) URL, for the CLI and the relay (Node only).
 * Network and file problems become SourceError with a message a person can act on.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_SCHEDULE_CHARS } from '../domain/errors';

/** A file or URL that could not be read at all (before any parsing). */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

/** What was read, with the validators a later conditional request can reuse. */
export interface SourceText {
  text: string;
  etag?: string;
  lastModified?: string;
  /** A file's size and modification time in ms ("1234-1706781600123.456"): changed or not. */
  fileStamp?: string;
}

/** Largest schedule read, file or download, in bytes (4 per character of the parser's limit). */
export const MAX_SCHEDULE_BYTES = MAX_SCHEDULE_CHARS * 4;

/** The stamp a file's stat gives (size and mtime in ms: two saves in one second differ). */
export function fileStampOf(info: { size: number; mtimeMs: number }): string {
  return `${info.size}-${info.mtimeMs}`;
}

/** True when the source names an http(s) URL rather than a file. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source.trim());
}

/**
 * Reads a schedule file or downloads a schedule URL (30 s timeout); either is refused past
 * `maxBytes` (default MAX_SCHEDULE_BYTES), a download as soon as it gets there.
 */
export async function readSource(
  source: string,
  timeoutMs = 30_000,
  maxBytes = MAX_SCHEDULE_BYTES,
): Promise<SourceText> {
  return isUrl(source)
    ? fetchSource(source.trim(), timeoutMs, maxBytes)
    : readFileSource(source, maxBytes);
}

async function readFileSource(path: string, maxBytes: number): Promise<SourceText> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new SourceError(`${path} is a folder, not a schedule file.`);
    // Refuse before reading a huge file into memory; parseSchedule refuses it again by length.
    if (info.size > maxBytes) {
      throw new SourceError(
        `${path} is ${(info.size / 1024 / 1024).toFixed(0)} MB: far too large for a schedule.`,
      );
    }
    return {
      text: await readFile(path, 'utf8'),
      lastModified: info.mtime.toUTCString(),
      fileStamp: fileStampOf(info),
    };
  } catch (e) {
    if (e instanceof SourceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError(`No file at ${path}: check the path.`);
    if (code === 'EACCES') throw new SourceError(`${path} cannot be read: permission denied.`);
    throw new SourceError(`${path} cannot be read: ${(e as Error).message}`);
  }
}

async function fetchSource(url: string, timeoutMs: number, maxBytes: number): Promise<SourceText> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    const reason =
      (e as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (e as Error).message;
    throw new SourceError(`Could not download ${url}: ${reason}.`);
  }
  if (!response.ok) {
    throw new SourceError(
      `Could not download ${url}: the server answered ${response.status} ${response.statusText}.`,
    );
  }
  const text = await readCapped(url, response, maxBytes);
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return { text, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** The body as UTF-8, cancelled (and refused) the moment it passes maxBytes. */
async function readCapped(url: string, response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new SourceError(
      `Could not download ${url}: it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, far too large for a schedule.`,
    );
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (e) {
      throw new SourceError(`Could not download ${url}: ${(e as Error).message}.`);
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
