/**
 * The relay's VAPID keys (the application server key the browser's push service checks every
 * push against). Made on first start and kept in DATA_DIR/vapid-keys.json (readable by the relay
 * only): a phone's subscription is bound to the public key, so a new key would silently end every
 * reminder. Without a data folder (tests) the keys live as long as the process.
 */
import { createECDH } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file inside DATA_DIR. */
export const VAPID_FILE = 'vapid-keys.json';

/** A VAPID key pair, base64url as the Push API and web-push take them. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * A new P-256 key pair, as web-push's generateVAPIDKeys makes it (uncompressed public point, raw
 * private scalar, base64url), without loading web-push at start-up: it is needed only to send.
 */
export function generateVapidKeys(): VapidKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const scalar = ecdh.getPrivateKey(); // may be shorter than 32 bytes: pad its leading zeros
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: Buffer.concat([Buffer.alloc(32 - scalar.length), scalar]).toString('base64url'),
  };
}

/** Reads the keys in `dataDir`, making and saving them the first time; throws naming the file. */
export function loadVapidKeys(dataDir: string | undefined): VapidKeys {
  if (!dataDir) return generateVapidKeys();
  const file = join(dataDir, VAPID_FILE);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(file, e);
  }
  if (text === undefined) {
    const keys = generateVapidKeys();
    try {
      // "wx": never overwrite keys another relay process wrote a moment ago.
      writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      return keys;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw unreadable(file, e);
      text = readFileSync(file, 'utf8');
    }
  }
  let keys: Partial<VapidKeys>;
  try {
    keys = JSON.parse(text) as Partial<VapidKeys>;
  } catch (e) {
    throw unreadable(file, e);
  }
  if (!isKey(keys.publicKey, 65) || !isKey(keys.privateKey, 32)) {
    throw new Error(
      `${file} does not hold VAPID keys {publicKey, privateKey}. Restore it from a backup (or delete it to make new keys: phones must then turn reminders on again).`,
    );
  }
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}

/** True for base64url text decoding to `bytes` bytes. */
export function isKey(value: unknown, bytes: number): value is string {
  return (
    typeof value === 'string' &&
    /^[A-Za-z0-9_-]+$/.test(value) &&
    Buffer.from(value, 'base64url').length === bytes
  );
}

function unreadable(file: string, cause: unknown): Error {
  return new Error(
    `The relay's VAPID keys in ${file} cannot be read: ${(cause as Error).message}`,
    {
      cause,
    },
  );
}
