// Adviser alerts on DynamoDB Local and aws-ses-v2-local: exactly one email per alert and mailbox under
// forced redelivery and concurrent consumers, SES throttling and failure (a loopback SES that refuses a
// bounded number of requests), and digests sent exactly once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RiskChangedV1 } from '../../events/risk-changed.ts';
import { LOCAL_CREDENTIALS, type RunningSes, startSesLocal } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import {
  DynamoAlertHistory,
  DynamoDigestStore,
  DynamoSendLedger,
} from '../../shared/adapters/dynamo-alert-ledger.ts';
import { DynamoDirectoryStore } from '../../shared/adapters/dynamo-directory-store.ts';
import { DynamoIntelligenceStore } from '../../shared/adapters/dynamo-intelligence-store.ts';
import { SesMailer } from '../../shared/adapters/ses-mailer.ts';
import type { Adviser } from '../../shared/domain/directory.ts';
import {
  AlertDeliveryError,
  type FlushDeps,
  flushDigests,
  type NotifyDeps,
  notifyAdvisers,
} from '../../shared/use-cases/notify-advisers.ts';
import { withSingleTable } from './helpers/emulators.ts';

const SE_PRINCIPAL = 'priya.shah@advisers.example.gov.uk';
const SE_IMPROVEMENT = 'tom.okafor@advisers.example.gov.uk';
const SE_DIGEST = 'helen.marsh@advisers.example.gov.uk';
const SE_FORMER = 'graham.reid@advisers.example.gov.uk';
const LONDON = 'amara.mensah@advisers.example.gov.uk';
const FROM = 'alerts@upstream.example.gov.uk';

const adviser = (adviserId: string, email: string, overrides: Partial<Adviser> = {}): Adviser => ({
  adviserId,
  name: adviserId,
  email,
  region: 'south-east',
  role: 'improvement',
  delivery: 'immediate',
  active: true,
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'seed',
  ...overrides,
});

const ADVISERS = [
  adviser('se-principal', SE_PRINCIPAL, { role: 'principal' }),
  adviser('se-improvement', SE_IMPROVEMENT),
  adviser('se-digest', SE_DIGEST, { delivery: 'digest' }),
  adviser('se-former', SE_FORMER, { active: false }),
  adviser('london-principal', LONDON, { region: 'london', role: 'principal' }),
];

function riskChanged(la: string, version: number, occurredAt: string): RiskChangedV1 {
  return {
    type: 'RiskChanged',
    version: 1,
    eventId: `${la}#${version}`,
    occurredAt,
    la,
    region: 'south-east',
    assessmentVersion: version,
    modelVersion: 'risk-1',
    asOf: occurredAt.slice(0, 10),
    from: 'amber',
    to: 'red',
    bandChanged: true,
    topDrivers: [
      { kind: 'indicator', text: 'Re-referrals within 12 months: 31.0%, bottom quartile', red: true },
    ],
    newRedDrivers: ['Re-referrals within 12 months: 31.0%, bottom quartile'],
    cause: { type: 'IntelligenceChanged', eventId: `INT-${la}#${version}` },
  };
}

type StoredEmail = {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
};

/** A loopback SES v2 endpoint that answers from a script: bounded in requests and closed after its test. */
async function scriptedSes(answer: (request: number) => { status: number; error?: string }): Promise<{
  endpoint: string;
  requests: () => number;
  stop: () => Promise<void>;
}> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count += 1;
      const { status, error } = count > 100 ? { status: 500, error: 'InternalFailure' } : answer(count);
      response.setHeader('content-type', 'application/json');
      if (error) {
        response.setHeader('x-amzn-errortype', error);
        response.writeHead(status).end(JSON.stringify({ message: `${error} (scripted answer ${count})` }));
      } else {
        response.writeHead(status).end(JSON.stringify({ MessageId: `scripted-${count}` }));
      }
    });
  });
  server.setTimeout(5_000);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sesClient = (endpoint: string) =>
  new SESv2Client({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });

