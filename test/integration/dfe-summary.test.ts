// The DfE summary on DynamoDB Local, fauxqs (S3 + SQS) and aws-ses-v2-local: publishing is idempotent under
// its id, the feeds land in the data bucket, each matching confirmed subscriber is queued, and each gets
// exactly one email per summary however often (and however concurrently) the messages are delivered.
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SummaryEmailDueV1, SummaryEmailDueV1Schema } from '../../events/dfe-digest.ts';
import { LOCAL_CREDENTIALS, type RunningSes, startSesLocal } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { DynamoIndicatorStore } from '../../shared/adapters/dynamo-indicator-store.ts';
import { DynamoIntelligenceStore } from '../../shared/adapters/dynamo-intelligence-store.ts';
import { DynamoRiskStore } from '../../shared/adapters/dynamo-risk-store.ts';
import { DynamoSubscriptionStore } from '../../shared/adapters/dynamo-subscription-store.ts';
import { DynamoSummaryStore } from '../../shared/adapters/dynamo-summary-store.ts';
import { S3ObjectStore } from '../../shared/adapters/s3-objects.ts';
import { SesListMailer } from '../../shared/adapters/ses-list-mailer.ts';
import { enqueueSummaryEmails } from '../../shared/adapters/sqs-digest-queue.ts';
import { newLinkToken } from '../../shared/adapters/tokens.ts';
import { COUNCILS } from '../../shared/domain/councils.ts';
import { type Subscription, subscriptionIdFor } from '../../shared/domain/dfe-subscriptions.ts';
import { FEED_OBJECTS } from '../../shared/domain/feeds.ts';
import { assessRisk } from '../../shared/domain/risk/assess.ts';
import type { RiskBand } from '../../shared/domain/risk/model.ts';
import {
  type ChangeDeps,
  publishOnChange,
  publishWeeklySummary,
} from '../../shared/use-cases/publish-dfe-summary.ts';
import { type SendDeps, sendSummaryEmail } from '../../shared/use-cases/send-dfe-summary-email.ts';
import { withFauxqs, withSingleTable } from './helpers/emulators.ts';

const BUCKET = 'upstream-data';
const FROM = 'summaries@upstream.example.gov.uk';
const API = 'https://api.example.gov.uk';
const APP = 'https://app.example.gov.uk';

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
}

function subscription(
  email: string,
  scope: string,
  cadence: Subscription['cadence'],
  status: Subscription['status'],
) {
  return {
    subscriptionId: subscriptionIdFor({ email, scope, cadence }),
    email,
    scope,
    cadence,
    status,
    owner: 'dfe-user',
    createdAt: '2026-11-01T09:00:00.000Z',
    confirmedAt: status === 'confirmed' ? '2026-11-01T09:05:00.000Z' : null,
  } satisfies Subscription;
}

const WEEKLY_NATIONAL = subscription('ana@education.gov.uk', 'national', 'weekly', 'confirmed');
const WEEKLY_LONDON = subscription('ben@education.gov.uk', 'london', 'weekly', 'confirmed');
const WEEKLY_UNCONFIRMED = subscription('cal@education.gov.uk', 'national', 'weekly', 'pending');
const ON_CHANGE_NATIONAL = subscription('dee@education.gov.uk', 'national', 'on-change', 'confirmed');
const NORTH_EAST = COUNCILS.find((council) => council.region === 'north-east')!.la;
const ON_CHANGE_NORTH_EAST = subscription('eve@education.gov.uk', 'north-east', 'on-change', 'confirmed');

