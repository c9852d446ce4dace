// The workspace's one way to act: every form marked data-api is sent as JSON to the API, with the
// session's CSRF token and, when this browser holds the person's key, its key id. When the service
// answers with an entry to sign (202), it is checked, signed here and posted to the book's log; an
// entry that lost the race for the book's head is built and signed again. Refusals are shown next
// to the field they name, in the person's language (the service's own words).
import {myKey, createKey, forgetKey, canonicalize, signEntry, KeyStoreUnavailable} from './signing.js';

const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
const username = document.body.dataset.username;
const words = document.getElementById('ws-text')?.dataset || {};

async function json(response) {
  const text = await response.text();
  try { return text ? JSON.parse(text) : {}; } catch (e) { return {detail: text}; }
}

class Refusal extends Error {
  constructor(problem) { super(problem.detail || problem.title || words.failed); this.problem = problem; }
}

/** A key store that did not open, said in the person's language; any other error as it is. */
function inWords(error) {
  return error instanceof KeyStoreUnavailable ? new Refusal({detail: words.keyStore}) : error;
}

/** This browser's key for the person, or null; a Refusal when the key store does not open. */
async function ownKey() {
  try {
    return await myKey(username);
  } catch (error) {
    throw inWords(error);
  }
}

/** Sends one action; resolves with {answer, signedBy: 'own' | 'service'} or rejects with a Refusal. */
export async function act(url, body, method = 'POST') {
  const key = username ? await ownKey() : null;
  for (let attempt = 1; ; attempt++) {
    const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (csrf) headers['X-CSRF-TOKEN'] = csrf;
    if (key) headers['Ledger-Key'] = key.keyId;
    const response = await fetch(url, {method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
    const answer = await json(response);
    if (response.status !== 202 || answer.status !== 'signature-required') {
      if (!response.ok) throw new Refusal(answer);
      return {answer, signedBy: 'service'};
    }
    // the service built the entry under the book's lease: no one else appends until it is posted,
    // released, or expired (docs/signing.md)
    const release = () => answer.lease && fetch(answer.submitTo.replace(/\/entries$/, '/lease/') + answer.lease,
      {method: 'DELETE', credentials: 'same-origin', headers: {'X-CSRF-TOKEN': csrf}}).catch(() => {});
    if (canonicalize(answer.entry) !== answer.canonical) {
      release();
      throw new Refusal({detail: words.canonical});
    }
    let signed;
    try {
      signed = await signEntry(key, answer.entry);
    } catch (e) {
      release();
      throw e;
    }
    const postHeaders = {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf};
    if (answer.lease) postHeaders['Ledger-Lease'] = answer.lease;
    const posted = await fetch(answer.submitTo, {method: 'POST', credentials: 'same-origin',
      headers: postHeaders, body: JSON.stringify(signed)});
    const receipt = await json(posted);
    if (posted.ok) return {answer: receipt, signedBy: 'own'};
    if (!posted.ok) release();
    if (posted.status === 409 && /^(entry\.(index|prev)|book\.lease)/.test(receipt.code || '') && attempt < 3) continue;
    throw new Refusal(receipt);
  }
}

/** A form's fields as JSON: names like "lines[2].debit" or "attachments.count" build nested values. */
export function formJson(form) {
  const body = {};
  for (const field of form.elements) {
    if (!field.name || field.disabled || field.dataset.skip !== undefined) continue;
    if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) continue;
    if (field.value === '' && field.dataset.keepEmpty === undefined) continue;
    let value = field.value;
    if (field.type === 'checkbox' && field.value === 'on') value = true;
    if (field.dataset.type === 'int') value = parseInt(field.value, 10);
    if (field.dataset.type === 'list') value = field.value.split(/[\s,，]+/).filter(Boolean);
    put(body, field.name, value);
  }
  return body;
}

function put(target, path, value) {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let at = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
    if (last) { at[part] = value; return; }
    if (at[part] === undefined) at[part] = nextIsIndex ? [] : {};
    at = at[part];
  });
}

function compact(value) {
  if (Array.isArray(value)) return value.filter(v => v !== undefined && v !== null).map(compact);
  if (value && typeof value === 'object') {
    Object.keys(value).forEach(k => { value[k] = compact(value[k]); });
  }
  return value;
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const box = form.querySelector('.form-status');
  if (box) { box.textContent = ''; box.className = 'form-status'; }
}

