/**
 * Picks shared by link ("#/picks/<token>", or its QR code): the talk keys only, compactly, so a
 * friend's phone shows the talks from its own copy of the schedule (offline once loaded) and
 * nothing about the sender travels. A guid key (FOSDEM 2024: 36 characters) becomes 22 base64url
 * characters; a slug key keeps its slug; items are joined with ".".
 */
import type { TalkKey } from './model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The keys as one URL-safe token (an empty list gives ''). */
export function encodePicks(keys: readonly TalkKey[]): string {
  return [...new Set(keys)].map(encodeKey).join('.');
}

/** What a token holds: the keys in order, and how many items could not be read. */
export interface DecodedPicks {
  keys: TalkKey[];
  unreadable: number;
}

/** Reads a token made by encodePicks; damaged items are counted, never guessed at. */
export function decodePicks(token: string): DecodedPicks {
  const keys: TalkKey[] = [];
  let unreadable = 0;
  for (const item of token.split('.')) {
    if (!item) continue;
    const key = decodeKey(item);
    if (key === undefined) unreadable += 1;
    else if (!keys.includes(key)) keys.push(key);
  }
  return { keys, unreadable };
}

function encodeKey(key: TalkKey): string {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const value = key.slice(colon + 1);
  if (kind === 'guid' && UUID.test(value)) return `g${uuidToBase64(value)}`;
  if (kind === 'slug' && value) return `s${escapeItem(value)}`;
  if (kind === 'id' && value) return `i${escapeItem(value)}`;
  return `k${escapeItem(key)}`;
}

function decodeKey(item: string): TalkKey | undefined {
  const kind = item[0];
  const rest = item.slice(1);
  if (kind === 'g') return /^[\w-]{22}$/.test(rest) ? `guid:${base64ToUuid(rest)}` : undefined;
  const value = unescapeItem(rest);
  if (!value) return undefined;
  if (kind === 's') return `slug:${value}`;
  if (kind === 'i') return `id:${value}`;
  if (kind === 'k') return value;
  return undefined;
}

/** Percent-encodes what a URL or the "." separator would break. */
function escapeItem(value: string): string {
  return encodeURIComponent(value).replace(
    /[.!~*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function unescapeItem(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function uuidToBase64(uuid: string): string {
  const hex = uuid.replaceAll('-', '');
  let bits = '';
  for (const c of hex) bits += Number.parseInt(c, 16).toString(2).padStart(4, '0');
  bits += '0000'; // 128 bits → 22 sextets (132 bits)
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += B64[Number.parseInt(bits.slice(i, i + 6), 2)];
  return out;
}

function base64ToUuid(text: string): string {
  let bits = '';
  for (const c of text) bits += B64.indexOf(c).toString(2).padStart(6, '0');
  let hex = '';
  for (let i = 0; i < 128; i += 4) hex += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