describe('DfE summary on DynamoDB Local, fauxqs and aws-ses-v2-local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  let ses: RunningSes;
  let queueUrl: string;
  let risk: DynamoRiskStore;
  let deps: ChangeDeps;
  let sendDeps: SendDeps;
  let clock = new Date('2026-11-23T07:00:02.000Z');

  const setBand = async (la: string, band: RiskBand, at: string) => {
    const current = await risk.current(la);
    const version = (current?.version ?? 0) + 1;
    const assessment = { ...assessRisk({ la, asOf: at.slice(0, 10), indicators: [] }), band };
    expect(
      await risk.save(la, {
        version,
        assessment,
        cause: { type: 'Test', eventId: `${la}#${version}` },
        assessedAt: at,
      }),
    ).toBe('saved');
    return version;
  };

  const drain = async (): Promise<SummaryEmailDueV1[]> => {
    const messages: SummaryEmailDueV1[] = [];
    for (;;) {
      const result = await fauxqs.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          VisibilityTimeout: 600,
        }),
      );
      if (!result.Messages?.length) return messages;
      for (const message of result.Messages)
        messages.push(SummaryEmailDueV1Schema.parse(JSON.parse(message.Body!)));
    }
  };

  const inbox = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: StoredEmail[] }).emails;

  const readObject = async (key: string) => {
    const result = await fauxqs.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return { body: await result.Body!.transformToString(), contentType: result.ContentType };
  };

  beforeAll(async () => {
    [table, fauxqs, ses] = await Promise.all([
      withSingleTable('upstream-dfe'),
      withFauxqs(),
      startSesLocal(0),
    ]);
    await fauxqs.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    queueUrl = (await fauxqs.sqs.send(new CreateQueueCommand({ QueueName: 'digest' }))).QueueUrl!;
    risk = new DynamoRiskStore(table.documents, table.tableName);
    const subscriptions = new DynamoSubscriptionStore(table.documents, table.tableName);
    for (const each of [
      WEEKLY_NATIONAL,
      WEEKLY_LONDON,
      WEEKLY_UNCONFIRMED,
      ON_CHANGE_NATIONAL,
      ON_CHANGE_NORTH_EAST,
    ])
      await subscriptions.put(each);
    const summaries = new DynamoSummaryStore(table.documents, table.tableName);
    const objects = new S3ObjectStore(fauxqs.s3);
    deps = {
      summaries,
      uploads: new DynamoIndicatorStore(table.documents, table.tableName),
      intelligence: new DynamoIntelligenceStore(table.documents, table.tableName),
      subscriptions,
      risk,
      writeObject: (key, body, contentType) => objects.putText(BUCKET, key, body, contentType),
      enqueueEmails: (messages) => enqueueSummaryEmails(fauxqs.sqs, queueUrl, messages),
      apiUrl: API,
      now: () => clock,
    };
    sendDeps = {
      summaries,
      subscriptions,
      ledger: subscriptions,
      mailer: new SesListMailer(
        new SESv2Client({
          endpoint: ses.endpoint,
          region: LOCAL_REGION,
          credentials: LOCAL_CREDENTIALS,
          maxAttempts: 1,
        }),
      ),
      fromAddress: FROM,
      apiUrl: API,
      appUrl: APP,
      newToken: newLinkToken,
      now: () => clock,
    };
    // Most councils green, a few amber and red.
    for (const [index, council] of COUNCILS.slice(0, 20).entries())
      await setBand(
        council.la,
        index < 3 ? 'red' : index < 9 ? 'amber' : 'green',
        '2026-11-20T10:00:00.000Z',
      );
    await setBand(NORTH_EAST, 'green', '2026-11-20T10:00:00.000Z');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([table?.stop(), fauxqs?.stop(), ses?.stop()]);
  });

  beforeEach(async () => {
    await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
  });

  it('publishes the week once: feeds in the bucket, one message per confirmed weekly subscriber', async () => {
    const first = await publishWeeklySummary(deps);
    expect(first).toEqual({ kind: 'published', summaryId: '2026-W48', trigger: 'weekly', emails: 2 });
    const saved = await deps.summaries.get('2026-W48');
    expect(saved?.summary.councilsAssessed).toBe(20); // 21 councils, rounded to the nearest 10

    // The schedule fires again later the same week (a retry): the same summary, not a new one.
    clock = new Date('2026-11-25T09:00:00.000Z');
    const again = await publishWeeklySummary(deps);
    expect(again).toEqual({ kind: 'republished', summaryId: '2026-W48', trigger: 'weekly', emails: 2 });
    expect((await deps.summaries.get('2026-W48'))?.summary.generatedAt).toBe(saved?.summary.generatedAt);
    expect(await deps.summaries.recent(10)).toHaveLength(1);

    const atom = await readObject(FEED_OBJECTS.atom.key);
    expect(atom.contentType).toBe(FEED_OBJECTS.atom.contentType);
    expect(parseAtomFeed(atom.body).entries?.map((entry) => entry.id)).toEqual([
      'tag:upstream,2026:feeds/dfe/summary/2026-W48',
    ]);
    expect(JSON.parse((await readObject(FEED_OBJECTS.json.key)).body).items).toHaveLength(1);
    expect((await readObject(FEED_OBJECTS.csv.key)).body.split('\r\n')[0]).toMatch(/^summary_id,period/);
    expect(JSON.parse((await readObject('feeds/dfe/archive/2026-W48.json')).body).summaryId).toBe('2026-W48');

    const queued = await drain();
    expect(queued.map((message) => message.subscriptionId).sort()).toEqual(
      [WEEKLY_NATIONAL, WEEKLY_LONDON, WEEKLY_NATIONAL, WEEKLY_LONDON].map((s) => s.subscriptionId).sort(),
    );

    // Every delivery, twice more and concurrently: one email per subscriber.
    const outcomes = await Promise.allSettled(
      [...queued, ...queued, ...queued].map((m) => sendSummaryEmail(m, sendDeps)),
    );
    const sent = outcomes.filter(
      (outcome) => outcome.status === 'fulfilled' && outcome.value.kind === 'sent',
    );
    expect(sent).toHaveLength(2);
    const emails = await inbox();
    expect(emails.flatMap((email) => email.destination.to).sort()).toEqual(
      [WEEKLY_NATIONAL.email, WEEKLY_LONDON.email].sort(),
    );
    for (const email of emails) {
      const headers = Object.fromEntries((email.headers ?? []).map((header) => [header.name, header.value]));
      expect(headers['List-Unsubscribe']).toMatch(
        /^<https:\/\/api\.example\.gov\.uk\/subscriptions\/unsubscribe\?token=[\w-]{43}>$/,
      );
      expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(email.body.text).toContain('Weekly national summary 2026-W48');
      // The email links to the national page of the web app, as well as to the feeds.
      expect(email.body.text).toContain(`With charts and tables in Upstream: ${APP}/england`);
      expect(email.body.html).toContain(`<a href="${APP}/england">`);
      expect(email.body.html).toContain(
        '<a href="https://api.example.gov.uk/subscriptions/unsubscribe?token=',
      );
      for (const council of COUNCILS.slice(0, 20)) expect(email.body.text).not.toContain(council.name);
    }
    const london = emails.find((email) => email.destination.to[0] === WEEKLY_LONDON.email)!;
    expect(london.subject).toBe('Weekly national summary 2026-W48 (London)');

    // A retry whose lease is not over while another is mid-send is told to wait, never sends.
    const remaining = outcomes.filter((outcome) => outcome.status === 'rejected');
    for (const outcome of remaining)
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/retrying later/);
  });

  it('publishes on a material national change only, once per triggering change, to on-change subscribers', async () => {
    clock = new Date('2026-11-26T10:00:00.000Z');
    // Amber to green is a band change, but one is not material.
    const minor = COUNCILS[5]!.la;
    const minorVersion = await setBand(minor, 'green', clock.toISOString());
    const minorChange = {
      type: 'CouncilBandChanged' as const,
      version: 1 as const,
      eventId: `${minor}#${minorVersion}`,
      occurredAt: clock.toISOString(),
      la: minor,
      assessmentVersion: minorVersion,
      from: 'amber' as const,
      to: 'green' as const,
    };
    expect((await publishOnChange(minorChange, deps)).kind).toBe('not-material');

    // A council entering red is material; the message may arrive before the assessment is stored.
    const northEast = NORTH_EAST;
    const change = {
      ...minorChange,
      eventId: `${northEast}#2`,
      occurredAt: '2026-11-26T10:05:00.123Z',
      la: northEast,
      assessmentVersion: 2,
      from: 'green' as const,
      to: 'red' as const,
    };
    expect((await publishOnChange(change, deps)).kind).toBe('not-yet-stored');
    await setBand(northEast, 'red', change.occurredAt);

    const published = await publishOnChange(change, deps);
    expect(published).toEqual({
      kind: 'published',
      summaryId: 'change-2026-11-26',
      trigger: 'material-change',
      emails: 2,
    });
    // Redelivered: the same summary, finished again; nothing new.
    expect((await publishOnChange(change, deps)).kind).toBe('republished');
    const stored = await deps.summaries.get('change-2026-11-26');
    expect(stored?.summary.previousSummaryId).toBe('2026-W48');
    expect(stored?.materiality.regions).toContain('north-east');

    const atom = parseAtomFeed((await readObject(FEED_OBJECTS.atom.key)).body);
    expect(atom.entries?.map((entry) => entry.id)).toEqual([
      'tag:upstream,2026:feeds/dfe/summary/change-2026-11-26',
      'tag:upstream,2026:feeds/dfe/summary/2026-W48',
    ]);

    const queued = await drain();
    expect([...new Set(queued.map((message) => message.subscriptionId))].sort()).toEqual(
      [ON_CHANGE_NATIONAL.subscriptionId, ON_CHANGE_NORTH_EAST.subscriptionId].sort(),
    );
    for (const message of queued) await sendSummaryEmail(message, sendDeps);
    expect((await inbox()).flatMap((email) => email.destination.to).sort()).toEqual(
      [ON_CHANGE_NATIONAL.email, ON_CHANGE_NORTH_EAST.email].sort(),
    );
  });

  it('sends nothing to a subscription removed after the summary was queued', async () => {
    const subscriptions = new DynamoSubscriptionStore(table.documents, table.tableName);
    await subscriptions.remove(ON_CHANGE_NATIONAL.subscriptionId);
    const outcome = await sendSummaryEmail(
      {
        type: 'SummaryEmailDue',
        version: 1,
        summaryId: '2026-W48',
        subscriptionId: ON_CHANGE_NATIONAL.subscriptionId,
      },
      sendDeps,
    );
    expect(outcome).toEqual({ kind: 'not-subscribed' });
    const pending = await sendSummaryEmail(
      {
        type: 'SummaryEmailDue',
        version: 1,
        summaryId: '2026-W48',
        subscriptionId: WEEKLY_UNCONFIRMED.subscriptionId,
      },
      sendDeps,
    );
    expect(pending).toEqual({ kind: 'not-subscribed' });
    expect(await inbox()).toEqual([]);
  });
});
