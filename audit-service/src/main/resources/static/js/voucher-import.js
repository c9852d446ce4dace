// 导入凭证: the whole file is checked by the service (nothing written) and every bad row shown; a
// clean file's vouchers are then recorded one by one through the voucher API, each an entry the
// preparer signs — in this browser with their own key, through workspace.js's one signing step.
import {act, showRefusal} from './workspace.js';

const form = document.getElementById('import-form');
const confirmForm = document.getElementById('import-confirm');
const problems = document.getElementById('import-problems');
const preview = document.getElementById('import-preview');
const text = document.getElementById('import-text').dataset;
const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
let checked = null;
let file = null;

function fill(pattern, ...args) {
  return args.reduce((t, a, i) => t.replace('{' + i + '}', a), pattern);
}

function cell(row, value, className) {
  const td = document.createElement('td');
  td.textContent = value ?? '';
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function status(target, message, kind) {
  const box = target.querySelector('.form-status');
  box.textContent = message;
  box.className = 'form-status ' + (kind || '');
}

function clear() {
  document.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelector('#import-file').removeAttribute('aria-invalid');
  problems.hidden = true;
  preview.hidden = true;
  problems.querySelector('tbody').replaceChildren();
  preview.querySelector('tbody').replaceChildren();
  status(form, '', '');
  status(confirmForm, '', '');
  checked = null;
}

/** A refusal shown next to the file field, in the person's language. */
function refuse(detail) {
  showRefusal(form, {problem: {field: 'file', detail}});
}

function showProblems(answer) {
  const body = problems.querySelector('tbody');
  for (const error of answer.errors) {
    const row = document.createElement('tr');
    cell(row, error.row);
    cell(row, error.field ? error.column + ' · ' + error.field : '');
    cell(row, error.message, 'bad');
    body.appendChild(row);
  }
  problems.hidden = false;
  refuse(fill(text.problems, answer.errors.length));
}

function showPreview(answer) {
  checked = answer;
  const body = preview.querySelector('tbody');
  answer.vouchers.forEach((voucher, i) => {
    const row = document.createElement('tr');
    row.dataset.index = i;
    if (voucher.reverses) row.className = 'red-voucher';
    cell(row, voucher.firstRow === voucher.lastRow ? voucher.firstRow : voucher.firstRow + '–' + voucher.lastRow);
    cell(row, voucher.voucher);
    cell(row, voucher.date);
    cell(row, (voucher.reverses ? text.red + ' · ' : '') + voucher.lines[0].summary);
    cell(row, voucher.total, 'amount');
    cell(row, voucher.attachments);
    cell(row, text.waiting, 'muted');
    body.appendChild(row);
  });
  document.getElementById('import-summary').textContent = fill(text.clean, answer.rows, answer.vouchers.length);
  preview.hidden = false;
  confirmForm.querySelector('button').disabled = false;
}

async function answerOf(response) {
  const body = await response.text();
  try { return body ? JSON.parse(body) : {}; } catch (e) { return {detail: body}; }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  clear();
  file = form.querySelector('#import-file').files[0];
  if (!file) { refuse(text.noFile); return; }
  status(form, text.checking, 'muted');
  const response = await fetch(form.dataset.checkApi + '?fileName=' + encodeURIComponent(file.name), {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: {'Content-Type': file.type || 'application/octet-stream', 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf}});
  const answer = await answerOf(response);
  status(form, '', '');
  if (response.ok) showPreview(answer);
  else if (answer.errors && answer.errors.length) showProblems(answer);
  else refuse(answer.detail || text.failed);
});

/** The file stored once as an attachment, cited by the vouchers that count 附单据. */
async function citedFile() {
  if (!checked.vouchers.some(v => v.attachments > 0 && !v.reverses)) return null;
  const response = await fetch(form.dataset.attachApi, {method: 'POST', credentials: 'same-origin', body: file,
    headers: {'Content-Type': file.type || 'application/octet-stream', 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf}});
  const stored = await answerOf(response);
  if (!response.ok) throw {problem: stored};
  return {sha256: stored.sha256, name: checked.fileName};
}

function voucherBody(voucher, cited) {
  const lines = voucher.lines.map(l => {
    const line = {summary: l.summary, account: l.account};
    if (l.debit) line.debit = l.debit;
    if (l.credit) line.credit = l.credit;
    return line;
  });
  return {word: voucher.word, date: voucher.date, lines,
    attachments: {count: voucher.attachments, files: cited && voucher.attachments > 0 ? [cited] : []}};
}

confirmForm.addEventListener('submit', async event => {
  event.preventDefault();
  if (!checked) return;
  const button = confirmForm.querySelector('button');
  button.disabled = true;
  form.querySelector('button').disabled = true;
  const rows = preview.querySelectorAll('tbody tr');
  let done = 0;
  try {
    const cited = await citedFile();
    for (const voucher of checked.vouchers) {
      status(confirmForm, fill(text.recording, done + 1, checked.vouchers.length), 'muted');
      const {signedBy} = voucher.reverses
        ? await act(form.dataset.reverseApi.replace('{id}', encodeURIComponent(voucher.reverses)),
            {date: voucher.date, reason: voucher.reason})
        : await act(form.dataset.recordApi, voucherBody(voucher, cited));
      const state = rows[done].lastElementChild;
      state.textContent = signedBy === 'own' ? text.own : text.service;
      state.className = 'ok';
      done++;
    }
    status(confirmForm, fill(text.done, done), 'ok');
    link();
  } catch (refusal) {
    const detail = refusal.problem?.detail || refusal.message || text.failed;
    status(confirmForm, fill(text.stopped, done, checked.vouchers[done]?.voucher ?? '') + ' ' + detail, 'bad');
    if (rows[done]) {
      const state = rows[done].lastElementChild;
      state.textContent = detail;
      state.className = 'bad';
    }
    if (done > 0) link();
  } finally {
    form.querySelector('button').disabled = false;
  }
});

function link() {
  const a = document.createElement('a');
  a.href = form.dataset.bookPage;
  a.className = 'button secondary';
  a.id = 'import-to-book';
  a.textContent = text.toBook;
  confirmForm.appendChild(a);
}
