// Files a spending request, tender or contract cites: each is stored first (content-addressed) and
// then cited by its SHA-256. A file input marked data-attach-as="quotes" adds {sha256, name} to that
// list in hidden fields; one marked data-attach-to="reportSha256" fills that one field.
async function store(input, file) {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
  const response = await fetch(input.dataset.attachApi, {method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-TOKEN': csrf, 'Accept': 'application/json'},
    body: file});
  const stored = await response.json().catch(() => ({}));
  return response.ok ? stored.sha256 : Promise.reject(new Error(stored.detail || String(response.status)));
}

function hidden(name, value) {
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = name;
  field.value = value;
  return field;
}

document.addEventListener('change', async event => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.dataset.attachApi) return;
  const kind = input.dataset.attachAs;
  const listed = input.form.querySelector('ul[data-attached="' + (kind || input.dataset.attachTo) + '"]');
  for (const file of input.files) {
    const item = document.createElement('li');
    try {
      const sha256 = await store(input, file);
      item.textContent = file.name + ' · ' + sha256.slice(0, 12);
      if (kind) {
        const n = listed.querySelectorAll('input[name$=".sha256"]').length;
        item.append(hidden(kind + '[' + n + '].sha256', sha256), hidden(kind + '[' + n + '].name', file.name));
      } else {
        input.form.querySelector('[name="' + input.dataset.attachTo + '"]').value = sha256;
        listed.replaceChildren();
      }
    } catch (refusal) {
      item.className = 'bad';
      item.textContent = file.name + ': ' + refusal.message;
    }
    listed.appendChild(item);
  }
  input.value = '';
});
