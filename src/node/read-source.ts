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
}

/** True when the source names an http(s) URL rather than a file. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source.trim());
}

/** Reads a schedule file or downloads a schedule URL (30 s timeout). */
export async function readSource(source: string, timeoutMs = 30_000): Promise<SourceText> {
  return isUrl(source) ? fetchSource(source.trim(), timeoutMs) : readFileSource(source);
}

async function readFileSource(path: string): Promise<SourceText> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new SourceError(`${path} is a folder, not a schedule file.`);
    // Refuse before reading a huge file into memory; parseSchedule refuses it again by length.
    if (info.size > MAX_SCHEDULE_CHARS * 4) {
      throw new SourceError(
        `${path} is ${(info.size / 1024 / 1024).toFixed(0)} MB: far too large for a schedule.`,
      );
    }
    return { text: await readFile(path, 'utf8'), lastModified: info.mtime.toUTCString() };
  } catch (e) {
    if (e instanceof SourceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError(`No file at ${path}: check the path.`);
    if (code === 'EACCES') throw new SourceError(`${path} cannot be read: permission denied.`);
    throw new SourceError(`${path} cannot be read: ${(e as Error).message}`);
  }
}

async function fetchSource(url: string, timeoutMs: number): Promise<SourceText> {
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
  const text = await response.text();
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return { text, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
