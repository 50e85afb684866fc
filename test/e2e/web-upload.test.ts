// A council sends a return through the web app in a real browser (Debian's chromium through playwright-core),
// served by the local gateway from the synthesized template. With JavaScript the files go straight from the
// browser to their presigned S3 addresses through the local S3 front, which applies the bucket's CORS rule
// from the template; without it they go in the form post, up to what fits in Lambda's payload.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { DEMO_COLLECTION_YEAR } from '../../scripts/demo/submit.ts';
import { generateReturn } from '../../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../../shared/domain/indicators/reference-data.ts';
import { returnTypeChoices } from '../../shared/web/pages.ts';
import { NO_SCRIPT_UPLOAD_BYTES } from '../../shared/web/upload.ts';
import { launchChromium, seriousViolations } from './helpers/browser.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const demoDirectory = path.join(root, 'shared', 'demo', 'ssda903');
const RETURN_LABEL_CSCAPI = returnTypeChoices('').find((choice) => choice.value === 'cscapi')!.text;
const demoFiles = readdirSync(demoDirectory)
  .filter((name) => name.endsWith('.csv'))
  .sort()
  .map((name) => path.join(demoDirectory, name));

describe('sending a return through the web app', () => {
  let cloud: LocalCloud;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await cloud?.stop();
  });

  /** A fresh browser profile, with the app's CSP in force: the page's script must keep to it. */
  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  /**
   * axe-core on the page as it is: no serious or critical violations. A page shown without JavaScript is
   * checked as it is, scripts left out, in a second tab that may run axe-core.
   */
  async function expectAccessible(page: Page, state: string, copied = false): Promise<void> {
    const scripted = await page.evaluate(() =>
      (
        globalThis as unknown as { document: { body: { className: string } } }
      ).document.body.className.includes('js-enabled'),
    );
    if (!scripted && !copied) {
      const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
      const checker = await newPage();
      await checker.route(page.url(), (route) => route.fulfill({ body: html, contentType: 'text/html' }));
      await checker.goto(page.url());
      await expectAccessible(checker, state, true);
      await checker.close();
      return;
    }
    expect(await seriousViolations(page), state).toEqual([]);
  }

  async function signIn(description: string, page: Page): Promise<Page> {
    await page.goto(cloud.urls.app);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel(description).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === new URL(cloud.urls.app).origin);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your returns');
    return page;
  }

  it('sends the demo return straight to storage with a bar per file, follows the checks and opens the report', async () => {
    const page = await signIn('Kent County Council data officer', await newPage());
    await expectAccessible(page, 'the upload page, with JavaScript');
    // Without JavaScript's limits: the page does not mention them.
    expect(await page.getByTestId('no-script-limit').isVisible()).toBe(false);
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    await page.getByLabel('Collection year').fill(String(DEMO_COLLECTION_YEAR));
    await page.getByLabel('Files').setInputFiles(demoFiles);
    await page.getByRole('button', { name: 'Send the return' }).click();

    // Every file sent in full, then the checks followed in the live region, on the same page.
    const status = page.getByTestId('upload-status');
    await expect
      .poll(() => status.textContent(), { timeout: 30_000, interval: 100 })
      .toMatch(/Checking the return/);
    expect(new URL(page.url()).pathname).toBe('/');
    const bars = await page.locator('progress').evaluateAll((elements) =>
      elements.map((element) => {
        const bar = element as unknown as { value: number; max: number; id: string };
        return { value: bar.value, max: bar.max };
      }),
    );
    expect(bars).toHaveLength(demoFiles.length);
    for (const bar of bars) expect(bar.value).toBe(bar.max);
    expect(await page.locator('[data-upload-percent]').allTextContents()).toEqual(
      demoFiles.map(() => 'Sent'),
    );
    expect(await status.getAttribute('role')).toBe('status');
    await expectAccessible(page, 'the upload page while the checks run');

    // Lands on the report once the checks are done.
    await page.waitForURL(/\/returns\/SUB-/, { timeout: 90_000 });
    expect(await page.getByTestId('submission-status').textContent()).toMatch(/^accepted/);
    expect(await page.locator('table', { hasText: 'Checks that found problems' }).count()).toBe(1);
    await expectAccessible(page, 'the report');

    // The files went from the browser to S3 (with a CORS preflight), not through the web app.
    const s3Origin = new URL(cloud.urls.s3).origin;
    const puts = requests.filter((request) => request.method() === 'PUT');
    expect(puts.map((request) => new URL(request.url()).origin)).toEqual(demoFiles.map(() => s3Origin));
    const posts = requests
      .filter((request) => request.method() === 'POST')
      .map((r) => new URL(r.url()).pathname);
    expect(posts).toEqual(['/returns/start']);
  }, 180_000);

  it('sends a small return in the form post with JavaScript turned off, and shows it being checked', async () => {
    const page = await signIn('Barnet data officer', await newPage({ javaScriptEnabled: false }));
    expect(await page.getByTestId('no-script-limit').textContent()).toContain('up to 4 MB in total');
    await expectAccessible(page, 'the upload page, without JavaScript');
    await page.getByLabel('Collection year').fill(String(DEMO_COLLECTION_YEAR));
    await page.getByLabel('Files').setInputFiles(demoFiles);
    await page.getByRole('button', { name: 'Send the return' }).click();
    await page.waitForURL(/\/returns\/SUB-/);
    // Without the script the page asks to be reloaded; reloading shows the result once the checks are done.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId('submission-status').textContent();
        },
        { timeout: 90_000, interval: 2000 },
      )
      .toMatch(/^accepted/);
    await expectAccessible(page, 'the report, without JavaScript');
  }, 150_000);

  it('sends a CSC API payload from the same form, and it is checked as one', async () => {
    const [full] = generateReturn(
      { returnType: 'cscapi', collectionYear: DEMO_COLLECTION_YEAR, la: '302', seed: 5, scale: 0.2, days: 0 },
      loadNationalBaseline(),
    );
    expect(full!.content.length).toBeGreaterThan(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'web-cscapi-')), full!.name);
    writeFileSync(file, full!.content);
    const page = await signIn('Barnet data officer', await newPage());
    await page.getByLabel('Return').selectOption({ label: RETURN_LABEL_CSCAPI });
    await page.getByLabel('Collection year').fill(String(DEMO_COLLECTION_YEAR));
    await page.getByLabel('Files').setInputFiles([file]);
    await page.getByRole('button', { name: 'Send the return' }).click();
    await page.waitForURL(/\/returns\/SUB-/, { timeout: 90_000 });
    expect(await page.getByTestId('submission-status').textContent()).toMatch(/^accepted/);
    expect(await page.locator('main').textContent()).toContain('Barnet · CSC API payload 2027');
    await expectAccessible(page, 'the report of a CSC API payload');
  }, 150_000);

  it('refuses a return over the limit without JavaScript in words, keeping what was chosen', async () => {
    const page = await signIn('Barnet data officer', await newPage({ javaScriptEnabled: false }));
    // Over the limit, yet small enough that the gateway hands the post to the app.
    const large = path.join(tmpdir(), `episodes-${process.pid}.csv`);
    writeFileSync(large, Buffer.alloc(NO_SCRIPT_UPLOAD_BYTES + 100 * 1024, 'A'));
    await page.getByLabel('Collection year').fill(String(DEMO_COLLECTION_YEAR));
    await page.getByLabel('Files').setInputFiles([large]);
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.request().method() === 'POST'),
      page.getByRole('button', { name: 'Send the return' }).click(),
    ]);
    expect(response.status()).toBe(413);
    await page.waitForLoadState();
    expect(await page.getByTestId('upload-error').textContent()).toMatch(
      /^These files are 4\.1 MB together\. Without JavaScript this form can take up to 4 MB\. Turn JavaScript on/,
    );
    expect(await page.getByLabel('Collection year').inputValue()).toBe(String(DEMO_COLLECTION_YEAR));
    await expectAccessible(page, 'the refusal, without JavaScript');
  });

  it('takes a dropped file, and says why the script could not send a return in the page’s error summary', async () => {
    const page = await signIn('Kent County Council data officer', await newPage());
    // A file dropped on the question's hint, not on the input itself, counts as chosen.
    const dropped = await page.evaluate(() => {
      type Target = { dispatchEvent: (event: unknown) => void; files: { name: string }[] };
      const view = globalThis as unknown as {
        document: { querySelector: (selector: string) => Target };
        DataTransfer: new () => { items: { add: (file: unknown) => void } };
        File: new (parts: string[], name: string) => unknown;
        DragEvent: new (type: string, init: object) => unknown;
      };
      const transfer = new view.DataTransfer();
      transfer.items.add(new view.File(['CHILD,SEX\n'], 'header.csv'));
      const hint = view.document.querySelector('#files-hint');
      for (const type of ['dragover', 'drop']) {
        hint.dispatchEvent(
          new view.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
      }
      return [...view.document.querySelector('#files').files].map((file) => file.name);
    });
    expect(dropped).toEqual(['header.csv']);
    // No collection year: the API refuses the declaration, and the page says so without leaving.
    await page.getByRole('button', { name: 'Send the return' }).click();
    const error = page.getByTestId('upload-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toBe('Enter the collection year, for example 2027.');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('button', { name: 'Send the return' }).isEnabled()).toBe(true);
    expect(await page.locator('progress').isVisible()).toBe(false);
    await expectAccessible(page, 'the script’s refusal');
  });
  it('lets only the app’s origin put to a presigned address: another site’s browser is stopped at the preflight', async () => {
    const token = await cloud.tokenFor('kent-data-officer');
    const body = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n';
    const declared = await fetch(`${cloud.urls.api}/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        returnType: 'ssda903',
        collectionYear: DEMO_COLLECTION_YEAR,
        files: [
          {
            name: 'header.csv',
            size: Buffer.byteLength(body),
            sha256: createHash('sha256').update(body).digest('hex'),
          },
        ],
      }),
    });
    expect(declared.status).toBe(201);
    const [upload] = (
      (await declared.json()) as { uploads: { url: string; headers: Record<string, string> }[] }
    ).uploads;
    const headers = Object.fromEntries(
      Object.entries(upload!.headers).filter(([name]) => name !== 'content-length'),
    );
    const putFrom = (page: Page) =>
      page.evaluate(
        async (put) => {
          try {
            const response = await fetch(put.url, { method: 'PUT', headers: put.headers, body: put.body });
            return `answered ${response.status}`;
          } catch {
            return 'blocked';
          }
        },
        { url: upload!.url, headers, body },
      );
    // Another origin on this machine (the local console): the preflight is refused, the PUT never sent.
    const elsewhere = await newPage();
    await elsewhere.goto(cloud.urls.console);
    expect(await putFrom(elsewhere)).toBe('blocked');
    // The app's own origin: the same address still takes its one write.
    const app = await signIn('Kent County Council data officer', await newPage());
    expect(await putFrom(app)).toBe('answered 200');
  });
});
