// The person's own signing key, made and kept in this browser: an Ed25519 WebCrypto key pair whose
// private half is non-extractable (no script, this one included, can read it out) and lives in
// IndexedDB. Only the public half ever leaves the browser. Entries are signed over their RFC 8785
// (JCS) canonical JSON, exactly as docs/entry-format.md says.

const DATABASE = 'gongzhang-keys';
const STORE = 'keys';

/** How long opening this browser's key store may take before the page says it does not answer. */
const OPEN_TIMEOUT_MS = 10000;

/**
 * This browser's key store did not open: the browser refused it (storage disabled or full), or it did
 * not answer in time (a page that was closed while creating the store can hold it up in Chromium).
 */
export class KeyStoreUnavailable extends Error {
  constructor(cause) {
    super('this browser\'s key store did not open: ' + cause);
    this.name = 'KeyStoreUnavailable';
  }
}

function open() {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = cause => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new KeyStoreUnavailable(cause));
    };
    const timer = setTimeout(() => fail('no answer in ' + OPEN_TIMEOUT_MS + ' ms'), OPEN_TIMEOUT_MS);
    let request;
    try {
      request = indexedDB.open(DATABASE, 1);
    } catch (refused) { // no IndexedDB for this page at all (e.g. storage disabled)
      fail(refused);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // never hold up another page of the site that opens a newer version of the store
      db.onversionchange = () => db.close();
      if (settled) { db.close(); return; }
      settled = true;
      clearTimeout(timer);
      resolve(db);
    };
    request.onerror = () => fail(request.error);
    // blocked (another page holds an older version open): wait for it to close, or for the timer
  });
}

async function transact(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  });
}

function base64(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function hex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's key for the person, or null: {keyId, publicKey (base64 SPKI), label, privateKey}. */
export async function myKey(username) {
  return (await transact('readonly', store => store.get(username))) || null;
}

/** Makes a new key pair for the person in this browser; the private half can never be exported. */
export async function createKey(username, label) {
  const pair = await crypto.subtle.generateKey({name: 'Ed25519'}, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  const key = {
    keyId: hex(digest.slice(0, 16)),
    publicKey: base64(spki),
    label,
    suite: 'ed25519',
    privateKey: pair.privateKey,
    created: new Date().toISOString()
  };
  await transact('readwrite', store => store.put(key, username));
  return key;
}

/** Forgets this browser's key (after the person withdrew it, or the device is handed on). */
export async function forgetKey(username) {
  await transact('readwrite', store => store.delete(username));
}

/** RFC 8785: object members sorted by UTF-16 code units, ECMAScript number and string forms, no spaces. */
export function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not a JSON number: ' + value);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalize).join(',') + ']';
  return '{' + Object.keys(value).sort()
      .filter(k => value[k] !== undefined)
      .map(k => JSON.stringify(k) + ':' + canonicalize(value[k])).join(',') + '}';
}

/** The signed entry {entry, signature} for an envelope the service built, signed with this browser's key. */
export async function signEntry(key, entry) {
  if (entry.keyId !== key.keyId) throw new Error('the entry names key ' + entry.keyId + ', not this browser\'s');
  const bytes = new TextEncoder().encode(canonicalize(entry));
  const signature = new Uint8Array(await crypto.subtle.sign({name: 'Ed25519'}, key.privateKey, bytes));
  return {entry, signature: base64(signature)};
}

/** Something this browser remembers for the person beside their key (e.g. the checkpoint they last cosigned). */
export async function recall(username, name) {
  return (await transact('readonly', store => store.get(username + '\n' + name))) || null;
}

export async function remember(username, name, value) {
  await transact('readwrite', store => store.put(value, username + '\n' + name));
}

/**
 * A C2SP tlog-cosignature/v1 line by this browser's key over a checkpoint's note text (ending in a
 * newline): the key is the cosigner key (type 0x04) named {@code name}, the signed message
 * "cosignature/v1\ntime <t>\n" followed by the text, the line "— <name> base64(key hash ‖ t ‖ signature)".
 */
export async function cosignatureLine(key, name, noteText, timeSeconds) {
  const spki = Uint8Array.from(atob(key.publicKey), c => c.charCodeAt(0));
  const raw = spki.slice(spki.length - 32);
  const encoder = new TextEncoder();
  const hashed = new Uint8Array([...encoder.encode(name + '\n'), 0x04, ...raw]);
  const keyHash = new Uint8Array(await crypto.subtle.digest('SHA-256', hashed)).slice(0, 4);
  const message = encoder.encode('cosignature/v1\ntime ' + timeSeconds + '\n' + noteText);
  const signature = new Uint8Array(await crypto.subtle.sign({name: 'Ed25519'}, key.privateKey, message));
  const time = new Uint8Array(8);
  new DataView(time.buffer).setBigUint64(0, BigInt(timeSeconds));
  return '\u2014 ' + name + ' ' + base64(new Uint8Array([...keyHash, ...time, ...signature]));
}
