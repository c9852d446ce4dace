// 见证签名 in the browser: the community auditor checks that the book's latest checkpoint extends
// the one they cosigned last (an RFC 9162 consistency proof, checked here, not by the server) and
// cosigns it with their own key from this browser as a C2SP tlog-cosignature/v1.

import {myKey, recall, remember, cosignatureLine, KeyStoreUnavailable} from './signing.js';

const page = document.querySelector('[data-cosign]');
const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
const username = document.body.dataset.username;

function bytes(hex) {
  return Uint8Array.from(hex.match(/../g), h => parseInt(h, 16));
}

function same(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function node(left, right) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array([1, ...left, ...right])));
}

/** RFC 9162 §2.1.4.2: does the tree of {@code second} leaves extend the tree of {@code first}? */
export async function consistent(first, second, proof, firstRoot, secondRoot) {
  if (first === second) return proof.length === 0 && same(firstRoot, secondRoot);
  if (first === 0 || first > second || proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof.slice();
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await node(c, fr);
      sr = await node(c, sr);
      while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      sr = await node(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return same(fr, firstRoot) && same(sr, secondRoot) && sn === 0;
}

function say(text, good) {
  const status = page.querySelector('.form-status');
  status.textContent = text;
  status.className = 'form-status ' + (good ? 'ok' : 'bad');
}

async function cosign() {
  const words = page.dataset;
  const book = words.book;
  const key = await myKey(username);
  if (!key) return say(words.noKey, false);
  const note = await (await fetch('/api/books/' + book + '/checkpoint', {credentials: 'same-origin'})).text();
  const text = note.slice(0, note.indexOf('\n\n') + 1);
  const [, sizeLine, rootLine] = text.split('\n');
  const size = parseInt(sizeLine, 10);
  const root = Uint8Array.from(atob(rootLine), c => c.charCodeAt(0));
  const last = await recall(username, 'cosigned ' + book);
  if (last) {
    const lastRoot = Uint8Array.from(atob(last.root), c => c.charCodeAt(0));
    let hashes = [];
    if (last.size < size) {
      const answer = await fetch('/api/books/' + book + '/proofs/consistency?from=' + last.size + '&to=' + size,
          {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
      if (!answer.ok) return say(words.splitView.replace('{0}', last.size), false);
      hashes = (await answer.json()).hashes.map(bytes);
    }
    if (last.size > size || !(await consistent(last.size, size, hashes, lastRoot, root))) {
      return say(words.splitView.replace('{0}', last.size), false);
    }
  }
  const line = await cosignatureLine(key, words.actor, text, Math.floor(Date.now() / 1000));
  const posted = await fetch('/api/books/' + book + '/checkpoints/' + size + '/cosignatures', {method: 'POST',
    credentials: 'same-origin', headers: {'Content-Type': 'text/plain', 'Accept': 'text/plain, application/problem+json',
      'X-CSRF-TOKEN': csrf},
    body: line + '\n'});
  if (!posted.ok) {
    let detail = '';
    try { detail = (await posted.json()).detail || ''; } catch (e) { detail = String(posted.status); }
    return say(words.failed + ' ' + detail, false);
  }
  await remember(username, 'cosigned ' + book, {size, root: rootLine});
  page.querySelector('[data-cosigned-size]').textContent = String(size);
  say(words.done.replace('{0}', size), true);
}

if (page) {
  page.querySelector('button[data-cosign-now]').addEventListener('click', () => cosign().catch(e => say(
      e instanceof KeyStoreUnavailable ? document.getElementById('ws-text').dataset.keyStore : String(e), false)));
  recall(username, 'cosigned ' + page.dataset.book).then(last => {
    if (last) page.querySelector('[data-cosigned-size]').textContent = String(last.size);
  }, () => { /* the key store did not open: the page's signer badge says so */ });
}
