// End to end through the local cloud: a DfE liaison subscribes three addresses; one confirms, one never
// does, one confirms and then unsubscribes with one click. Firing the weekly schedule publishes the feeds,
// the API serves them, and the local SES inbox holds exactly one summary email, for the confirmed address.
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { COUNCILS } from '../../shared/domain/councils.ts';
import { isoWeekId } from '../../shared/domain/dfe-summary.ts';
import { publishedSources } from '../../shared/domain/indicators/compute.ts';
import { assessRisk } from '../../shared/domain/risk/assess.ts';
import { latestResults } from '../../shared/use-cases/assess-council-risk.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

type StoredEmail = {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
};

const CONFIRMED = 'confirmed.liaison@education.gov.uk';
const UNCONFIRMED = 'unconfirmed.liaison@education.gov.uk';
const UNSUBSCRIBED = 'unsubscribed.liaison@education.gov.uk';
const ON_CHANGE = 'on-change.liaison@education.gov.uk';

/**
 * A South East council that the published figures alone rate "elevated" and green: serious intelligence then
 * takes it to red (the escalation matrix), which is a material national change.
 */
function elevatedGreenCouncil(): string {
  const sources = publishedSources();
  const found = COUNCILS.filter((council) => council.region === 'south-east').find((council) => {
    const assessment = assessRisk({
      la: council.la,
      asOf: new Date().toISOString().slice(0, 10),
      indicators: latestResults(council.la, sources, []),
    });
    return assessment.dataRating === 'elevated' && assessment.band === 'green';
  });
  if (!found) throw new Error('No South East council is elevated and green on the published figures');
  return found.la;
}

