// The directory-api and notify handlers on DynamoDB Local and aws-ses-v2-local, driven by the samples in
// events/samples: administrators keep the directory, and AlertQueue batches become emails once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APIGatewayProxyEventV2Schema, SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, type RunningSes, startSesLocal } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import type { ApiEvent, ApiResult } from '../../shared/adapters/http.ts';
import type { FlushOutcome } from '../../shared/use-cases/notify-advisers.ts';
import { withSingleTable } from './helpers/emulators.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sample = <T>(name: string): T =>
  JSON.parse(readFileSync(path.join(root, 'events', 'samples', name), 'utf8')) as T;

const context = {
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:test',
  memoryLimitInMB: '256',
  awsRequestId: 'integration-test',
  logGroupName: '/aws/lambda/test',
  logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 20_000,
} as unknown as Context;

type StoredEmail = { destination: { to: string[] }; subject: string; body: { text?: string } };

describe('directory-api and notify handlers', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let ses: RunningSes;
  let directory: (event: ApiEvent) => Promise<{ statusCode: number; body: Record<string, unknown> }>;
  let notify: (event: unknown) => Promise<unknown>;

  beforeAll(async () => {
    [table, ses] = await Promise.all([withSingleTable('upstream-handlers'), startSesLocal(0)]);
    const endpoint = await table.client.config.endpoint!();
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      FROM_ADDRESS: 'alerts@upstream.example.gov.uk',
      APP_URL: 'https://upstream.example.gov.uk',
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    const directoryApi = await import('../../functions/directory-api/handler.ts');
    const notifyFunction = await import('../../functions/notify/handler.ts');
    directory = async (event) => {
      const result = (await directoryApi.handler(event, context)) as Exclude<ApiResult, string>;
      return { statusCode: result.statusCode!, body: JSON.parse(result.body ?? '{}') };
    };
    notify = (event) => notifyFunction.handler(event as SQSEvent, context);
  });
  afterAll(async () => {
    await Promise.all([table?.stop(), ses?.stop()]);
  });

  const putSample = () =>
    APIGatewayProxyEventV2Schema.parse(sample('directory-api.put-adviser.json')) as ApiEvent;
  const asUser = (event: ApiEvent, groups: string): ApiEvent => ({
    ...event,
    requestContext: {
      ...event.requestContext,
      authorizer: {
        ...event.requestContext.authorizer,
        jwt: { claims: { sub: 'someone', 'cognito:groups': groups }, scopes: [] },
      },
    },
  });
  const put = (adviserId: string, body: unknown, raw?: string): ApiEvent => ({
    ...putSample(),
    pathParameters: { adviserId },
    body: raw ?? JSON.stringify(body),
  });
  const route = (routeKey: string, adviserId?: string): ApiEvent => ({
    ...putSample(),
    routeKey,
    ...(adviserId ? { pathParameters: { adviserId } } : { pathParameters: {} }),
    body: undefined,
  });
  const inbox = async (): Promise<StoredEmail[]> =>
    ((await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: StoredEmail[] }).emails;

  const valid = {
    name: 'Priya Shah',
    email: 'Priya.Shah@Advisers.example.gov.uk',
    region: 'south-east',
    role: 'principal',
  };

  it('lets an administrator create, replace, read, list and deactivate advisers', async () => {
    const created = await directory(putSample());
    expect(created.statusCode).toBe(201);
    expect(created.body).toMatchObject({
      adviserId: 'south-east-improvement-3',
      delivery: 'digest',
      active: true,
    });

    expect((await directory(put('south-east-principal', valid))).statusCode).toBe(201);
    const replaced = await directory(put('south-east-principal', { ...valid, name: 'Priya Shah-Jones' }));
    expect(replaced.statusCode).toBe(200);
    // Defaults, and one mailbox however it is written.
    expect(replaced.body).toMatchObject({
      name: 'Priya Shah-Jones',
      email: 'priya.shah@advisers.example.gov.uk',
      delivery: 'immediate',
      active: true,
      regionName: 'South East',
    });
    await directory(
      put('london-principal', { ...valid, email: 'amara.mensah@advisers.example.gov.uk', region: 'london' }),
    );
    await directory(
      put('south-east-leaver', { ...valid, email: 'leaver@advisers.example.gov.uk', role: 'improvement' }),
    );

    const list = await directory(
      APIGatewayProxyEventV2Schema.parse(sample('directory-api.list-advisers.json')) as ApiEvent,
    );
    expect(list.statusCode).toBe(200);
    expect((list.body.advisers as { adviserId: string }[]).map((a) => a.adviserId)).toEqual([
      'south-east-improvement-3',
      'south-east-leaver',
      'south-east-principal',
    ]);
    const one = await directory(route('GET /directory/advisers/{adviserId}', 'london-principal'));
    expect(one.body).toMatchObject({ region: 'london', role: 'principal' });

    const deactivated = await directory(
      route('POST /directory/advisers/{adviserId}/deactivate', 'south-east-leaver'),
    );
    expect(deactivated).toMatchObject({ statusCode: 200, body: { active: false } });
    expect(
      (await directory(route('GET /directory/advisers/{adviserId}', 'south-east-leaver'))).body.active,
    ).toBe(false);
  });

  it('refuses everyone but administrators', async () => {
    for (const groups of ['[adviser:south-east]', '[council:886]', '[dfe]', '']) {
      for (const event of [
        putSample(),
        route('GET /directory/advisers'),
        route('GET /directory/advisers/{adviserId}', 'x'),
      ]) {
        const result = await directory(asUser(event, groups));
        expect(result.statusCode, `${groups} ${event.routeKey}`).toBe(403);
        expect(result.body.message).toMatch(/Only a national administrator/);
      }
    }
  });

  it('says clearly what is wrong with a bad request, and saves nothing', async () => {
    const cases: [ApiEvent, RegExp][] = [
      [
        put('wessex-1', { ...valid, region: 'wessex' }),
        /The adviser was not saved\. The region must be one of: .*south-east/,
      ],
      [
        put('bad-email', { ...valid, email: 'not an address' }),
        /Give the adviser’s email as a valid address/,
      ],
      [put('bad-role', { ...valid, role: 'boss' }), /The role must be "principal" .* or "improvement"/],
      [
        put('bad-delivery', { ...valid, delivery: 'weekly' }),
        /The delivery must be "immediate" .* or "digest"/,
      ],
      [
        put('extra', { ...valid, phone: '0123' }),
        /Remove "phone": only name, email, region, role, delivery and active/,
      ],
      [put('no-name', { ...valid, name: '  ' }), /Give the adviser’s name\./],
      [put('Not An Id', valid), /the adviserId in it can only have letters, digits, .* \(no spaces\)/],
      [put('Not_an_id', valid), /cannot be an adviser id: use lower-case letters, digits and hyphens/],
      [put('bad-json', undefined, '{"name": '), /not valid JSON/],
      [put('array', []), /Send the adviser as a JSON object/],
      [route('GET /directory/advisers/{adviserId}', 'nobody-here'), /There is no adviser "nobody-here"/],
    ];
    for (const [event, message] of cases) {
      const result = await directory(event);
      expect([400, 404], event.pathParameters?.adviserId).toContain(result.statusCode);
      expect(result.body.message, event.pathParameters?.adviserId).toMatch(message);
    }
    const listed = await directory(route('GET /directory/advisers'));
    const ids = (listed.body.advisers as { adviserId: string }[]).map((a) => a.adviserId);
    expect(
      ids.filter((id) => ['wessex-1', 'bad-email', 'bad-role', 'extra', 'no-name'].includes(id)),
    ).toEqual([]);
    const unknownRegion = await directory({
      ...route('GET /directory/advisers'),
      queryStringParameters: { region: 'mars' },
    });
    expect(unknownRegion.statusCode).toBe(400);
  });

  it('notify emails the region’s immediate advisers once, acknowledges IndicatorsRecomputed and fails a poison message alone', async () => {
    const alert = SqsSchema.parse(sample('notify.risk-changed-via-sqs.json')) as unknown as SQSEvent;
    const [record] = alert.Records;
    const indicators = {
      ...record!,
      messageId: 'indicators-1',
      attributes: { ...record!.attributes, MessageGroupId: 'north-west' },
      body: JSON.stringify({
        type: 'IndicatorsRecomputed',
        version: 1,
        eventId: 'SUB-20261123-0001',
        occurredAt: '2026-11-23T10:20:59.000Z',
        la: '888',
        region: 'north-west',
        returnType: 'ssda903',
        collectionYear: 2026,
        submissionId: 'SUB-20261123-0001',
        baselineVersion: 'b1',
        periods: [2026],
        indicators: [],
        skipped: [],
      }),
    };
    const poison = {
      ...record!,
      messageId: 'poison-1',
      attributes: { ...record!.attributes, MessageGroupId: 'london' },
      body: '{"type":"RiskChanged","version":1,"la":"886"}',
    };
    const batch = { Records: [record!, indicators, poison] };

    const first = (await notify(batch)) as SQSBatchResponse;
    const redelivered = (await notify(batch)) as SQSBatchResponse;

    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'poison-1' }]);
    expect(redelivered.batchItemFailures).toEqual([{ itemIdentifier: 'poison-1' }]);
    const emails = await inbox();
    // The principal is the one active immediate adviser of the South East; the leaver is inactive and the
    // improvement adviser asked for a digest.
    expect(emails.map((email) => [email.destination.to, email.subject])).toEqual([
      [['priya.shah@advisers.example.gov.uk'], 'Risk alert: Kent moved from Amber to Red'],
    ]);
    expect(emails[0]!.body.text).toContain('Council page: https://upstream.example.gov.uk/councils/886');
  });

  it('notify flushes held alerts on the schedule’s event, once', async () => {
    const first = (await notify(sample('notify.flush-digests-schedule.json'))) as FlushOutcome;
    const second = (await notify(sample('notify.flush-digests-schedule.json'))) as FlushOutcome;

    expect(first.sent).toHaveLength(1);
    expect(second.sent).toEqual([]);
    const digests = (await inbox()).filter((email) =>
      email.destination.to.includes('sam.patel@advisers.example.gov.uk'),
    );
    expect(digests.map((email) => email.subject)).toEqual(['Risk alert: Kent moved from Amber to Red']);
    await expect(notify({ source: 'aws.events' })).rejects.toThrow(
      /takes SQS batches from AlertQueue or the FlushAdviserDigests/,
    );
  });
});
