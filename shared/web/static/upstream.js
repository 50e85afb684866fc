// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// The upload form: the same multipart post, sent with a progress bar per file (the body is the files in
// order, so the bytes sent so far say how far each file has gone), then on to the submission's page.
for (const form of document.querySelectorAll('[data-upload-form]')) {
  form.addEventListener('submit', (event) => {
    const files = [...form.querySelector('input[type="file"]').files];
    if (files.length === 0) return; // The server explains what is missing.
    event.preventDefault();
    const area = form.querySelector('[data-upload-progress]');
    area.hidden = false;
    area.replaceChildren(
      ...files.map((file, index) => {
        const row = document.createElement('div');
        row.className = 'govuk-form-group';
        const label = document.createElement('label');
        label.className = 'govuk-label';
        label.htmlFor = `upload-progress-${index}`;
        label.textContent = file.name;
        const bar = document.createElement('progress');
        bar.id = `upload-progress-${index}`;
        bar.max = file.size || 1;
        bar.value = 0;
        bar.className = 'app-progress';
        row.append(label, bar);
        return row;
      }),
    );
    const bars = [...area.querySelectorAll('progress')];
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (progress) => {
      let offset = 0;
      files.forEach((file, index) => {
        bars[index].value = Math.max(0, Math.min(file.size, progress.loaded - offset));
        offset += file.size;
      });
    });
    request.addEventListener('load', () => {
      // The server answers with the submission's page (or the form with its error): show that page.
      if (request.responseURL && !request.responseURL.endsWith('/returns')) {
        window.location.assign(request.responseURL);
      } else {
        document.open();
        document.write(request.responseText);
        document.close();
      }
    });
    form.querySelector('button').disabled = true;
    request.send(new FormData(form));
  });
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
