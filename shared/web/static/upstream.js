// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// The upload form, sent from the browser: declare the files (name, size, SHA-256) to the app, put each one
// straight to its presigned storage address with a progress bar, then follow the checks until they are
// done and open the report. Without this script the form posts the files to the app instead.
for (const form of document.querySelectorAll('[data-upload-form]')) {
  form.addEventListener('submit', (event) => {
    const files = [...form.querySelector('input[type="file"]').files];
    // No files, or a browser without Web Crypto: the form post goes as it is and the app explains.
    if (files.length === 0 || !window.crypto?.subtle) return;
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    sendDirect(form, files).catch((error) => {
      button.disabled = false;
      say(form, '');
      form.querySelector('[data-upload-progress]').hidden = true;
      showError(error.message);
    });
  });
}

// Files dropped anywhere on the file question count as chosen (browsers take drops on the input alone).
for (const input of document.querySelectorAll('[data-upload-form] input[type="file"]')) {
  const area = input.closest('.govuk-form-group');
  const over = (on) => area.classList.toggle('app-drop-target--over', on);
  area.addEventListener('dragover', (event) => {
    event.preventDefault();
    over(true);
  });
  area.addEventListener('dragleave', () => over(false));
  area.addEventListener('drop', (event) => {
    event.preventDefault();
    over(false);
    if (event.dataTransfer?.files.length) input.files = event.dataTransfer.files;
  });
}

const say = (form, words) => {
  form.querySelector('[data-upload-status]').textContent = words;
};

function showError(message) {
  const area = document.querySelector('[data-upload-error-area]');
  area.querySelector('[data-testid="upload-error"]').textContent = message;
  area.hidden = false;
  const summary = area.querySelector('.govuk-error-summary');
  summary.setAttribute('tabindex', '-1');
  summary.focus();
}

async function sendDirect(form, files) {
  document.querySelector('[data-upload-error-area]').hidden = true;
  const bars = showProgress(form, files);
  say(form, `Preparing ${files.length === 1 ? 'the file' : `${files.length} files`}…`);
  const declared = await Promise.all(
    files.map(async (file) => ({ name: file.name, size: file.size, sha256: await sha256(file) })),
  );
  const response = await fetch('/returns/start', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': form.elements._csrf.value },
    body: JSON.stringify({
      returnType: form.elements.returnType.value,
      collectionYear: form.elements.collectionYear.value,
      files: declared,
    }),
  });
  const started = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(
      started.message ??
        (response.status === 401
          ? 'Your session has ended. Sign in again and send the return again.'
          : `The service answered ${response.status}. Nothing was sent: try again.`),
    );
  }
  say(form, 'Sending the files…');
  for (const upload of started.uploads) {
    const index = files.findIndex((file) => file.name === upload.fileName);
    await put(upload, files[index], bars[index]);
  }
  await followChecks(form, started);
}

async function sha256(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** One labelled bar per file, with how far it has gone in words beside it. */
function showProgress(form, files) {
  const area = form.querySelector('[data-upload-progress]');
  area.hidden = false;
  const rows = files.map((file, index) => {
    const row = document.createElement('div');
    row.className = 'govuk-form-group';
    const label = document.createElement('label');
    label.className = 'govuk-label govuk-label--s';
    label.htmlFor = `upload-progress-${index}`;
    label.textContent = file.name;
    const bar = document.createElement('progress');
    bar.id = `upload-progress-${index}`;
    bar.className = 'app-progress';
    bar.max = file.size || 1;
    bar.value = 0;
    const words = document.createElement('span');
    words.className = 'govuk-body-s';
    words.dataset.uploadPercent = '';
    words.textContent = 'Waiting';
    row.append(label, bar, words);
    return row;
  });
  area.replaceChildren(...rows);
  return rows;
}

function setProgress(row, loaded, total) {
  const bar = row.querySelector('progress');
  bar.value = Math.min(loaded, bar.max);
  const percent = total > 0 ? Math.floor((100 * loaded) / total) : 100;
  row.querySelector('[data-upload-percent]').textContent = percent >= 100 ? 'Sent' : `${percent}%`;
  bar.classList.toggle('app-progress--done', percent >= 100);
}

/** One presigned PUT, with the headers the address was signed with; the browser sets the length. */
function put(upload, file, row) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', upload.url);
    for (const [name, value] of Object.entries(upload.headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (progress) => setProgress(row, progress.loaded, file.size));
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        setProgress(row, file.size, file.size);
        resolve();
      } else {
        reject(
          new Error(
            `${file.name} could not be stored (${request.status}). Nothing is lost: send the return again.`,
          ),
        );
      }
    });
    request.addEventListener('error', () =>
      reject(
        new Error(`${file.name} could not be sent: the connection to storage failed. Send the return again.`),
      ),
    );
    request.send(file);
  });
}

/** Asks for the submission's status until its checks are done, saying each new status, then opens it. */
async function followChecks(form, started) {
  let shown = '';
  for (;;) {
    const response = await fetch(started.statusUrl, { headers: { accept: 'application/json' } }).catch(
      () => undefined,
    );
    const status = response?.ok ? await response.json() : undefined;
    if (response?.status === 401) throw new Error('Your session has ended. Sign in again to see the report.');
    if (status?.final) {
      say(form, `Checked: ${status.statusText}. Opening the report…`);
      window.location.assign(started.pageUrl);
      return;
    }
    // Until storage has handed every file over, the submission still says it awaits them.
    const stage = status?.status === 'awaiting_files' ? 'files arriving' : status?.statusText;
    const words = `All files sent. Checking the return: ${stage ?? 'waiting for the service'}.`;
    if (words !== shown) say(form, words);
    shown = words;
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
}

// A submission still being processed: ask for its status every two seconds and show the final page.
for (const status of document.querySelectorAll('[data-poll]')) {
  const poll = async () => {
    const response = await fetch(status.dataset.poll, { headers: { accept: 'application/json' } });
    const body = response.ok ? await response.json() : undefined;
    if (body?.final) {
      window.location.reload();
      return;
    }
    if (body?.status) status.textContent = body.status.replace(/_/g, ' ');
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
}
