// The web app in a real browser (Debian's chromium through playwright-core), served by the local gateway
// from the synthesized template: each demo user signs in through the authorization-code flow with PKCE and
// sees what their role allows, and nothing else; every page passes axe-core without serious findings.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { seedDemoDirectory } from '../../scripts/demo/directory.ts';
import { DEMO_COLLECTION_YEAR, readDemoReturn, submitReturn } from '../../scripts/demo/submit.ts';
import { COUNCILS } from '../../shared/domain/councils.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { launchChromium, seriousViolations } from './helpers/browser.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Green < amber < red, read from a band's words. */
const rank = (text: string | null) =>
  ['green', 'amber', 'red'].findIndex((band) => (text ?? '').toLowerCase().includes(band));

describe('web app in the browser', () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let submissionId: string;

  beforeAll(async () => {
    cloud = await startTestCloud();
    // Advisers in the directory, so that an alert, if there were one, would reach the inbox.
    await seedDemoDirectory(cloud.urls.api, await cloud.tokenFor('administrator'));
    const submitted = await submitReturn(
      cloud.urls.api,
      await cloud.tokenFor('kent-data-officer'),
      readDemoReturn(path.join(root, 'shared', 'demo', 'ssda903')),
      { collectionYear: DEMO_COLLECTION_YEAR },
    );
    submissionId = submitted.submissionId;
    // Kent's risk is assessed after the return's indicators are recomputed.
    const adviser = await cloud.tokenFor('south-east-adviser');
    await eventually(async () => {
      const response = await fetch(`${cloud.urls.api}/risk/councils/886`, {
        headers: { authorization: `Bearer ${adviser}` },
      });
      return response.status === 200 ? true : undefined;
    }, 'Kent’s first risk assessment');
    await cloud.triggerSchedule(reviewScheduleId());
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await cloud?.stop();
  });

  const reviewScheduleId = () =>
    cloud.wiring().schedules.find((schedule) => /RiskReview/.test(schedule.id))!.id;

  /** Every council's current assessment version, as an administrator sees it (undefined: not assessed). */
  async function versions(): Promise<Map<string, number | undefined>> {
    const admin = await cloud.tokenFor('administrator');
    const entries = await Promise.all(
      COUNCILS.map(async (council) => {
        const response = await fetch(`${cloud.urls.api}/risk/councils/${council.la}`, {
          headers: { authorization: `Bearer ${admin}` },
        });
        const body = (await response.json()) as { version?: number };
        return [council.la, response.status === 200 ? body.version : undefined] as const;
      }),
    );
    return new Map(entries);
  }

  /** Messages on the recompute queue, waiting or being processed: 0 once every event sent has been handled. */
  async function recomputeBacklog(): Promise<number> {
    const queue = cloud.model.queues.find((entry) => entry.deadLetter && /RecomputeQueue/.test(entry.name))!;
    const { Attributes } = await cloud.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: cloud.queueUrls.get(queue.name),
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) +
      Number(Attributes?.ApproximateNumberOfMessagesDelayed ?? 0)
    );
  }

  it('assesses every council in the daily review, once a day however often the schedule fires', async () => {
    // A council's first assessment is saved in two steps (its data-only baseline, then the review's own
    // assessment): having a version is not yet having been reviewed. The review is done once its messages
    // have all been handled; the 153 councils' versions are read only then.
    const first = await eventually(
      async () => {
        if ((await recomputeBacklog()) > 0) return undefined;
        const current = await versions();
        return [...current.values()].every((version) => version !== undefined) ? current : undefined;
      },
      'the first daily review to be handled for every council (an empty recompute queue, every council assessed)',
      180_000,
    );
    await cloud.triggerSchedule(reviewScheduleId());
    // The second review of the day is deduplicated: whatever it queued has been handled, and nothing has moved.
    await eventually(
      async () => ((await recomputeBacklog()) === 0 ? true : undefined),
      'the second daily review’s messages, if any were queued, to be handled',
      60_000,
    );
    expect(await versions()).toEqual(first);
    // Assessed on the published figures alone, without a change to announce: no adviser is alerted.
    const inbox = (await (await fetch(`${cloud.urls.sesInbox}/store`)).json()) as { emails: unknown[] };
    expect(inbox.emails).toHaveLength(0);
  }, 240_000);

  const contexts: BrowserContext[] = [];
  /** A fresh browser profile; axe-core is injected into pages, so the app's CSP is bypassed here only. */
  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true, ...options });
    contexts.push(context);
    return context.newPage();
  }

  /** axe-core on the page as it is: no serious or critical violations. */
  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page), page.url()).toEqual([]);
  }

  /** Through the app's start page and the local authorization server, as a person would. */
  async function signIn(description: string, page?: Page, checkAccessibility = true): Promise<Page> {
    page ??= await newPage();
    await page.goto(cloud.urls.app);
    if (checkAccessibility) await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel(description).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === new URL(cloud.urls.app).origin);
    return page;
  }

  it('shows a council officer their return and its problems row by row', async () => {
    const page = await signIn('Kent County Council data officer');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your returns');
    await expectAccessible(page);
    await page.getByRole('link', { name: submissionId }).click();
    expect(await page.getByTestId('submission-status').textContent()).toMatch(/accepted/);
    await expectAccessible(page);
    const checks = page.locator('table', { hasText: 'Checks that found problems' });
    expect(await checks.locator('tbody tr').count()).toBeGreaterThan(0);
    const firstRow = page.locator('table', { hasText: 'Showing rows' }).locator('tbody tr').first();
    expect(await firstRow.locator('td').nth(2).textContent()).toMatch(/^\d+$/);
    // Kent's officer cannot see Kent's risk band, only its indicators.
    await page.goto(`${cloud.urls.app}councils/886`);
    expect(await page.getByTestId('risk-band').count()).toBe(0);
    expect(
      await page.locator('table', { hasText: 'Indicators' }).locator('tbody tr').count(),
    ).toBeGreaterThan(10);
    await expectAccessible(page);
    // DfE's national page is not a council's.
    const england = await page.goto(`${cloud.urls.app}england`);
    expect(england?.status()).toBe(403);
    await page.close();
  });

  it('shows a regional adviser the region’s councils with their bands, and a council’s drivers', async () => {
    const page = await signIn('South East regional adviser');
    const kent = page.locator('tr', { has: page.getByRole('link', { name: 'Kent', exact: true }) });
    expect(await kent.locator('.govuk-tag').textContent()).toMatch(/^(green|amber|red)$/);
    const southEast = COUNCILS.filter((council) => council.region === 'south-east');
    expect(await page.locator('tbody .govuk-tag').count()).toBe(southEast.length);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Kent', exact: true }).click();
    const before = (await page.getByTestId('risk-band').textContent()) ?? '';
    expect(before).toMatch(/Band (green|amber|red)/);
    await expectAccessible(page);
    expect(await page.locator('h3:has-text("What drives it") + ul li').count()).toBeGreaterThan(0);

    // Recording intelligence: a refusal says why and keeps what was typed; then it is recorded.
    const narrative = 'Front door visit: strategy discussions repeatedly missed for new referrals.';
    await page.getByLabel('Category').selectOption({ label: 'Serious incident or practice review' });
    await page.getByRole('group', { name: 'Severity' }).getByLabel('critical').check();
    await page.getByRole('group', { name: 'Confidence' }).getByLabel('high').check();
    await page.getByLabel('Source').fill('Regional adviser visit');
    await page.getByLabel('Date observed').fill('20/11/2026');
    await page.getByLabel('What you learned').fill(narrative);
    await page.getByRole('button', { name: 'Record intelligence' }).click();
    expect(await page.getByTestId('form-error').textContent()).toMatch(/date/i);
    expect(await page.getByLabel('What you learned').inputValue()).toBe(narrative);
    await expectAccessible(page);
    await page.getByLabel('Date observed').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Record intelligence' }).click();
    expect(await page.getByTestId('recorded').count()).toBe(1);
    expect(await page.locator('table', { hasText: 'Soft intelligence' }).textContent()).toContain(narrative);
    const raised = await eventually(
      async () => {
        await page.reload();
        const band = await page.getByTestId('risk-band').textContent();
        return rank(band ?? '') > rank(before) ? band : undefined;
      },
      'Kent’s band to rise with the critical item',
      60_000,
    );
    expect(rank(raised)).toBeGreaterThan(rank(before));
    // The score history and every indicator are drawn, each with its words and its table.
    expect(await page.getByTestId('score-summary').textContent()).toMatch(/data score/i);
    expect(await page.locator('figure svg[role="img"]').count()).toBeGreaterThan(10);
    await expectAccessible(page);

    // The board puts Kent among the councils of its band, with its trend and the new intelligence.
    await page.goto(cloud.urls.app);
    const rows = page.locator('table', { hasText: 'highest risk first' }).locator('tbody tr');
    const bands = await rows.locator('.govuk-tag').allTextContents();
    const names = await rows.locator('td:first-child, th:first-child').allTextContents();
    const kentAt = names.findIndex((name) => name.trim() === 'Kent');
    // Highest risk first: no council above Kent has a lower band than Kent's new one.
    expect(bands.slice(0, kentAt + 1).every((band) => rank(band) >= rank(raised))).toBe(true);
    const kentRow = rows.nth(kentAt);
    expect(await kentRow.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(
      /^Score over the last \d+ assessments/,
    );
    expect(await kentRow.textContent()).toMatch(/serious incident \(critical\)/);

    // And the alert email links to the app, at the address it is served from.
    const alert = await eventually(async () => {
      const store = (await (await fetch(`${cloud.urls.sesInbox}/store`)).json()) as {
        emails: { subject?: string; body: { text?: string } }[];
      };
      return store.emails.find((email) => email.body.text?.includes('/councils/886'));
    }, 'the South East adviser’s alert email');
    expect(alert.body.text).toContain(`${cloud.urls.app}councils/886`);

    // Another region's council shows no band to this adviser.
    await page.goto(`${cloud.urls.app}councils/302`);
    expect(await page.getByTestId('risk-band').count()).toBe(0);
    // A council's returns are not an adviser's to read.
    const otherReturn = await page.goto(`${cloud.urls.app}returns/${submissionId}`);
    expect(otherReturn?.status()).toBe(403);
    await page.close();
  });

  it('shows DfE the weekly summary as charts and tables without naming a council, its feeds and subscriptions, and refuses council pages', async () => {
    const page = await signIn('DfE liaison');
    expect(await page.getByTestId('summary').count()).toBe(0);
    // Subscriptions: a refusal says why and keeps the address; then a confirmation goes out; then deleted.
    await page.goto(`${cloud.urls.app}england/subscriptions`);
    await expectAccessible(page);
    await page.getByLabel('Email address').fill('not-an-address');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect(await page.getByTestId('subscription-error').textContent()).toMatch(/email/i);
    expect(await page.getByLabel('Email address').inputValue()).toBe('not-an-address');
    await expectAccessible(page);
    await page.getByLabel('Email address').fill('children.analysis@education.gov.uk');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect(await page.getByTestId('subscription-done').textContent()).toMatch(/confirmation link/);
    const row = page.locator('tr', { hasText: 'children.analysis@education.gov.uk' });
    expect(await row.textContent()).toMatch(/England, every week[\s\S]*waiting for confirmation/);
    const confirmation = await eventually(async () => {
      const store = (await (await fetch(`${cloud.urls.sesInbox}/store`)).json()) as {
        emails: { body: { text?: string } }[];
      };
      return store.emails.find((email) => email.body.text?.includes('/subscriptions/confirm?token='));
    }, 'the confirmation email');
    // The address's owner confirms through the link in the email.
    const confirmLink = /https?:\/\/\S+\/subscriptions\/confirm\?token=\S+/.exec(confirmation.body.text!)![0];
    expect((await fetch(confirmLink)).status).toBe(200);
    await expectAccessible(page);
    const weekly = cloud.model.schedules.find((schedule) => schedule.input?.includes('"summary"'))!;
    await cloud.triggerSchedule(weekly.id);
    await page.goto(`${cloud.urls.app}england`);
    await eventually(async () => {
      await page.reload();
      return (await page.getByTestId('summary').count()) > 0 ? true : undefined;
    }, 'the weekly summary to be published');
    const summary = page.getByTestId('summary');
    expect(await page.getByTestId('england-bands').textContent()).toMatch(/Green: \S+ councils/);
    // Bands by region and indicator quartiles: each chart titled, with its table of the same figures.
    const bandTable = page.locator('table', { hasText: 'Councils by risk band and region' });
    expect(await bandTable.locator('tbody tr').count()).toBe(10);
    expect(await summary.locator('svg[role="img"] title').first().textContent()).toMatch(
      /risk band in each region/,
    );
    expect(
      await page.locator('table', { hasText: 'Indicator medians and quartiles' }).locator('tbody tr').count(),
    ).toBeGreaterThan(3);
    // Whole words: "York" is a council, "Yorkshire and The Humber" a region. Nothing on the page names one.
    const everything = (await page.locator('main').textContent()) ?? '';
    const named = COUNCILS.filter((council) =>
      new RegExp(`\\b${council.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(everything),
    );
    expect(named.map((council) => council.name)).toEqual([]);
    await expectAccessible(page);
    const jsonFeed = await page.context().request.get(`${cloud.urls.app}england/feeds/dfe.json`);
    expect(jsonFeed.headers()['content-type']).toMatch(/feed\+json/);
    // The summary email links to this page, at the address the app is served from.
    const summaryEmail = await eventually(async () => {
      const store = (await (await fetch(`${cloud.urls.sesInbox}/store`)).json()) as {
        emails: { subject?: string; body: { text?: string } }[];
      };
      return store.emails.find((email) => email.subject?.startsWith('Weekly national summary'));
    }, 'the weekly summary email');
    expect(summaryEmail.body.text).toContain(`With charts and tables in Upstream: ${cloud.urls.app}england`);
    await page.getByRole('link', { name: 'Atom' }).click();
    expect(await page.content()).toMatch(/<feed|feed xmlns/);

    await page.goto(`${cloud.urls.app}england/subscriptions`);
    const subscribed = page.locator('tr', { hasText: 'children.analysis@education.gov.uk' });
    expect(await subscribed.textContent()).toMatch(/England, every week[\s\S]*confirmed/);
    await subscribed.getByRole('button', { name: /Delete/ }).click();
    expect(await page.getByTestId('subscription-done').textContent()).toMatch(/deleted/);
    expect(await page.locator('tr', { hasText: 'children.analysis@education.gov.uk' }).count()).toBe(0);

    // Regions' published indicators, but no council's page, no band and no adviser's board.
    await page.goto(cloud.urls.app);
    await page.getByRole('link', { name: 'South East' }).click();
    expect(
      await page.locator('table', { hasText: 'Published indicators' }).locator('tbody tr').count(),
    ).toBeGreaterThan(10);
    expect(await page.locator('.govuk-tag--green, .govuk-tag--yellow, .govuk-tag--red').count()).toBe(0);
    await expectAccessible(page);
    const council = await page.goto(`${cloud.urls.app}councils/886`);
    expect(council?.status()).toBe(403);
    expect(await page.getByTestId('risk-band').count()).toBe(0);
    const kentReturn = await page.goto(`${cloud.urls.app}returns/${submissionId}`);
    expect(kentReturn?.status()).toBe(403);
    const directory = await page.goto(`${cloud.urls.app}directory`);
    expect(directory?.status()).toBe(403);
    await page.close();
  });

  it('lets an administrator keep the adviser directory, and refuses it to advisers', async () => {
    const page = await signIn('national administrator');
    await page.getByRole('link', { name: 'Advisers' }).click();
    const before = await page.locator('table', { hasText: 'Advisers by region' }).locator('tbody tr').count();
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.getByLabel('Adviser id').fill('north-west-improvement-test');
    await page.getByLabel('Name').fill('Sam Adviser');
    await page.getByLabel('Email address').fill('sam.adviser@example.gov.uk');
    await page.getByRole('button', { name: 'Save the adviser' }).click();
    // No region chosen: the refusal says so, and what was typed stays.
    expect(await page.getByTestId('directory-error').textContent()).toMatch(/region/i);
    expect(await page.getByLabel('Name').inputValue()).toBe('Sam Adviser');
    await expectAccessible(page);
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'North West' });
    await page.getByLabel('Alerts combined into a digest').check();
    await page.getByRole('button', { name: 'Save the adviser' }).click();
    expect(await page.getByTestId('directory-done').count()).toBe(1);
    const sam = page.locator('tr', { hasText: 'Sam Adviser' });
    expect(await sam.textContent()).toMatch(/North West[\s\S]*digest[\s\S]*receives alerts/);
    await sam.getByRole('button', { name: /Deactivate/ }).click();
    expect(await page.locator('tr', { hasText: 'Sam Adviser' }).textContent()).toMatch(/deactivated/);
    // A proportion against every council: the funnel plot, its words and its table.
    await page.goto(`${cloud.urls.app}councils/886`);
    await page.getByRole('link', { name: /Re-referrals.*against all councils/i }).click();
    expect(await page.getByTestId('funnel-summary').textContent()).toMatch(
      /^Kent: [\d.]+% of [\d,]+, against England's [\d.]+%; (within|outside)/,
    );
    expect(await page.locator('figure svg[role="img"] title').textContent()).toMatch(
      /95% and 99\.8% control limits/,
    );
    expect(
      await page
        .locator('table', { hasText: 'Every council, smallest denominator first' })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(100);
    await expectAccessible(page);
    // The administrator manages every subscription too.
    await page.getByRole('link', { name: 'Subscriptions' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Summary subscriptions');
    await page.close();

    const adviser = await signIn('South East regional adviser', undefined, false);
    expect((await adviser.goto(`${cloud.urls.app}directory`))?.status()).toBe(403);
    expect((await adviser.goto(`${cloud.urls.app}england/subscriptions`))?.status()).toBe(403);
    await adviser.close();
  });

  it('lets a council officer send a return in the browser, watch it finish and read its report by check, table and page', async () => {
    const page = await signIn('Kent County Council data officer');
    // The demo return without one optional table: new files, so a new submission (not a duplicate).
    const directory = path.join(root, 'shared', 'demo', 'ssda903');
    const files = readdirSync(directory)
      .filter((name) => name.endsWith('.csv') && name !== 'DoLo.csv')
      .map((name) => path.join(directory, name));
    await page.getByLabel('Collection year').fill(String(DEMO_COLLECTION_YEAR));
    await page.getByLabel('Files').setInputFiles(files);
    await page.getByRole('button', { name: 'Send the return' }).click();
    // A progress bar per file while the files go up.
    await page.locator('progress').first().waitFor();
    expect(await page.locator('progress').count()).toBe(files.length);
    await page.waitForURL(/\/returns\/SUB-/, { timeout: 60_000 });
    expect(new URL(page.url()).pathname).not.toBe(`/returns/${submissionId}`);
    // The status updates by itself until the return is processed.
    await expect
      .poll(() => page.getByTestId('submission-status').textContent(), { timeout: 90_000, interval: 1000 })
      .toMatch(/^accepted/);
    await expectAccessible(page);

    // One check's rows only, 50 to a page.
    const firstCheck = page
      .locator('table', { hasText: 'Checks that found problems' })
      .locator('tbody tr')
      .first();
    const code = (await firstCheck.locator('a').textContent())!.trim();
    await firstCheck.locator('a').click();
    const codes = await page
      .locator('table', { hasText: 'Showing rows' })
      .locator('tbody tr td:nth-child(5)')
      .allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.length).toBeLessThanOrEqual(50);
    expect(new Set(codes.map((text) => text.trim()))).toEqual(new Set([code]));
    await page.getByLabel('Check').selectOption('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: /Next/ }).click();
    expect(await page.locator('caption', { hasText: 'Showing rows 51 to 100' }).count()).toBe(1);
    await expectAccessible(page);
    // A child reference that is not in the report finds nothing, and says so.
    await page.getByLabel('Child reference').fill('NO-SUCH-CHILD');
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await page.getByTestId('no-rows').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the whole report/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  }, 180_000);

  /** Presses Tab until the focused element's description matches, as a keyboard user moves through a page. */
  async function tabUntil(page: Page, wanted: RegExp, limit = 150): Promise<void> {
    for (let index = 0; index < limit; index += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = (
          globalThis as unknown as { document: { activeElement: Record<string, string> | null } }
        ).document.activeElement;
        return element
          ? `${element.tagName} #${element.id} ${String(element.textContent ?? '')
              .trim()
              .slice(0, 60)}`
          : '';
      });
      if (wanted.test(focused)) return;
    }
    throw new Error(`Tab never reached ${wanted}`);
  }

  it('lets an adviser override a band with the keyboard alone', { timeout: 180_000 }, async () => {
    const page = await signIn('London regional adviser');
    await page.goto(`${cloud.urls.app}councils/302`);
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await tabUntil(page, /^SUMMARY .*Override the band/);
    await page.keyboard.press('Enter');
    await tabUntil(page, /^INPUT #override-band /);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Too short');
    await page.keyboard.press('Tab');
    await page.keyboard.type(until);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Refused in words, with what was typed kept; then corrected, still without the mouse.
    expect(await page.getByTestId('override-error').textContent()).toMatch(/20 characters/);
    expect(await page.getByLabel('Reason').inputValue()).toBe('Too short');
    await page.getByLabel('Reason').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(': the new director has steadied the front door since the summer.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('override-changed').waitFor();
    expect(await page.getByTestId('override-error').count()).toBe(0);
    // The council is reassessed with the override applied, the model's band still shown beside it.
    await eventually(
      async () => {
        await page.reload();
        return (
          (await page.locator('.govuk-inset-text', { hasText: 'Override to green' }).count()) > 0 || undefined
        );
      },
      'Barnet’s reassessment with the override',
      120_000,
    );
    await expectAccessible(page);
  });

  it('explains a return sent without files, with JavaScript turned off', async () => {
    const page = await signIn('Barnet data officer', await newPage({ javaScriptEnabled: false }), false);
    await page.getByLabel('Collection year').fill(String(DEMO_COLLECTION_YEAR));
    await page.getByRole('button', { name: 'Send the return' }).click();
    expect(await page.getByTestId('upload-error').textContent()).toBe('Choose the files of your return.');
    expect(await page.getByLabel('Collection year').inputValue()).toBe(String(DEMO_COLLECTION_YEAR));
  });

  it('sends a visitor who has not signed in to sign in, and back to the page they asked for', async () => {
    const page = await newPage();
    await page.goto(`${cloud.urls.app}councils/886`);
    // The authorization request carries a PKCE challenge (S256) and a state, never a verifier.
    const authorize = new URL(page.url());
    expect(authorize.pathname).toBe('/oauth2/authorize');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.has('code_verifier')).toBe(false);
    await page.getByLabel('London regional adviser').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${cloud.urls.app}councils/886`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kent');
    // The session cookie holds no token, only an id; it is HttpOnly and SameSite=Lax.
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'upstream-session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(session.value).not.toMatch(/^eyJ/);
    expect(session.value.length).toBeLessThan(64);
  });

  it('refuses a form posted without the session’s CSRF token, and a code replayed or sent to another browser', async () => {
    const page = await signIn('South East regional adviser');
    await page.goto(`${cloud.urls.app}councils/886`);
    await page
      .locator('input[name="_csrf"]')
      .last()
      .evaluate((input) => {
        (input as unknown as { value: string }).value = 'forged';
      });
    await page.getByLabel('Source').fill('Forged post');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Record intelligence' }).click(),
    ]);
    expect(answer.status()).toBe(403);
    expect(await page.getByTestId('error-message').textContent()).toMatch(/form has expired/);

    // A callback whose state this browser was never given is refused.
    const stranger = await newPage();
    const callback = await stranger.goto(`${cloud.urls.app}auth/callback?code=anything&state=someone-elses`);
    expect(callback?.status()).toBe(400);
    expect((await stranger.context().cookies()).some((cookie) => cookie.name === 'upstream-session')).toBe(
      false,
    );
  });

  it('signs out: the session ends, the refresh token is revoked and the old cookie no longer works', async () => {
    const page = await signIn('Barnet data officer');
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'upstream-session')!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${cloud.urls.app}signed-out`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You have signed out');
    await expectAccessible(page);
    // The same cookie, replayed in another browser, is not a session any more.
    const replay = await newPage();
    await replay.context().addCookies([{ ...session, expires: -1 }]);
    await replay.goto(`${cloud.urls.app}returns/${submissionId}`);
    expect(new URL(replay.url()).pathname).toBe('/oauth2/authorize');
  });

  it('records intelligence with JavaScript turned off, through the same form', async () => {
    // axe-core needs JavaScript, so this profile is checked only for what it can do.
    const page = await signIn('London regional adviser', await newPage({ javaScriptEnabled: false }), false);
    await page.goto(`${cloud.urls.app}councils/302`);
    await page.getByLabel('Category').selectOption({ label: 'Positive assurance' });
    await page.getByLabel('Source').fill('Peer review');
    await page.getByLabel('Date observed').fill(new Date().toISOString().slice(0, 10));
    await page
      .getByLabel('What you learned')
      .fill('Peer review found strong management oversight at the front door.');
    await page.getByRole('button', { name: 'Record intelligence' }).click();
    expect(await page.getByTestId('recorded').count()).toBe(1);
  });
});
