// The intelligence store on DynamoDB Local, and the intelligence API handler on DynamoDB Local and a
// FIFO queue in fauxqs, driven by the samples in events/samples.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IntelligenceChangedV1,
  IntelligenceChangedV1Schema,
} from '../../events/intelligence-changed.ts';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { DynamoIntelligenceStore } from '../../shared/adapters/dynamo-intelligence-store.ts';
import type { ApiEvent, ApiResult } from '../../shared/adapters/http.ts';
import type { AuditEntry, IntelligenceItem } from '../../shared/domain/intelligence.ts';
import type { IntelligenceChange } from '../../shared/ports/intelligence.ts';
import { withFauxqs, withSingleTable } from './helpers/emulators.ts';

const ITEM = 'INT-886-20261123-0000000001';
const AT = '2026-11-23T10:00:00.000Z';
const NARRATIVE = 'The DCS told me in confidence that two team managers in the front door have resigned.';

const item = (overrides: Partial<IntelligenceItem> = {}): IntelligenceItem => ({
  itemId: ITEM,
  la: '886',
  category: 'workforce-pressure',
  severity: 'high',
  confidence: 'medium',
  source: 'Call with the DCS',
  observedOn: '2026-11-20',
  narrative: NARRATIVE,
  expiresOn: '2027-05-20',
  expiryDefaulted: true,
  status: 'active',
  createdBy: 'adviser-se',
  createdAt: AT,
  updatedBy: 'adviser-se',
  updatedAt: AT,
  version: 1,
  ...overrides,
});

function change(next: IntelligenceItem, expectedVersion?: number, at = next.updatedAt): IntelligenceChange {
  const kind = next.version === 1 ? 'created' : next.status === 'withdrawn' ? 'withdrawn' : 'amended';
  const audit: AuditEntry = {
    itemId: next.itemId,
    version: next.version,
    action: kind,
    at,
    by: next.updatedBy,
    changes: [{ field: 'severity', from: null, to: next.severity }],
  };
  const event: IntelligenceChangedV1 = {
    type: 'IntelligenceChanged',
    version: 1,
    eventId: `${next.itemId}#${next.version}`,
    occurredAt: at,
    la: next.la,
    itemId: next.itemId,
    itemVersion: next.version,
    change: kind,
  };
  return { item: next, audit, event, ...(expectedVersion === undefined ? {} : { expectedVersion }) };
}

