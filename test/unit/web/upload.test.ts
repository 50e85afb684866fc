// Sending a return through the web app: with the page's script the app only declares the files (CSRF in a
// header) and hands back the presigned addresses; without it the files come in the post, up to what fits in
// Lambda's payload, and a bigger post is refused in words before anything is declared.
import { describe, expect, it } from 'vitest';
import { InMemoryWebSessionStore } from '../../../shared/adapters/dynamo-web-session-store.ts';
import { createWebApp, SESSION_COOKIE } from '../../../shared/web/app.ts';
import type { WebRequest } from '../../../shared/web/http.ts';
import { createRenderer, templateSearchPaths } from '../../../shared/web/render.ts';
import { formatBytes, NO_SCRIPT_UPLOAD_BYTES, readStartRequest } from '../../../shared/web/upload.ts';

const API = 'https://api.example.com';
const render = createRenderer(templateSearchPaths());
const SHA = 'ab'.repeat(32);

async function world(groups = ['council:886'], uploadOrigin?: string) {
  const calls: { method: string; url: string; body?: unknown; headers?: Record<string, string> }[] = [];
  const fetcher = (async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const headers = init?.headers as Record<string, string> | undefined;
    calls.push({
      method,
      url,
      ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) } : {}),
      ...(headers ? { headers } : {}),
    });
    if (method === 'POST' && url === `${API}/submissions`) {
      const { files } = JSON.parse(String(init?.body)) as { files: { name: string; size: number }[] };
      return Response.json(
        {
          submissionId: 'SUB-00000001',
          uploads: files.map((file) => ({
            fileName: file.name,
            url: `https://uploads.s3.eu-west-2.amazonaws.com/uploads/886/${file.name}?X-Amz-Signature=x`,
            headers: {
              'content-length': String(file.size),
              'x-amz-checksum-sha256': 'q',
              'if-none-match': '*',
            },
          })),
        },
        { status: 201 },
      );
    }
    if (method === 'PUT') return new Response('', { status: 200 });
    if (url.startsWith(`${API}/submissions/SUB-00000001`)) return Response.json({ status: 'processing' });
    if (url.startsWith(`${API}/submissions`)) return Response.json({ councils: [] });
    return Response.json({ message: 'Not found' }, { status: 404 });
  }) as typeof fetch;
  const sessions = new InMemoryWebSessionStore();
  await sessions.putSession({
    id: 'session-1',
    idToken: 'token',
    idTokenExpiresAt: 2_000_000_000,
    csrfToken: 'csrf-1',
    username: 'kent',
    groups,
    expiresAt: 2_000_000_000,
  });
  const app = createWebApp({
    appUrl: 'https://upstream.example.gov.uk',
    apiUrl: API,
    auth: { baseUrl: 'https://login.example.com', clientId: 'web' },
    sessions,
    render,
    fetcher,
    now: () => 1_000_000,
    ...(uploadOrigin ? { uploadOrigin } : {}),
  });
  const request = (path: string, init: Partial<WebRequest>) =>
    app.handle({
      method: 'POST',
      path,
      query: new URLSearchParams(),
      headers: {},
      cookies: { [SESSION_COOKIE]: 'session-1' },
      body: '',
      ...init,
    });
  return { request, calls };
}

const declaration = JSON.stringify({
  returnType: 'ssda903',
  collectionYear: '2026',
  files: [{ name: 'header.csv', size: 120, sha256: SHA }],
});

