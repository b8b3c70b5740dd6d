import Dexie, { type Table } from 'dexie';
import { AuthError } from './errors';

interface KeyRow {
  id: string;
  key: CryptoKey;
}

/**
 * A database of its own for the token-wrapping key, so clearing cached X data never loses it. Wipe policy: never —
 * it belongs to no account, and tokens sealed with it are removed at sign-out.
 */
class KeyDb extends Dexie {
  keys!: Table<KeyRow, string>;
  constructor() {
    super('perch-keys');
    this.version(1).stores({ keys: 'id' });
  }
}

const KEY_ID = 'refresh-token-key-v1';
let db: KeyDb | undefined;
let pending: Promise<CryptoKey> | undefined;

/**
 * Returns the AES-GCM key that encrypts refresh tokens at rest, creating it on first use.
 * The key is generated non-extractable: no script can read its bytes (`exportKey` refuses), so a copy of
 * storage.local, another extension or a web page gets only ciphertext. It is not a secret from whoever can read the
 * whole browser profile: IndexedDB stores the CryptoKey by structured clone, raw bytes included, in the profile's
 * files, next to the ciphertext.
 * @throws if IndexedDB or WebCrypto is unavailable; AuthError 'server' when the new key could not be stored.
 */
export function getTokenKey(): Promise<CryptoKey> {
  pending ??= loadOrCreate().catch((error: unknown) => {
    // A Dexie database that failed to open stays closed: the next call opens the store anew, not this worker's restart.
    resetTokenKeyCache();
    throw error;
  });
  return pending;
}

async function loadOrCreate(): Promise<CryptoKey> {
  db ??= new KeyDb();
  const found = await db.keys.get(KEY_ID);
  if (found) return found.key;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // add() (not put) so two racing creators cannot overwrite each other's key; the loser reads the winner's.
  try {
    await db.keys.add({ id: KEY_ID, key });
    return key;
  } catch {
    const winner = await db.keys.get(KEY_ID);
    if (!winner) throw new AuthError('server', { kind: 'key-not-stored' });
    return winner.key;
  }
}

/** Forgets the cached key handle (tests, and after the database is deleted). */
export function resetTokenKeyCache(): void {
  pending = undefined;
  db?.close();
  db = undefined;
}