/** Shows a refusal next to the field it names ("entry.payload.lines[1].account" → lines[1].account). */
export function showRefusal(form, refusal) {
  const problem = refusal.problem || {detail: String(refusal.message || refusal)};
  const field = (problem.field || '').replace(/^entry\.payload\./, '');
  const input = field && form.querySelector('[name="' + CSS.escape(field) + '"]');
  const message = document.createElement('p');
  message.className = 'field-error bad';
  message.setAttribute('role', 'alert');
  message.textContent = problem.detail || words.failed;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    message.id = 'err-' + Math.random().toString(36).slice(2);
    input.setAttribute('aria-describedby', message.id);
    input.insertAdjacentElement('afterend', message);
    input.focus();
  } else {
    status(form, '', '');
    (form.querySelector('.form-status') || form).appendChild(message);
  }
}

function status(form, text, kind) {
  const box = form.querySelector('.form-status');
  if (box) { box.textContent = text; box.className = 'form-status ' + kind; }
}

function next(form, answer) {
  let target = form.dataset.then || 'reload';
  if (target === 'stay') return;
  if (target === 'reload') { reloadAfter(answer); return; }
  target = target.replace('{voucherId}', encodeURIComponent(answer.voucherId || ''));
  const index = answer.receipt?.index ?? answer.index;
  if (index !== undefined) target += (target.includes('?') ? '&' : '?') + 'after=' + index;
  location.assign(target);
}

async function submit(form) {
  clearErrors(form);
  status(form, words.signing, 'muted');
  const method = form.dataset.method || 'POST';
  try {
    const {answer, signedBy} = await act(form.dataset.api, compact(formJson(form)), method);
    status(form, signedBy === 'own' ? words.signedOwn : words.signedService, 'ok');
    form.dispatchEvent(new CustomEvent('ledger:done', {detail: {answer, signedBy}}));
    next(form, answer);
  } catch (refusal) {
    status(form, '', '');
    showRefusal(form, refusal);
  }
}

/**
 * The selected rows of a list, each sent on its own (one entry each), e.g. 批量审核; oldest date first
 * (in list order within a day), so that 记账所选 numbers them in date order (序时控制). With
 * data-batch-body="form" each carries the form's other fields (e.g. the key to enrol in every book).
 */
async function submitBatch(form, button) {
  clearErrors(form);
  form.querySelectorAll('.batch-note').forEach(note => note.remove());
  const selected = [...form.querySelectorAll('input[type=checkbox][data-id]:checked:not(:disabled)')]
      .map((box, at) => ({box, at}))
      .sort((a, b) => (a.box.dataset.date || '').localeCompare(b.box.dataset.date || '') || a.at - b.at)
      .map(entry => entry.box);
  const template = button.dataset.batchApi;
  let done = 0;
  let refused = 0;
  let last;
  for (const [at, box] of selected.entries()) {
    status(form, words.signing + ' ' + (at + 1) + '/' + selected.length, 'muted');
    try {
      const body = button.dataset.batchBody === 'form' ? compact(formJson(form)) : {};
      last = (await act(template.replace('{id}', encodeURIComponent(box.dataset.id)), body)).answer;
      done++;
      // done: not sent again if the batch is submitted again
      box.checked = false;
      box.disabled = true;
      noteItem(box, words.batchDone, 'ok');
    } catch (refusal) {
      if (!refusedOnItsMerits(refusal)) {
        // not this item's fault (signed out, no network, the key store): the batch stops here
        showRefusal(form, inWords(refusal));
        return;
      }
      refused++;
      box.checked = false;
      noteItem(box, namedAsListed(box, refusal.problem.detail) || words.failed, 'bad');
    }
  }
  if (refused) {
    status(form, words.batchRefused.replace('{0}', done).replace('{1}', refused), 'bad');
    return;
  }
  status(form, words.signedOwn, 'ok');
  reloadAfter(last);
}

/** The service refused this item for what it is (not found, in conflict, invalid): the batch goes on with the next. */
function refusedOnItsMerits(refusal) {
  return [404, 409, 422].includes(refusal?.problem?.status);
}

/**
 * A refusal beside a list's item names the item as the list does (data-label: its 凭证字号, or its
 * 摘要 in quotes), not by the id the service's message gives, which the reader cannot tell apart.
 */