describe('intelligence store on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let store: DynamoIntelligenceStore;
  beforeAll(async () => {
    table = await withSingleTable();
    store = new DynamoIntelligenceStore(table.documents, table.tableName);
  });
  afterAll(() => table?.stop());

  it('creates an item once, with its audit entry and its unsent event', async () => {
    expect(await store.saveChange(change(item()))).toBe('saved');
    expect(await store.saveChange(change(item({ severity: 'low' })))).toBe('conflict');
    const found = await store.getWithAudit(ITEM);
    expect(found?.item).toEqual(item());
    expect(found?.audit.map((entry) => [entry.version, entry.action, entry.by])).toEqual([
      [1, 'created', 'adviser-se'],
    ]);
    expect((await store.unsentChanges(10)).map((event) => event.eventId)).toEqual([`${ITEM}#1`]);
  });

  it('amends only from the version read, writing nothing at all on a conflict', async () => {
    const amended = item({
      severity: 'critical',
      version: 2,
      updatedBy: 'adviser-se-2',
      updatedAt: '2026-11-23T11:00:00.000Z',
    });
    expect(await store.saveChange(change(amended, 1))).toBe('saved');
    const stale = item({
      severity: 'low',
      version: 2,
      updatedBy: 'adviser-se-3',
      updatedAt: '2026-11-23T11:05:00.000Z',
    });
    expect(await store.saveChange(change(stale, 1))).toBe('conflict');
    const found = await store.getWithAudit(ITEM);
    expect(found?.item).toMatchObject({ severity: 'critical', version: 2, updatedBy: 'adviser-se-2' });
    expect(found?.audit.map((entry) => [entry.version, entry.by])).toEqual([
      [1, 'adviser-se'],
      [2, 'adviser-se-2'],
    ]);
    expect((await store.unsentChanges(10)).map((event) => event.eventId)).toEqual([`${ITEM}#1`, `${ITEM}#2`]);
  });

  it('lets exactly one of several concurrent amendments from the same version through', async () => {
    const attempts = await Promise.allSettled(
      ['low', 'medium', 'high', 'critical'].map((severity, index) =>
        store.saveChange(
          change(
            item({
              severity: severity as IntelligenceItem['severity'],
              version: 3,
              updatedBy: `racer-${index}`,
              updatedAt: `2026-11-23T12:00:0${index}.000Z`,
            }),
            2,
          ),
        ),
      ),
    );
    const saved = attempts.filter((attempt) => attempt.status === 'fulfilled' && attempt.value === 'saved');
    expect(saved).toHaveLength(1);
    const found = await store.getWithAudit(ITEM);
    expect(found?.item.version).toBe(3);
    expect(found?.audit).toHaveLength(3);
    expect(found?.audit[2]?.by).toBe(found?.item.updatedBy);
  });

  it('never overwrites an audit entry', async () => {
    // An item written behind the store's back, at a version whose audit entry already exists.
    const current = (await store.getItem(ITEM))!;
    const forged = change(item({ ...current, version: 3, severity: 'low', updatedBy: 'forger' }), 3);
    await expect(store.saveChange(forged)).rejects.toThrow();
    const found = await store.getWithAudit(ITEM);
    expect(found?.item.updatedBy).not.toBe('forger');
    expect(found?.audit.map((entry) => entry.by)).not.toContain('forger');
  });

  it('lists a council’s and a region’s items, leaving out withdrawn ones unless asked', async () => {
    const current = (await store.getItem(ITEM))!;
    const withdrawn = item({
      ...current,
      status: 'withdrawn',
      version: 4,
      withdrawal: { reason: 'Resolved', by: 'adviser-se', at: '2026-11-23T13:00:00.000Z' },
      updatedAt: '2026-11-23T13:00:00.000Z',
    });
    expect(await store.saveChange(change(withdrawn, 3))).toBe('saved');
    const surrey = item({ itemId: 'INT-936-20261123-0000000002', la: '936', observedOn: '2026-10-01' });
    const barnet = item({ itemId: 'INT-302-20261123-0000000003', la: '302' });
    for (const next of [surrey, barnet]) expect(await store.saveChange(change(next))).toBe('saved');

    expect(await store.listForCouncil('886', { includeWithdrawn: false })).toEqual([]);
    expect(await store.listForCouncil('886', { includeWithdrawn: true })).toEqual([withdrawn]);
    expect(await store.listForCouncil('936', { includeWithdrawn: false })).toEqual([surrey]);
    const region = await store.listForRegion('south-east', { includeWithdrawn: true });
    expect(region.map((entry) => entry.itemId).sort()).toEqual([ITEM, surrey.itemId].sort());
    expect(
      (await store.listForRegion('london', { includeWithdrawn: false })).map((entry) => entry.la),
    ).toEqual(['302']);
    expect((await store.getItem(ITEM))?.withdrawal).toEqual(withdrawn.withdrawal);
  });

  it('moves an item within its region’s index when its date changes', async () => {
    const surrey = (await store.getItem('INT-936-20261123-0000000002'))!;
    const moved = item({ ...surrey, observedOn: '2026-11-01', version: 2 });
    expect(await store.saveChange(change(moved, 1))).toBe('saved');
    const region = await store.listForRegion('south-east', { includeWithdrawn: true });
    expect(region.filter((entry) => entry.itemId === surrey.itemId)).toEqual([moved]);
  });

  it('gives the risk engine the counting items of one council, without narratives', async () => {
    const signals = await store.activeSignals('936', '2026-11-23');
    expect(signals).toEqual([
      {
        itemId: 'INT-936-20261123-0000000002',
        la: '936',
        category: 'workforce-pressure',
        severity: 'high',
        confidence: 'medium',
        observedOn: '2026-11-01',
        expiresOn: '2027-05-20',
        label: 'Workforce pressure (high severity, medium confidence)',
      },
    ]);
    expect(await store.activeSignals('936', '2027-05-21')).toEqual([]);
    expect(await store.activeSignals('936', '2026-10-31')).toEqual([]);
    expect(await store.activeSignals('886', '2026-11-23')).toEqual([]);
    expect(JSON.stringify(signals)).not.toContain('DCS');
  });

  it('keeps unsent events oldest first until each is marked sent', async () => {
    const unsent = await store.unsentChanges(100);
    expect(unsent.map((event) => event.occurredAt)).toEqual(
      [...unsent.map((event) => event.occurredAt)].sort(),
    );
    expect(unsent.every((event) => IntelligenceChangedV1Schema.safeParse(event).success)).toBe(true);
    expect(unsent.map((event) => event.eventId)).toContain(`${ITEM}#4`);
    for (const event of unsent) await store.markChangeSent(event);
    expect(await store.unsentChanges(100)).toEqual([]);
  });

  it('finds nothing for an id that names no item', async () => {
    expect(await store.getItem('INT-886-20261123-FFFFFFFFFF')).toBeUndefined();
    expect(await store.getWithAudit('not-an-item')).toBeUndefined();
  });
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sample = (name: string): ApiEvent =>
  JSON.parse(readFileSync(path.join(root, 'events', 'samples', `intelligence-api.${name}.json`), 'utf8'));

/** The address the helper's client talks to: the emulator the handler must use too. */
async function endpointOf(client: DynamoDBClient): Promise<string> {
  const endpoint = await client.config.endpoint!();
  return `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`;
}

type Received = { body: IntelligenceChangedV1; groupId?: string; dedupId?: string };

const context = {
  functionName: 'intelligence-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:intelligence-api',
  memoryLimitInMB: '256',
  awsRequestId: 'integration-test',
  logGroupName: '/aws/lambda/intelligence-api',
  logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

describe('intelligence API handler on DynamoDB Local and a FIFO queue', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  let queueUrl: string;
  let invoke: (event: ApiEvent) => Promise<{ statusCode: number; body: Record<string, unknown> }>;

  beforeAll(async () => {
    [table, fauxqs] = await Promise.all([withSingleTable('upstream-api'), withFauxqs()]);
    queueUrl = (
      await fauxqs.sqs.send(
        new CreateQueueCommand({ QueueName: 'recompute.fifo', Attributes: { FifoQueue: 'true' } }),
      )
    ).QueueUrl!;
    // The handler reads its environment and builds its clients as a deployed function does.
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      RECOMPUTE_QUEUE_URL: queueUrl,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: await endpointOf(table.client),
      AWS_ENDPOINT_URL_SQS: fauxqs.server.endpoint,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    const { handler } = await import('../../functions/intelligence-api/handler.ts');
    invoke = async (event) => {
      const result = (await handler(event, context)) as Exclude<ApiResult, string>;
      return { statusCode: result.statusCode!, body: JSON.parse(result.body ?? '{}') };
    };
  });
  afterAll(async () => {
    await Promise.all([table?.stop(), fauxqs?.stop()]);
  });

  /** Reads the queue as the recompute consumer would: a FIFO group gives its next message once the last is deleted. */
  async function drain(count: number, waitMs = 15_000): Promise<Received[]> {
    const messages: Received[] = [];
    const deadline = Date.now() + waitMs;
    while (messages.length < count && Date.now() < deadline) {
      const result = await fauxqs.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['MessageGroupId', 'MessageDeduplicationId'],
        }),
      );
      for (const message of result.Messages ?? []) {
        messages.push({
          body: IntelligenceChangedV1Schema.parse(JSON.parse(message.Body!)),
          groupId: message.Attributes?.MessageGroupId,
          dedupId: message.Attributes?.MessageDeduplicationId,
        });
        await fauxqs.sqs.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }),
        );
      }
    }
    return messages;
  }

  const withItem = (event: ApiEvent, itemId: string): ApiEvent => ({
    ...event,
    rawPath: event.rawPath.replace(/INT-[0-9A-Z-]+/, itemId),
    pathParameters: { itemId },
  });

  const asGroups = (event: ApiEvent, groups: string): ApiEvent => {
    const copy = structuredClone(event);
    copy.requestContext.authorizer.jwt.claims['cognito:groups'] = groups;
    return copy;
  };

  it('records, reads, amends, lists and withdraws an item, queueing one recompute per change', async () => {
    const created = await invoke(sample('create-item'));
    expect(created.statusCode).toBe(201);
    const itemId = (created.body.item as IntelligenceItem).itemId;
    expect(itemId).toMatch(/^INT-886-\d{8}-[0-9A-F]{10}$/);
    expect(created.body.recompute).toBe('queued');

    const read = await invoke(withItem(sample('get-item'), itemId));
    expect(read.statusCode).toBe(200);
    expect((read.body.item as IntelligenceItem).narrative).toMatch(/team managers/);
    expect(read.body.audit).toHaveLength(1);

    const amended = await invoke(withItem(sample('amend-item'), itemId));
    expect(amended.statusCode).toBe(200);
    expect(amended.body.item).toMatchObject({ severity: 'critical', confidence: 'high', version: 2 });
    const again = await invoke(withItem(sample('amend-item'), itemId));
    expect(again.body.message).toMatch(/Nothing to change/);

    const listed = await invoke(sample('list-council'));
    expect(listed.body).toMatchObject({ la: '886', count: 1 });

    const withdrawn = await invoke(withItem(sample('withdraw-item'), itemId));
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.body.item).toMatchObject({ status: 'withdrawn', version: 3 });

    const messages = await drain(3);
    expect(messages.map((message) => [message.body.change, message.groupId, message.dedupId])).toEqual([
      ['created', '886', `${itemId}#1`],
      ['amended', '886', `${itemId}#2`],
      ['withdrawn', '886', `${itemId}#3`],
    ]);
    expect(JSON.stringify(messages)).not.toMatch(/team managers|Call with the DCS/);
    // The repeated amendment changed nothing, so it queued nothing.
    expect(await drain(1, 2_000)).toEqual([]);
  });

  it('refuses councils and DfE, and answers a body that is not JSON', async () => {
    for (const groups of ['[council:886]', '[dfe]']) {
      const refused = await invoke(asGroups(sample('list-council'), groups));
      expect(refused.statusCode, groups).toBe(403);
      expect(JSON.stringify(refused.body)).not.toMatch(/team managers/);
    }
    const broken = await invoke({ ...sample('create-item'), body: '{"la": "886",' });
    expect(broken).toEqual({ statusCode: 400, body: { message: 'The request body is not valid JSON.' } });
  });

  it('answers a 409 for a stale version through the API', async () => {
    const created = await invoke(sample('create-item'));
    const itemId = (created.body.item as IntelligenceItem).itemId;
    expect((await invoke(withItem(sample('amend-item'), itemId))).statusCode).toBe(200);
    const stale = withItem(sample('amend-item'), itemId);
    stale.body = JSON.stringify({ version: 1, severity: 'low' });
    const result = await invoke(stale);
    expect(result.statusCode).toBe(409);
    expect(result.body.message).toMatch(/now version 2 \(you sent version 1\)/);
  });
});
