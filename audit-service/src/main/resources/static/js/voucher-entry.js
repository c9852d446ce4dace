// 凭证录入 in the keyboard way 用友/金蝶 users know: Enter (or Tab) goes to the next cell, "=" in an
// amount cell fills the amount that balances the voucher, Ctrl+Enter saves and opens a new voucher.
// The account cell searches code, name and pinyin initials. Totals, 借贷平衡 and the 大写 total follow
// every keystroke. Amounts are handled as integer 分, never as floating point.
const form = document.getElementById('voucher-entry');
const lines = document.getElementById('v-lines');
const list = document.getElementById('account-list');
const accounts = JSON.parse(form.dataset.accounts);
const byCode = new Map(accounts.map(a => [a.code, a]));
const next = JSON.parse(form.dataset.nextNumbers);

/** "1,234.5" → 123450 分; null when it is not an amount with at most two decimals. */
function fen(text) {
  const t = (text || '').replace(/[,，\s]/g, '');
  const m = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const value = parseInt(m[2], 10) * 100 + parseInt((m[3] || '0').padEnd(2, '0'), 10);
  return m[1] ? -value : value;
}

function yuan(f) {
  const sign = f < 0 ? '-' : '';
  const abs = Math.abs(f);
  return sign + Math.floor(abs / 100).toLocaleString('en-US') + '.' + String(abs % 100).padStart(2, '0');
}

function plain(f) {
  const abs = Math.abs(f);
  return (f < 0 ? '-' : '') + Math.floor(abs / 100) + '.' + String(abs % 100).padStart(2, '0');
}

function rows() {
  return [...lines.querySelectorAll('tr.line')];
}

function cells() {
  return rows().flatMap(r => [...r.querySelectorAll('input')]);
}

function totals(except) {
  let debit = 0, credit = 0;
  for (const row of rows()) {
    const d = row.querySelector('.debit'), c = row.querySelector('.credit');
    if (d !== except) debit += fen(d.value) || 0;
    if (c !== except) credit += fen(c.value) || 0;
  }
  return {debit, credit};
}

let wordsTimer;
function refresh() {
  const {debit, credit} = totals();
  document.getElementById('v-debit').textContent = yuan(debit);
  document.getElementById('v-credit').textContent = yuan(credit);
  const balance = document.getElementById('v-balance');
  const balanced = debit === credit && debit !== 0;
  balance.textContent = balanced ? form.dataset.msgBalanced : form.dataset.msgUnbalanced;
  balance.className = balanced ? 'ok' : 'warn';
  clearTimeout(wordsTimer);
  wordsTimer = setTimeout(async () => {
    const response = await fetch(form.dataset.wordsApi + '?fen=' + debit, {headers: {'Accept': 'application/json'}});
    if (response.ok) document.getElementById('v-words').textContent = (await response.json()).words;
  }, 150);
  const word = form.querySelector('[name=word]').value;
  const date = form.querySelector('[name=date]').value;
  document.getElementById('v-number').textContent = word + '-' +
      (date.startsWith(next.period) ? next.next[word] : form.dataset.msgUnnumbered);
}

function addRow() {
  const template = rows()[rows().length - 1];
  const row = template.cloneNode(true);
  row.querySelectorAll('input').forEach(input => { input.value = ''; input.removeAttribute('aria-invalid'); });
  row.querySelector('.account-name').textContent = '';
  row.querySelectorAll('.field-error').forEach(e => e.remove());
  lines.appendChild(row);
  renumber(false);
  return row;
}

/** Names rows lines[0], lines[1], … ; before saving, rows left empty are not sent. */
function renumber(dropEmpty) {
  let n = 0;
  for (const row of rows()) {
    const inputs = [...row.querySelectorAll('input')];
    const empty = inputs.every(i => i.value.trim() === '');
    inputs.forEach(input => {
      const field = input.classList.contains('summary') ? 'summary' : input.classList.contains('account') ? 'account'
          : input.classList.contains('debit') ? 'debit' : 'credit';
      input.name = 'lines[' + n + '].' + field;
      input.disabled = dropEmpty && empty;
    });
    if (!(dropEmpty && empty)) n++;
  }
}

function move(from) {
  const all = cells();
  const at = all.indexOf(from);
  if (at === all.length - 1) addRow();
  const target = cells()[at + 1];
  target.focus();
  target.select?.();
}

// the account picker
let choices = [];
let active = -1;
let pickerFor = null;

function search(text) {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  return accounts.filter(a => a.code.startsWith(q) || a.name.includes(text.trim()) || a.initials.startsWith(q))
      .slice(0, 12);
}

