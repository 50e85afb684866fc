// Contract: the samples in events/samples and every event the local cloud makes match AWS's documented
// event shapes (Powertools' schemas), and the handlers' own parsing accepts them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APIGatewayProxyEventV2Schema,
  S3Schema,
  SqsRecordSchema,
  SqsSchema,
} from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import { IndicatorsRecomputedV1Schema } from '../../events/indicators-recomputed.ts';
import { ReturnIngestedV1Schema } from '../../events/return-ingested.ts';
import { RiskChangedV1Schema } from '../../events/risk-changed.ts';
import { decodeS3Key, parseS3QueueMessage } from '../../events/s3-notification.ts';
import { buildHttpEvent, matchRoute } from '../../infra/local/http-gateway.ts';
import { s3EventRecord } from '../../infra/local/s3-notifier.ts';
import { toSqsRecord } from '../../infra/local/sqs-poller.ts';
import { parseUploadKey } from '../../shared/domain/upload-key.ts';

const samplesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'events',
  'samples',
);
const sample = (name: string) => JSON.parse(readFileSync(path.join(samplesDir, name), 'utf8'));

describe('event samples', () => {
  it('names each sample after the function that receives it', () => {
    const functions = readdirSync(path.resolve(samplesDir, '..', '..', 'functions'));
    for (const file of readdirSync(samplesDir)) expect(functions).toContain(file.split('.')[0]);
  });

  it('S3 notifications via SQS are valid SQS events whose bodies the ingest function reads', () => {
    const event = SqsSchema.parse(sample('ingest-return.s3-put-via-sqs.json'));
    expect(() => S3Schema.parse(JSON.parse(event.Records[0]!.body))).not.toThrow();
    const message = parseS3QueueMessage(event.Records[0]!.body);
    if (message.kind !== 'objects') throw new Error('expected an object notification');
    const key = decodeS3Key(message.records[0]!.s3.object.key);
    expect(key).toBe('uploads/886/ssda903/2026/SUB-20261123-0001/Episodes (2026).csv');
    expect(parseUploadKey(key).ok).toBe(true);
  });

  it('the S3 test event is recognised and carries no object', () => {
    const event = SqsSchema.parse(sample('ingest-return.s3-test-event-via-sqs.json'));
    expect(parseS3QueueMessage(event.Records[0]!.body)).toEqual({
      kind: 'test',
      bucket: 'upstream-dev-uploads',
    });
  });

  it('rejects a body that is not an S3 notification, saying why', () => {
    expect(() => parseS3QueueMessage('not json')).toThrow(/not JSON/);
    expect(() => parseS3QueueMessage('{"Records":[{"eventSource":"aws:sqs"}]}')).toThrow(
      /not an S3 object-created notification/,
    );
  });

  it('the API samples are valid payload 2.0 events', () => {
    const event = APIGatewayProxyEventV2Schema.parse(sample('submissions-api.get-submission.json'));
    expect(event.pathParameters?.submissionId).toBe('SUB-20261123-0001');
    for (const name of ['get-council', 'get-indicator', 'get-region']) {
      const indicators = APIGatewayProxyEventV2Schema.parse(sample(`indicators-api.${name}.json`));
      expect(indicators.routeKey, name).toMatch(/^GET \/indicators\//);
    }
  });

  it('the recompute sample is an SQS FIFO event carrying a ReturnIngested event', () => {
    const event = SqsSchema.parse(sample('recompute.return-ingested-via-sqs.json'));
    const record = event.Records[0]!;
    const body = ReturnIngestedV1Schema.parse(JSON.parse(record.body));
    expect(record.attributes.MessageGroupId).toBe(body.la);
    expect(record.attributes.MessageDeduplicationId).toBe(body.eventId);
  });

  it('ReturnIngested, IndicatorsRecomputed and RiskChanged carry nothing about individual children', () => {
    const fields = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
    for (const field of [
      ...fields(ReturnIngestedV1Schema),
      ...fields(IndicatorsRecomputedV1Schema),
      ...fields(RiskChangedV1Schema),
    ]) {
      expect(field).not.toMatch(/child|dob|birth|postcode|upn|narrative/i);
    }
  });

  it('RiskChanged refuses fields it does not define, so a narrative cannot ride along', () => {
    const event = {
      type: 'RiskChanged',
      version: 1,
      eventId: '886#2',
      occurredAt: '2026-11-23T10:00:00.000Z',
      la: '886',
      region: 'south-east',
      assessmentVersion: 2,
      modelVersion: 'risk-2025.1',
      asOf: '2026-11-23',
      from: 'green',
      to: 'amber',
      bandChanged: true,
      topDrivers: [],
      newRedDrivers: [],
      cause: { type: 'IntelligenceChanged', eventId: 'INT-886-20261123-0123456789#1' },
    };
    expect(RiskChangedV1Schema.parse(event).to).toBe('amber');
    expect(() => RiskChangedV1Schema.parse({ ...event, narrative: 'text' })).toThrow();
    const inYear = {
      kind: 'inyear',
      text: 'Assessments … fell for 5 months running since April 2025',
      red: true,
    };
    expect(RiskChangedV1Schema.parse({ ...event, topDrivers: [inYear] }).topDrivers).toEqual([inYear]);
  });
});

describe('events made by the local cloud', () => {
  it('S3 event records it sends match the S3 notification schema', () => {
    const record = s3EventRecord({
      eventName: 'ObjectCreated:Put',
      bucket: 'uploads',
      key: 'uploads/886/ssda903/2026/S-00000001/a b.csv',
      size: 10,
      eTag: 'abc',
      sequencer: '01',
      sourceIp: '127.0.0.1',
      configurationId: 'local',
    });
    expect(() => S3Schema.parse({ Records: [record] })).not.toThrow();
  });

  it('SQS records it passes to functions match the SQS record schema', () => {
    const record = toSqsRecord(
      {
        MessageId: 'm1',
        ReceiptHandle: 'r1',
        Body: '{}',
        Attributes: { ApproximateReceiveCount: '2', SentTimestamp: '1', MessageGroupId: 'g' },
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'x' } },
      },
      'queue.fifo',
    );
    expect(() => SqsRecordSchema.parse(record)).not.toThrow();
    expect(record.attributes.MessageGroupId).toBe('g');
  });

  it('HTTP events it builds match the payload 2.0 schema', () => {
    const route = {
      id: 'r',
      apiId: 'Api',
      routeKey: 'GET /submissions/{submissionId}',
      functionName: 'f',
      scopes: [],
    };
    const event = buildHttpEvent({
      api: { id: 'Api', name: 'api' },
      match: matchRoute([route], 'GET', '/submissions/S1')!,
      method: 'GET',
      url: new URL('http://127.0.0.1:3000/submissions/S1'),
      headers: { host: '127.0.0.1:3000' },
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      authorizer: { claims: { 'cognito:groups': '[council:886]' }, scopes: [] },
    });
    expect(() => APIGatewayProxyEventV2Schema.parse(event)).not.toThrow();
  });
});
