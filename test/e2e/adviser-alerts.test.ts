// End to end through the local cloud: a serious intelligence item raises Kent's band, and the local SES
// inbox then holds exactly one email for each active South East adviser (the digest adviser's once the
// digest schedule fires) and none for London's; a redelivered alert sends nothing more.
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RiskChangedV1, riskChangedMessage } from '../../events/risk-changed.ts';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { DEMO_ADVISERS, seedDemoDirectory } from '../../scripts/demo/directory.ts';
import { DynamoRiskStore } from '../../shared/adapters/dynamo-risk-store.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { startTestCloud, tableNameOf } from './helpers/test-cloud.ts';

type StoredEmail = {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
};
type RiskView = {
  version: number;
  assessedAt: string;
  band: string;
  modelVersion: string;
  asOf: string;
  cause: { type: string; eventId: string };
  drivers: { kind: 'indicator' | 'intelligence'; text: string; red: boolean }[];
  history: { version: number; band: string; cause: string }[];
};

const addresses = (filter: (adviser: (typeof DEMO_ADVISERS)[number]) => boolean) =>
  DEMO_ADVISERS.filter(filter)
    .map((adviser) => adviser.email)
    .sort();
const SOUTH_EAST_ACTIVE = addresses((a) => a.region === 'south-east' && a.active);
const SOUTH_EAST_IMMEDIATE = addresses(
  (a) => a.region === 'south-east' && a.active && a.delivery === 'immediate',
);
const SOUTH_EAST_DIGEST = addresses((a) => a.region === 'south-east' && a.active && a.delivery === 'digest');
const INACTIVE = addresses((a) => !a.active);
const LONDON = addresses((a) => a.region === 'london');