function showChoices(input) {
  choices = search(input.value);
  pickerFor = input;
  active = choices.length ? 0 : -1;
  list.innerHTML = '';
  choices.forEach((a, i) => {
    const item = document.createElement('li');
    item.id = 'acct-' + a.code;
    item.setAttribute('role', 'option');
    item.textContent = a.code + ' ' + a.name;
    item.addEventListener('mousedown', e => { e.preventDefault(); pick(input, a); move(input); });
    list.appendChild(item);
  });
  const cell = input.closest('td');
  cell.appendChild(list);
  list.hidden = choices.length === 0;
  input.setAttribute('aria-expanded', String(!list.hidden));
  highlight();
}

function highlight() {
  [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
  if (pickerFor && active >= 0) pickerFor.setAttribute('aria-activedescendant', 'acct-' + choices[active].code);
}

function closeChoices() {
  list.hidden = true;
  pickerFor?.setAttribute('aria-expanded', 'false');
  pickerFor?.removeAttribute('aria-activedescendant');
}

function pick(input, account) {
  input.value = account.code;
  showName(input);
  closeChoices();
}

function showName(input) {
  const account = byCode.get(input.value.trim());
  const name = input.parentElement.querySelector('.account-name');
  name.textContent = account ? account.name : (input.value.trim() ? form.dataset.msgNoAccount : '');
}

form.addEventListener('input', event => {
  const input = event.target;
  if (input.classList.contains('account')) showChoices(input);
  if (input.classList.contains('debit') && input.value) input.closest('tr').querySelector('.credit').value = '';
  if (input.classList.contains('credit') && input.value) input.closest('tr').querySelector('.debit').value = '';
  refresh();
});

form.addEventListener('change', refresh);

form.addEventListener('focusin', event => {
  const input = event.target;
  if (input.classList?.contains('summary') && !input.value) {
    const row = input.closest('tr');
    const previous = row.previousElementSibling?.querySelector('.summary');
    if (previous?.value) { input.value = previous.value; input.select(); }
  }
});

form.addEventListener('focusout', event => {
  if (event.target.classList?.contains('account')) { showName(event.target); setTimeout(closeChoices, 100); }
});

form.addEventListener('keydown', event => {
  const input = event.target;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit(form.querySelector('button[value=new]'));
    return;
  }
  if (input.classList.contains('account') && !list.hidden) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length;
      highlight();
      return;
    }
    if (event.key === 'Escape') { closeChoices(); return; }
    if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(input, choices[active]);
      move(input);
      return;
    }
  }
  if ((input.classList.contains('debit') || input.classList.contains('credit')) && event.key === '=') {
    event.preventDefault();
    const {debit, credit} = totals(input);
    const missing = input.classList.contains('debit') ? credit - debit : debit - credit;
    if (missing > 0) {
      input.value = plain(missing);
      input.closest('tr').querySelector(input.classList.contains('debit') ? '.credit' : '.debit').value = '';
      refresh();
    }
    return;
  }
  if (event.key === 'Enter' && input.closest('#v-lines')) {
    event.preventDefault();
    if (input.classList.contains('account')) showName(input);
    move(input);
  }
});

document.getElementById('v-add-line').addEventListener('click', () => addRow().querySelector('input').focus());

// Runs before the workspace's own submit handler (this listener is on the form itself).
form.addEventListener('submit', event => {
  renumber(true);
  const then = event.submitter?.value || 'new';
  const word = form.querySelector('[name=word]').value;
  const date = form.querySelector('[name=date]').value;
  form.dataset.then = then === 'show' ? form.dataset.show + '{voucherId}'
      : form.dataset.new + '?word=' + encodeURIComponent(word) + '&date=' + encodeURIComponent(date);
});

form.addEventListener('ledger:done', () => renumber(false));
form.addEventListener('focusin', () => { if (rows().some(r => r.querySelector('input').disabled)) renumber(false); });

// receipts: stored first (content-addressed), then cited by the voucher
document.getElementById('v-files').addEventListener('change', async event => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
  const listed = document.getElementById('v-file-list');
  for (const file of event.target.files) {
    const response = await fetch(form.dataset.attachApi, {method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-TOKEN': csrf, 'Accept': 'application/json'},
      body: file});
    const stored = await response.json();
    const item = document.createElement('li');
    if (!response.ok) {
      item.className = 'bad';
      item.textContent = file.name + ': ' + (stored.detail || response.status);
      listed.appendChild(item);
      continue;
    }
    const n = listed.querySelectorAll('input[name$=".sha256"]').length;
    item.textContent = file.name + ' · ' + stored.sha256.slice(0, 12);
    for (const [field, value] of [['sha256', stored.sha256], ['name', file.name]]) {
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'attachments.files[' + n + '].' + field;
      hidden.value = value;
      item.appendChild(hidden);
    }
    listed.appendChild(item);
    const count = form.querySelector('[name="attachments.count"]');
    count.value = Math.max(parseInt(count.value || '0', 10), n + 1);
  }
  event.target.value = '';
});

refresh();
form.querySelector('.summary').focus();