function namedAsListed(box, detail) {
  const {id, label} = box.dataset;
  if (!detail || !label || !detail.includes(id)) return detail;
  const named = detail.split(id).join(label);
  // Chinese sets no space beside full-width quotes: 凭证“收12月广告费”已审核。
  return document.documentElement.lang.startsWith('zh') ? named.replace(/ (?=“)|(?<=”) /g, '') : named;
}

/** What a batch says beside one of its items; the item shown if a closed <details> holds it. */
function noteItem(box, text, kind) {
  const item = box.closest('li, tr') || box.parentElement;
  const note = document.createElement('span');
  note.className = 'batch-note ' + kind;
  note.textContent = text;
  if (kind === 'bad') note.setAttribute('role', 'alert');
  // beside what names the item (a voucher's 摘要), else at its end
  (item.querySelector('[data-batch-note]') || item.lastElementChild || item).appendChild(note);
  const details = box.closest('details');
  if (details && kind === 'bad') details.open = true;
}

/** Shows the page again once the reports have read the entry just made (?after=index). */
function reloadAfter(answer) {
  const index = answer?.receipt?.index ?? answer?.index;
  const url = new URL(location.href);
  if (index !== undefined) url.searchParams.set('after', index);
  location.assign(url.toString());
}

document.addEventListener('submit', event => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  event.preventDefault();
  submit(form);
});

document.addEventListener('click', event => {
  const button = event.target.closest('button[data-batch-api]');
  if (button) {
    event.preventDefault();
    submitBatch(button.form, button);
  }
  const all = event.target.closest('input[data-select-all]');
  if (all) {
    all.form.querySelectorAll('input[type=checkbox][data-id]:not(:disabled)').forEach(box => { box.checked = all.checked; });
  }
});

// 我的签名密钥: make a key in this browser and declare its public half; forget it.
async function showBrowserKey() {
  const panel = document.getElementById('browser-key');
  if (!panel || !username) return;
  let key;
  try {
    key = await ownKey();
  } catch (refusal) {
    showRefusal(panel.querySelector('[data-key-none]'), refusal);
    return;
  }
  panel.querySelector('[data-key-none]').hidden = !!key;
  panel.querySelector('[data-key-present]').hidden = !key;
  if (key) {
    panel.querySelector('[data-key-id]').textContent = key.keyId;
    panel.querySelector('[data-key-label]').textContent = key.label;
  }
}

document.addEventListener('click', async event => {
  const create = event.target.closest('button[data-create-key]');
  if (create) {
    event.preventDefault();
    // one key per click: a second click while the first key is being made and declared would make
    // another, replace the first in this browser, and leave the first declared but unusable
    if (create.disabled) return;
    create.disabled = true;
    const form = create.form;
    clearErrors(form);
    const label = form.querySelector('[name=label]').value.trim();
    try {
      if (!window.crypto?.subtle) throw new Refusal({detail: words.noWebCrypto});
      const key = await createKey(username, label || words.thisBrowser);
      await act('/api/me/keys', {suite: key.suite, publicKey: key.publicKey, label: key.label});
      location.reload();
    } catch (refusal) {
      await forgetKey(username).catch(() => { /* the store did not open: nothing was kept */ });
      showRefusal(form, inWords(refusal));
      create.disabled = false;
    }
  }
  const forget = event.target.closest('button[data-forget-key]');
  if (forget) {
    event.preventDefault();
    try {
      const key = await ownKey();
      if (key) {
        try { await act('/api/me/keys/' + key.keyId, undefined, 'DELETE'); } catch (e) { /* already withdrawn */ }
        await forgetKey(username);
      }
      location.reload();
    } catch (refusal) {
      showRefusal(forget.form, inWords(refusal));
    }
  }
});

// Every page of the workspace says whether this browser signs with the person's own key (data-state:
// own, none, or unavailable when the key store does not open).
async function showSigner() {
  const badge = document.getElementById('signer');
  if (!badge || !username) return;
  let key;
  try {
    key = await ownKey();
  } catch (refusal) {
    badge.textContent = words.keyStoreShort;
    badge.title = refusal.message;
    badge.className = 'signer bad';
    badge.dataset.state = 'unavailable';
    return;
  }
  badge.textContent = key ? words.ownKey + ' ' + key.keyId.slice(0, 8) : words.noKey;
  badge.className = key ? 'signer ok' : 'signer warn';
  badge.dataset.state = key ? 'own' : 'none';
}

showBrowserKey();
showSigner();