describe('adviser risk alerts through the local cloud', () => {
  let cloud: LocalCloud;
  const logs: string[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud({ logs });
    await seedDemoDirectory(cloud.urls.api, await cloud.tokenFor('administrator'));
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  const inbox = async (): Promise<StoredEmail[]> => {
    const store = new URL('/store', cloud.urls.sesInbox);
    return ((await (await fetch(store)).json()) as { emails: StoredEmail[] }).emails;
  };
  const recipients = (emails: StoredEmail[]) => emails.flatMap((email) => email.destination.to).sort();
  const alertQueue = () =>
    cloud.model.queues.find((queue) => queue.deadLetter && /AlertQueue/.test(queue.name))!;
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

  let risk: RiskView;

  it('keeps the directory behind the administrator role', async () => {
    const response = await fetch(`${cloud.urls.api}/directory/advisers`, {
      headers: { authorization: `Bearer ${await cloud.tokenFor('administrator')}` },
    });
    expect(response.status).toBe(200);
    const { advisers } = (await response.json()) as { advisers: { adviserId: string }[] };
    expect(advisers.map((a) => a.adviserId).sort()).toEqual(DEMO_ADVISERS.map((a) => a.adviserId).sort());
    const adviser = await fetch(`${cloud.urls.api}/directory/advisers`, {
      headers: { authorization: `Bearer ${await cloud.tokenFor('south-east-adviser')}` },
    });
    expect(adviser.status).toBe(403);
  });

  it('a serious intelligence item raises Kent’s band and emails each immediate South East adviser once', async () => {
    const adviser = await cloud.tokenFor('south-east-adviser');
    const narrative = 'Rapid review: repeated missed strategy discussions at the front door.';
    const created = await fetch(`${cloud.urls.api}/intelligence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adviser}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        la: '886',
        category: 'serious-incident',
        severity: 'critical',
        confidence: 'high',
        source: 'Regional adviser visit',
        observedOn: new Date().toISOString().slice(0, 10),
        narrative,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);

    risk = await eventually(async () => {
      const response = await fetch(`${cloud.urls.api}/risk/councils/886`, {
        headers: { authorization: `Bearer ${adviser}` },
      });
      if (response.status !== 200) return undefined;
      const body = (await response.json()) as RiskView;
      return body.cause.type === 'IntelligenceChanged' ? body : undefined;
    }, 'Kent’s risk to be reassessed after the intelligence item');
    // Nothing assessed Kent before (no return, no daily review): the same reassessment first stored its
    // data-only baseline, so the history holds exactly that baseline and the intelligence's assessment.
    expect(risk.history.map((entry) => entry.cause)).toEqual(['IntelligenceChanged', 'Baseline']);
    const before = risk.history[1]!;
    expect(risk.band).not.toBe(before.band);

    const emails = await eventually(
      async () => {
        const all = await inbox();
        return recipients(all).length >= SOUTH_EAST_IMMEDIATE.length ? all : undefined;
      },
      'the South East advisers’ alert emails',
      60_000,
    );
    // Give any stray email (a second send, a London recipient) the chance to arrive: the queue must drain.
    await eventually(
      async () => ((await queueDepth(alertQueue().name)) === 0 ? true : undefined),
      'the alert queue to drain',
    );
    const settled = await inbox();
    expect(settled).toHaveLength(emails.length);
    expect(recipients(settled)).toEqual(SOUTH_EAST_IMMEDIATE);
    const bandWord = (band: string) => band[0]!.toUpperCase() + band.slice(1);
    for (const email of settled) {
      expect(email.subject).toBe(
        `Risk alert: Kent moved from ${bandWord(before.band)} to ${bandWord(risk.band)}`,
      );
      expect(email.body.text).toContain(`Risk band: ${bandWord(before.band)} → ${bandWord(risk.band)}`);
      expect(email.body.text).toContain('Serious incident or practice review: critical severity');
      // The link leads to the web app on the port this local cloud chose, not to the stage config’s default.
      expect(email.body.text).toContain(`Council page: ${cloud.urls.app}councils/886`);
      expect(email.body.html).toContain('<h3>Top drivers</h3>');
      expect(email.body.text).not.toContain(narrative);
      expect(email.body.html).not.toContain(narrative);
    }
    // Sent, so Kent's current assessment no longer owes its alert (the next reassessment would send it again).
    const current = await new DynamoRiskStore(
      DynamoDBDocumentClient.from(cloud.clients.dynamo),
      tableNameOf(cloud),
    ).current('886');
    expect(current).toMatchObject({ version: risk.version });
    expect(current).not.toHaveProperty('alertPending');
  });

  it('the digest schedule sends the digest adviser theirs: one email per active South East adviser, none to London', async () => {
    const schedule = cloud.wiring().schedules.find((entry) => /AdviserDigestSchedule/.test(entry.id));
    expect(
      schedule,
      cloud
        .wiring()
        .schedules.map((entry) => entry.id)
        .join(', '),
    ).toBeDefined();

    await cloud.triggerSchedule(schedule!.id);
    await cloud.triggerSchedule(schedule!.id);

    const emails = await inbox();
    expect(recipients(emails)).toEqual(SOUTH_EAST_ACTIVE);
    expect(SOUTH_EAST_DIGEST.length).toBeGreaterThan(0);
    for (const address of [...LONDON, ...INACTIVE]) expect(recipients(emails)).not.toContain(address);
  });

  it('a redelivered alert (after the queue’s deduplication window) sends nothing more', async () => {
    const before = await inbox();
    const event: RiskChangedV1 = {
      type: 'RiskChanged',
      version: 1,
      eventId: `886#${risk.version}`,
      occurredAt: risk.assessedAt,
      la: '886',
      region: 'south-east',
      assessmentVersion: risk.version,
      modelVersion: risk.modelVersion,
      asOf: risk.asOf,
      from: risk.history[1]!.band as RiskChangedV1['to'],
      to: risk.band as RiskChangedV1['to'],
      bandChanged: true,
      topDrivers: risk.drivers.slice(0, 5).map(({ kind, text, red }) => ({ kind, text, red })),
      newRedDrivers: [],
      cause: { type: risk.cause.type, eventId: risk.cause.eventId },
    };
    const message = riskChangedMessage(event);
    for (const attempt of [1, 2]) {
      await cloud.clients.sqs.send(
        new SendMessageCommand({
          QueueUrl: cloud.queueUrls.get(alertQueue().name),
          MessageBody: message.body,
          MessageGroupId: message.groupId,
          // A new deduplication id: SQS hands the same alert to the function again.
          MessageDeduplicationId: `${message.deduplicationId}-redelivery-${attempt}`,
        }),
      );
    }
    await eventually(
      async () =>
        logs.filter(
          (line) => line.includes('Risk alert handled') && line.includes(`"eventId":"886#${risk.version}"`),
        ).length >= 3
          ? true
          : undefined,
      'the redelivered alerts to be handled',
      60_000,
    );
    const schedule = cloud.wiring().schedules.find((entry) => /AdviserDigestSchedule/.test(entry.id))!;
    await cloud.triggerSchedule(schedule.id);

    const after = await inbox();
    expect(after.map((email) => email.messageId)).toEqual(before.map((email) => email.messageId));
    expect(await queueDepth(alertQueue().name)).toBe(0);
    const dlq = cloud.model.queues.find((queue) => queue.name === alertQueue().deadLetter!.queueName)!;
    expect(await queueDepth(dlq.name)).toBe(0);
  });
});