describe('adviser alerts on DynamoDB Local and aws-ses-v2-local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let ses: RunningSes;
  let base: NotifyDeps & FlushDeps;
  let ledger: DynamoSendLedger;
  let digests: DynamoDigestStore;
  let clock = new Date('2026-11-20T12:00:00.000Z');

  beforeAll(async () => {
    [table, ses] = await Promise.all([withSingleTable('upstream-notify'), startSesLocal(0)]);
    const directory = new DynamoDirectoryStore(table.documents, table.tableName);
    for (const entry of ADVISERS) await directory.putAdviser(entry);
    ledger = new DynamoSendLedger(table.documents, table.tableName);
    digests = new DynamoDigestStore(table.documents, table.tableName, () => clock);
    base = {
      directory,
      ledger,
      history: new DynamoAlertHistory(table.documents, table.tableName),
      digests,
      intelligence: new DynamoIntelligenceStore(table.documents, table.tableName),
      mailer: new SesMailer(sesClient(ses.endpoint)),
      fromAddress: FROM,
      appUrl: 'https://upstream.example.gov.uk',
      now: () => clock,
      leaseMs: 60_000,
      retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 200 },
      random: () => 0.5,
    };
  });
  afterAll(async () => {
    await Promise.all([table?.stop(), ses?.stop()]);
  });
  beforeEach(async () => {
    await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
  });

  const inbox = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: StoredEmail[] }).emails;
  const recipientsOf = (emails: StoredEmail[]) => emails.flatMap((email) => email.destination.to).sort();

  it('sends one email per active immediate adviser of the region; forced redeliveries send nothing more', async () => {
    const event = riskChanged('886', 1, '2026-11-20T10:00:00.000Z');

    const first = await notifyAdvisers(event, base);
    const again = await Promise.all([1, 2, 3].map(() => notifyAdvisers(event, base)));

    expect(first.sent).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT]);
    expect(first.held).toEqual([SE_DIGEST]);
    for (const outcome of again) {
      expect(outcome.sent).toEqual([]);
      expect(outcome.alreadySent).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT]);
    }
    const emails = await inbox();
    expect(recipientsOf(emails)).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT].sort());
    for (const email of emails) {
      expect(email.from).toBe(FROM);
      expect(email.subject).toBe('Risk alert: Kent moved from Amber to Red');
      expect(email.body.text).toContain('Re-referrals within 12 months: 31.0%, bottom quartile (red)');
      expect(email.body.text).toContain('Council page: https://upstream.example.gov.uk/councils/886');
      expect(email.body.html).toContain('<a href="https://upstream.example.gov.uk/councils/886">');
    }
    const record = await ledger.record({ alertId: '886#1', recipient: SE_PRINCIPAL });
    expect(record).toMatchObject({ state: 'sent', attempts: 1, messageId: expect.any(String) });
  });

  it('concurrent consumers of one alert send each email once; the losers fail and their retry finds it sent', async () => {
    const event = riskChanged('886', 2, '2026-11-20T10:05:00.000Z');

    const settled = await Promise.allSettled(Array.from({ length: 6 }, () => notifyAdvisers(event, base)));
    const failed = settled.filter((outcome) => outcome.status === 'rejected');
    for (const failure of failed) {
      expect(failure.reason).toBeInstanceOf(AlertDeliveryError);
      expect(String(failure.reason.message)).toMatch(/another consumer is sending it/);
    }
    // As SQS would: each failed delivery comes back once the message is visible again.
    const retried = await Promise.all(failed.map(() => notifyAdvisers(event, base)));

    expect(retried.every((outcome) => outcome.sent.length === 0)).toBe(true);
    expect(recipientsOf(await inbox())).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT].sort());
    // Exactly one consumer ever won each claim.
    for (const recipient of [SE_PRINCIPAL, SE_IMPROVEMENT]) {
      expect(await ledger.record({ alertId: event.eventId, recipient })).toMatchObject({
        state: 'sent',
        attempts: 1,
      });
    }
  });

  it('takes over a claim whose consumer died before sending, but only once its lease has run out', async () => {
    const event = riskChanged('886', 3, '2026-11-20T10:10:00.000Z');
    const dead = await ledger.claim({ alertId: event.eventId, recipient: SE_PRINCIPAL }, clock, 60_000);
    expect(dead.kind).toBe('claimed');

    await expect(notifyAdvisers(event, base)).rejects.toThrow(
      /priya\.shah@advisers\.example\.gov\.uk: another consumer/,
    );
    expect(recipientsOf(await inbox())).toEqual([SE_IMPROVEMENT]);

    const later = { ...base, now: () => new Date(clock.getTime() + 60_001) };
    const outcome = await notifyAdvisers(event, later);
    expect(outcome.sent).toEqual([SE_PRINCIPAL]);
    expect(outcome.alreadySent).toEqual([SE_IMPROVEMENT]);
    expect(recipientsOf(await inbox())).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT].sort());
  });

  it('retries a throttled SES with growing pauses and sends once it accepts', async () => {
    const throttling = await scriptedSes((request) =>
      request <= 2 ? { status: 429, error: 'TooManyRequestsException' } : { status: 200 },
    );
    try {
      const retries: { recipient: string; attempt: number; delayMs: number; reason: string }[] = [];
      const deps = {
        ...base,
        mailer: new SesMailer(sesClient(throttling.endpoint)),
        onRetry: (details: (typeof retries)[number]) => retries.push(details),
      };
      const outcome = await notifyAdvisers(riskChanged('886', 4, '2026-11-20T10:15:00.000Z'), deps);

      expect(outcome.sent).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT]);
      expect(throttling.requests()).toBe(4);
      expect(retries.map(({ recipient, attempt, delayMs }) => [recipient, attempt, delayMs])).toEqual([
        [SE_PRINCIPAL, 1, 15],
        [SE_PRINCIPAL, 2, 30],
      ]);
      expect(retries[0]!.reason).toMatch(/TooManyRequestsException, HTTP 429/);
      expect(await ledger.record({ alertId: '886#4', recipient: SE_PRINCIPAL })).toMatchObject({
        state: 'sent',
        messageId: 'scripted-3',
      });
    } finally {
      await throttling.stop();
    }
  });

  it('fails the alert with the reason once SES keeps refusing, records it, and a later redelivery sends once', async () => {
    const event = riskChanged('886', 5, '2026-11-20T10:20:00.000Z');
    const down = await scriptedSes(() => ({ status: 429, error: 'TooManyRequestsException' }));
    try {
      const error = await notifyAdvisers(event, {
        ...base,
        mailer: new SesMailer(sesClient(down.endpoint)),
      }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(AlertDeliveryError);
      expect((error as AlertDeliveryError).failures.map((failure) => failure.recipient)).toEqual([
        SE_PRINCIPAL,
        SE_IMPROVEMENT,
      ]);
      expect((error as Error).message).toMatch(/TooManyRequestsException.*gave up after 3 attempts/);
      // Three attempts per recipient, each recipient tried: SES throttling does not stop the others.
      expect(down.requests()).toBe(6);
      expect(await ledger.record({ alertId: event.eventId, recipient: SE_PRINCIPAL })).toMatchObject({
        state: 'failed',
        lastError: expect.stringMatching(/TooManyRequestsException/),
      });
    } finally {
      await down.stop();
    }

    const recovered = await notifyAdvisers(event, base);
    expect(recovered.sent).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT]);
    await notifyAdvisers(event, base);
    expect(recipientsOf(await inbox())).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT].sort());
  });

  it('does not retry an email SES rejects outright', async () => {
    const rejecting = await scriptedSes(() => ({ status: 400, error: 'MessageRejected' }));
    try {
      const error = await notifyAdvisers(riskChanged('886', 6, '2026-11-20T10:25:00.000Z'), {
        ...base,
        mailer: new SesMailer(sesClient(rejecting.endpoint)),
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AlertDeliveryError);
      expect((error as Error).message).toMatch(/MessageRejected, HTTP 400.*gave up after 1 attempt\)/);
      expect(rejecting.requests()).toBe(2);
    } finally {
      await rejecting.stop();
    }
  });

  it('combines a digest adviser’s held alerts into one email, sent once however often the flush runs', async () => {
    // Held so far: Kent #1 to #6 for the digest adviser (from the tests above). Add Medway, and redeliver Kent #1.
    await notifyAdvisers(riskChanged('887', 1, '2026-11-20T11:00:00.000Z'), base);
    await notifyAdvisers(riskChanged('886', 1, '2026-11-20T10:00:00.000Z'), base);
    await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
    const held = await digests.listHeld();
    expect(held.map((alert) => alert.eventId).sort()).toEqual(
      ['886#1', '886#2', '886#3', '886#4', '886#5', '886#6', '887#1'].sort(),
    );

    const flushes = await Promise.all([flushDigests(base), flushDigests(base), flushDigests(base)]);
    const afterwards = await flushDigests(base);

    expect(flushes.flatMap((flush) => flush.sent)).toHaveLength(1);
    expect(afterwards).toEqual({ sent: [], alreadySent: [], leftToOtherFlush: [], dropped: [] });
    const emails = await inbox();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.destination.to).toEqual([SE_DIGEST]);
    expect(emails[0]!.subject).toBe('Risk alerts: 7 changes (Kent, Medway)');
    expect(emails[0]!.body.text).toContain('1. Risk alert: Kent moved from Amber to Red');
    expect(emails[0]!.body.text).toContain('7. Risk alert: Medway moved from Amber to Red');
    expect(await digests.listHeld()).toEqual([]);

    // A redelivery after the digest went out is not held again.
    expect((await notifyAdvisers(riskChanged('887', 1, '2026-11-20T11:00:00.000Z'), base)).held).toEqual([
      SE_DIGEST,
    ]);
    expect(await digests.listHeld()).toEqual([]);
  });

  it('finishes a digest that an interrupted flush had started, without a second email', async () => {
    const event = riskChanged('887', 2, '2026-11-20T11:30:00.000Z');
    await notifyAdvisers(event, base);
    const [alert] = await digests.listHeld();
    // The flush took the alert into its digest, then stopped before sending.
    expect(await digests.assign([alert!], 'digest:se-digest:2026-11-20T11:45:00.000Z:1')).toBe(true);
    // Another flush may not take it into a second digest.
    expect(await digests.assign([alert!], 'digest:se-digest:2026-11-20T11:46:00.000Z:1')).toBe(false);

    clock = new Date('2026-11-20T13:00:00.000Z');
    const outcome = await flushDigests(base);
    await flushDigests(base);

    expect(outcome.sent).toEqual(['digest:se-digest:2026-11-20T11:45:00.000Z:1']);
    // The immediate advisers had theirs at once; the digest adviser gets exactly one.
    const emails = (await inbox()).filter((email) => email.destination.to.includes(SE_DIGEST));
    expect(emails.map((email) => email.subject)).toEqual(['Risk alert: Medway moved from Amber to Red']);
  });

  it('after a crash between SES accepting an email and its record, sends no second one while the claim lasts', async () => {
    const event = riskChanged('887', 3, '2026-11-20T13:05:00.000Z');
    // The function dies once SES has the first email and before the ledger says so (a timeout, a kill).
    const crashing: DynamoSendLedger = Object.create(ledger);
    crashing.markSent = async () => {
      throw new Error('Runtime.ExitError: the function was killed');
    };
    await expect(notifyAdvisers(event, { ...base, ledger: crashing })).rejects.toThrow(/killed/);
    const toPrincipal = async () =>
      (await inbox()).filter((email) => email.destination.to.includes(SE_PRINCIPAL)).length;
    expect(await toPrincipal()).toBe(1);

    // SQS redelivers at once (the visibility timeout of a killed invocation, or a second consumer): the claim
    // is younger than its lease, so the mailbox is left alone and the others are served.
    const redelivered = await notifyAdvisers(event, base).catch((caught: unknown) => caught);
    expect(redelivered).toBeInstanceOf(AlertDeliveryError);
    expect((redelivered as AlertDeliveryError).failures).toEqual([
      { recipient: SE_PRINCIPAL, reason: expect.stringMatching(/another consumer is sending it/) },
    ]);
    expect(await toPrincipal()).toBe(1);
    expect(recipientsOf(await inbox())).toEqual([SE_PRINCIPAL, SE_IMPROVEMENT].sort());

    // Once the lease has run out, the claim is taken as never sent: SES has no idempotency key to ask, so
    // the mailbox gets a second copy rather than none (docs/operations.md, "Alerts exactly once").
    const afterLease = { ...base, now: () => new Date(clock.getTime() + 60_001) };
    const outcome = await notifyAdvisers(event, afterLease);
    expect(outcome.sent).toEqual([SE_PRINCIPAL]);
    expect(outcome.alreadySent).toEqual([SE_IMPROVEMENT]);
    expect(await toPrincipal()).toBe(2);
    expect(await ledger.record({ alertId: event.eventId, recipient: SE_PRINCIPAL })).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });
});