describe('DfE feeds and subscriptions through the local cloud', () => {
  let cloud: LocalCloud;
  let dfe: string;
  let la: string;
  const logs: string[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud({ logs });
    dfe = await cloud.tokenFor('dfe-liaison');
    // The council the second test takes to red is assessed (green) before the weekly summary: a council
    // assessed for the first time is "newly assessed", not a band change.
    la = elevatedGreenCouncil();
    await recordIntelligence(la, 'leadership-change', 'low', 'low');
    await eventually(async () => {
      const response = await api(`/risk/councils/${la}`, {
        token: await cloud.tokenFor('south-east-adviser'),
      });
      return response.status === 200 ? ((await response.json()) as { band: string }) : undefined;
    }, `council ${la} assessed`).then((risk) => expect(risk.band).toBe('green'));
  }, 180_000);
  afterAll(async () => {
    await cloud?.stop();
  });

  const inbox = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(new URL('/store', cloud.urls.sesInbox))).json()) as { emails: StoredEmail[] })
      .emails;
  const clearInbox = () => fetch(new URL('/clear-store', cloud.urls.sesInbox), { method: 'POST' });
  const api = (pathname: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${cloud.urls.api}${pathname}`, {
      ...init,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body && typeof init.body === 'string' && init.body.startsWith('{')
          ? { 'content-type': 'application/json' }
          : {}),
      },
    });
  const recordIntelligence = async (
    council: string,
    category: string,
    severity: string,
    confidence: string,
  ) => {
    const created = await api('/intelligence', {
      method: 'POST',
      token: await cloud.tokenFor('south-east-adviser'),
      body: JSON.stringify({
        la: council,
        category,
        severity,
        confidence,
        source: 'Regional adviser visit',
        observedOn: new Date().toISOString().slice(0, 10),
        narrative: 'A rapid review found repeated missed strategy discussions.',
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
  };
  const header = (email: StoredEmail, name: string) =>
    email.headers?.find((each) => each.name.toLowerCase() === name.toLowerCase())?.value;
  const linkIn = (text: string, route: string) => {
    const match = new RegExp(`https?://\\S+/subscriptions/${route}\\?token=[\\w-]+`).exec(text);
    if (!match) throw new Error(`No ${route} link in: ${text}`);
    return match[0];
  };
  const digestQueue = () =>
    cloud.model.queues.find((queue) => queue.deadLetter && /DigestQueue/.test(queue.name))!;
  const queueDepth = async (queueName: string) => {
    const { Attributes } = await cloud.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: cloud.queueUrls.get(queueName),
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages) +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
    );
  };

  it('subscribes with double opt-in and one-click unsubscribe, publishes weekly, and emails only the confirmed', async () => {
    // Nothing is published yet.
    expect((await api('/feeds/dfe.atom', { token: dfe })).status).toBe(404);

    // Subscribe three addresses; each gets a confirmation email and nothing else.
    for (const email of [CONFIRMED, UNCONFIRMED, UNSUBSCRIBED]) {
      const response = await api('/subscriptions', {
        method: 'POST',
        token: dfe,
        body: JSON.stringify({ email, scope: 'national', cadence: 'weekly' }),
      });
      expect(response.status, email).toBe(202);
    }
    const bad = await api('/subscriptions', {
      method: 'POST',
      token: dfe,
      body: JSON.stringify({ email: 'not an address', scope: 'everywhere', cadence: 'weekly' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /email address in the correct format/,
    );

    const confirmations = await eventually(async () => {
      const emails = await inbox();
      return emails.length === 3 ? emails : undefined;
    }, 'three confirmation emails');
    const confirmationFor = (address: string) =>
      confirmations.find((email) => email.destination.to[0] === address)!;
    for (const email of confirmations) {
      expect(email.subject).toMatch(/^Confirm your subscription/);
      expect(header(email, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    }

    // Confirm two of them through their links, without a token; a link works once.
    for (const address of [CONFIRMED, UNSUBSCRIBED]) {
      const link = linkIn(confirmationFor(address).body.text!, 'confirm');
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<h1>Subscription confirmed</h1>');
      expect((await fetch(link)).status).toBe(404);
    }

    // One-click unsubscribe (RFC 8058) from the List-Unsubscribe header: GET asks, POST does it.
    const unsubscribe = header(confirmationFor(UNSUBSCRIBED), 'List-Unsubscribe')!.replace(/^<|>$/g, '');
    const ask = await fetch(unsubscribe);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('<button type="submit">Unsubscribe</button>');
    const done = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('<h1>You have unsubscribed</h1>');

    const listed = (await (await api('/subscriptions', { token: dfe })).json()) as {
      subscriptions: { email: string; status: string }[];
    };
    expect(listed.subscriptions.map((each) => [each.email, each.status]).sort()).toEqual(
      [
        [CONFIRMED, 'confirmed'],
        [UNCONFIRMED, 'pending'],
      ].sort(),
    );

    // Fire the weekly schedule as the local console would.
    await clearInbox();
    const schedule = cloud.model.schedules.find((each) => each.input?.includes('"summary"'))!;
    expect(schedule).toMatchObject({ expression: 'cron(0 7 ? * MON *)', timezone: 'Europe/London' });
    await cloud.triggerSchedule(schedule.id);

    const emails = await eventually(
      async () => {
        const all = await inbox();
        return all.length > 0 && (await queueDepth(digestQueue().name)) === 0 ? all : undefined;
      },
      'the summary email, and an empty DigestQueue',
      60_000,
    );
    expect(emails.map((email) => email.destination.to[0])).toEqual([CONFIRMED]);
    const [summaryEmail] = emails;
    const week = isoWeekId(new Date());
    expect(summaryEmail!.subject).toBe(`Weekly national summary ${week}`);
    expect(header(summaryEmail!, 'List-Unsubscribe')).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/subscriptions\/unsubscribe\?token=/,
    );
    expect(header(summaryEmail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(await queueDepth(digestQueue().deadLetter!.queueName)).toBe(0);

    // Firing again the same week republishes the same summary and emails nobody again.
    await cloud.triggerSchedule(schedule.id);
    await eventually(
      async () => ((await queueDepth(digestQueue().name)) === 0 ? true : undefined),
      'DigestQueue drained',
    );
    expect((await inbox()).map((email) => email.destination.to[0])).toEqual([CONFIRMED]);

    // The feeds are in the data bucket and served by the API to DfE, with their media types.
    const dataBucket = cloud.model.buckets.find((bucket) => bucket.id.startsWith('DataBucket'))!;
    const listing = await cloud.clients.s3.send(
      new ListObjectsV2Command({ Bucket: dataBucket.name, Prefix: 'feeds/dfe/' }),
    );
    expect((listing.Contents ?? []).map((object) => object.Key).sort()).toEqual([
      `feeds/dfe/archive/${week}.json`,
      'feeds/dfe/summary.atom',
      'feeds/dfe/summary.csv',
      'feeds/dfe/summary.json',
    ]);
    const atom = await api('/feeds/dfe.atom', { token: dfe });
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseAtomFeed(await atom.text());
    expect(feed.entries?.map((entry) => entry.id)).toEqual([`tag:upstream,2026:feeds/dfe/summary/${week}`]);
    const json = await api('/feeds/dfe.json', { token: await cloud.tokenFor('administrator') });
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(((await json.json()) as { version: string }).version).toBe('https://jsonfeed.org/version/1.1');
    const csv = await api('/feeds/dfe.csv', { token: dfe });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).toBe(
      'summary_id,period,generated_at,geographic_level,region_code,region_name,measure,breakdown,value',
    );

    // Not for councils or advisers, and not without a token.
    expect((await api('/feeds/dfe.atom', { token: await cloud.tokenFor('kent-data-officer') })).status).toBe(
      403,
    );
    expect((await api('/feeds/dfe.atom', { token: await cloud.tokenFor('south-east-adviser') })).status).toBe(
      403,
    );
    expect((await api('/feeds/dfe.atom')).status).toBe(401);
    expect((await api('/subscriptions')).status).toBe(401);
  }, 180_000);
  it('publishes again after a material national change, for on-change subscribers only', async () => {
    // An on-change subscriber, confirmed.
    await clearInbox();
    expect(
      (
        await api('/subscriptions', {
          method: 'POST',
          token: dfe,
          body: JSON.stringify({ email: ON_CHANGE, scope: 'national', cadence: 'on-change' }),
        })
      ).status,
    ).toBe(202);
    const [confirmation] = await eventually(async () => {
      const emails = await inbox();
      return emails.length === 1 ? emails : undefined;
    }, 'the confirmation email');
    expect((await fetch(linkIn(confirmation!.body.text!, 'confirm'))).status).toBe(200);
    await clearInbox();

    // Serious intelligence takes the council to red: recompute announces the band change on DigestQueue.
    await recordIntelligence(la, 'serious-incident', 'critical', 'high');

    const emails = await eventually(
      async () => {
        const all = await inbox();
        return all.some((email) => email.destination.to[0] === ON_CHANGE) ? all : undefined;
      },
      'the material-change summary email',
      90_000,
    );
    expect(emails.map((email) => email.destination.to[0])).toEqual([ON_CHANGE]);
    expect(emails[0]!.subject).toMatch(/^National summary after a material change, \d{4}-\d{2}-\d{2}$/);
    expect(emails[0]!.body.text).not.toContain('missed strategy');

    const feed = parseAtomFeed(await (await api('/feeds/dfe.atom', { token: dfe })).text());
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries![0]!.categories?.[0]?.term).toBe('material-change');
    expect(feed.entries![0]!.id).toMatch(/^tag:upstream,2026:feeds\/dfe\/summary\/change-\d{4}-\d{2}-\d{2}$/);
    const atom = await (await api('/feeds/dfe.atom', { token: dfe })).text();
    const council = COUNCILS.find((each) => each.la === la)!;
    expect(atom).not.toContain(council.name);
    expect(atom).not.toContain('missed strategy');
  }, 180_000);
});