function multipart(files: { name: string; content: Buffer }[]): { body: Buffer; type: string } {
  const boundary = '----upstream';
  const parts = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ncsrf-1\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="returnType"\r\n\r\nssda903\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="collectionYear"\r\n\r\n2026\r\n`),
    ...files.flatMap((file) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

describe('sending a return from the page’s script', () => {
  it('declares the files to the API and hands back each address with the headers the browser may set', async () => {
    const { request, calls } = await world();
    const response = await request('/returns/start', {
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'csrf-1' },
      body: declaration,
    });
    expect(response.status).toBe(201);
    const body = JSON.parse(response.body);
    expect(body.statusUrl).toBe('/returns/SUB-00000001/status');
    expect(body.pageUrl).toBe('/returns/SUB-00000001');
    expect(body.uploads).toEqual([
      {
        fileName: 'header.csv',
        url: expect.stringContaining('/uploads/886/header.csv'),
        headers: { 'x-amz-checksum-sha256': 'q', 'if-none-match': '*' },
      },
    ]);
    const declared = calls.find((call) => call.method === 'POST');
    expect(declared?.body).toEqual({
      returnType: 'ssda903',
      collectionYear: 2026,
      files: [{ name: 'header.csv', size: 120, sha256: SHA }],
    });
    expect(declared?.headers?.authorization).toBe('Bearer token');
    // The app puts nothing itself: the browser does.
    expect(calls.filter((call) => call.method === 'PUT')).toEqual([]);
  });

  it('refuses a declaration without the session’s CSRF token, from another role, or that is not one', async () => {
    const { request, calls } = await world();
    const forged = await request('/returns/start', { body: declaration });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body).message).toMatch(/expired/);
    const notJson = await request('/returns/start', {
      headers: { 'x-csrf-token': 'csrf-1' },
      body: 'files=1',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).message).toMatch(/Reload the page/);
    const noSum = await request('/returns/start', {
      headers: { 'x-csrf-token': 'csrf-1' },
      body: JSON.stringify({ returnType: 'ssda903', files: [{ name: 'a.csv', size: 1 }] }),
    });
    expect(noSum.status).toBe(400);
    const noYear = await request('/returns/start', {
      headers: { 'x-csrf-token': 'csrf-1' },
      body: declaration.replace('"2026"', '""'),
    });
    expect(JSON.parse(noYear.body).message).toBe('Enter the collection year, for example 2027.');
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
    const adviser = await world(['adviser:south-east']);
    const refused = await adviser.request('/returns/start', {
      headers: { 'x-csrf-token': 'csrf-1' },
      body: declaration,
    });
    expect(refused.status).toBe(403);
  });

  it('lets the page connect to the storage address it puts files to, and to nothing else', async () => {
    const local = await world(['council:886'], 'http://127.0.0.1:3002');
    const page = await local.request('/', { method: 'GET' });
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' http://127.0.0.1:3002;");
    expect(page.body).toContain('data-upload-form');
    const deployed = await (await world()).request('/', { method: 'GET' });
    expect(deployed.headers['content-security-policy']).toContain("connect-src 'self' https:;");
  });

  it('says the status in words and whether it is final', async () => {
    const { request } = await world();
    const status = await request('/returns/SUB-00000001/status', { method: 'GET' });
    expect(JSON.parse(status.body)).toEqual({ status: 'processing', statusText: 'processing', final: false });
  });
});

describe('sending a return without JavaScript', () => {
  it('takes files that fit in the post and puts them itself', async () => {
    const { request, calls } = await world();
    const form = multipart([{ name: 'header.csv', content: Buffer.from('CHILD,SEX\n1,1\n') }]);
    const response = await request('/returns', {
      headers: { 'content-type': form.type },
      body: form.body.toString('utf8'),
      rawBody: form.body,
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/returns/SUB-00000001');
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
  });

  it('refuses files over the limit together, in words, before declaring anything', async () => {
    const { request, calls } = await world();
    const half = Buffer.alloc(NO_SCRIPT_UPLOAD_BYTES / 2 + 1, 97);
    const form = multipart([
      { name: 'episodes.csv', content: half },
      { name: 'header.csv', content: half },
    ]);
    const response = await request('/returns', {
      headers: { 'content-type': form.type },
      body: form.body.toString('utf8'),
      rawBody: form.body,
    });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('These files are 4.1 MB together');
    expect(response.body).toContain('Without JavaScript this form can take up to 4 MB');
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });
});

describe('upload helpers', () => {
  it('words sizes as an officer reads them', () => {
    expect(formatBytes(NO_SCRIPT_UPLOAD_BYTES)).toBe('4 MB');
    expect(formatBytes(5 * 1024 * 1024 + 300 * 1024)).toBe('5.3 MB');
    expect(formatBytes(NO_SCRIPT_UPLOAD_BYTES + 2)).toBe('4.1 MB');
    expect(formatBytes(640 * 1024)).toBe('640 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });

  it('reads a declaration and refuses one without files', () => {
    expect(readStartRequest(declaration)).toMatchObject({ ok: true, value: { collectionYear: '2026' } });
    expect(readStartRequest('{"files":[]}')).toEqual({
      ok: false,
      message: 'Choose the files of your return.',
    });
  });
});
