import { describe, expect, it } from 'vitest';
import {
  dynamoPermissions,
  fauxqsService,
  type RequestFacts,
  s3Permissions,
  sesPermissions,
  sqsPermissions,
} from '../../../infra/local/aws-requests.ts';

const place = { region: 'eu-west-2', account: '000000000000' };
const facts = (partial: Partial<RequestFacts>): RequestFacts => ({
  method: 'POST',
  rawPath: '/',
  rawQuery: '',
  headers: {},
  body: Buffer.alloc(0),
  ...partial,
});
const table = 'arn:aws:dynamodb:eu-west-2:000000000000:table/upstream';
const partitionKeyOf = (_table: string, index?: string) => (index === 'gsi1' ? 'gsi1pk' : 'pk');
const dynamo = (operation: string, input: unknown) =>
  dynamoPermissions(
    facts({
      headers: { 'x-amz-target': `DynamoDB_20120810.${operation}` },
      body: Buffer.from(JSON.stringify(input)),
    }),
    place,
    partitionKeyOf,
  );

describe('what a request asks IAM for', () => {
  it('S3: object and bucket actions, with the listing prefix and write conditions as condition keys', () => {
    expect(
      s3Permissions(facts({ method: 'GET', rawPath: '/data/curated/886/cin/2024/S/CINdetails.csv' })),
    ).toEqual([
      { action: 's3:GetObject', resources: ['arn:aws:s3:::data/curated/886/cin/2024/S/CINdetails.csv'] },
    ]);
    expect(
      s3Permissions(facts({ method: 'GET', rawPath: '/uploads', rawQuery: 'list-type=2&prefix=reports%2F' })),
    ).toEqual([
      { action: 's3:ListBucket', resources: ['arn:aws:s3:::uploads'], context: { 's3:prefix': 'reports/' } },
    ]);
    expect(
      s3Permissions(
        facts({
          method: 'PUT',
          rawPath: '/uploads/uploads/886/a%20b.csv',
          headers: { 'if-none-match': '*' },
        }),
      ),
    ).toEqual([
      {
        action: 's3:PutObject',
        resources: ['arn:aws:s3:::uploads/uploads/886/a b.csv'],
        context: { 's3:if-none-match': '*' },
      },
    ]);
    expect(
      s3Permissions(facts({ method: 'DELETE', rawPath: '/uploads/k', rawQuery: 'uploadId=1' }))[0]?.action,
    ).toBe('s3:AbortMultipartUpload');
    expect(s3Permissions(facts({ method: 'GET', rawPath: '/' }))[0]?.action).toBe('s3:ListAllMyBuckets');
  });

  it('tells S3 from SQS on fauxqs’s one port, whatever content type an S3 upload carries', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(
      fauxqsService(facts({ method: 'PUT', rawPath: '/uploads/k', headers: form, body: Buffer.from('x') })),
    ).toBe('s3');
    expect(fauxqsService(facts({ headers: form, body: Buffer.from('Action=SendMessage&QueueUrl=q') }))).toBe(
      'sqs',
    );
    expect(fauxqsService(facts({ headers: { 'x-amz-target': 'AmazonSQS.ReceiveMessage' } }))).toBe('sqs');
    expect(fauxqsService(facts({ method: 'GET', rawPath: '/_fauxqs/queues' }))).toBe('not-aws');
  });

  it('SQS: the queue ARN from the queue URL, batch calls as their single action', () => {
    const body = Buffer.from(
      JSON.stringify({ QueueUrl: 'http://sqs.eu-west-2.localhost:3002/000000000000/Recompute.fifo' }),
    );
    expect(
      sqsPermissions(facts({ headers: { 'x-amz-target': 'AmazonSQS.SendMessageBatch' }, body }), place),
    ).toEqual([
      { action: 'sqs:SendMessage', resources: ['arn:aws:sqs:eu-west-2:000000000000:Recompute.fifo'] },
    ]);
  });

  it('DynamoDB: dynamodb:LeadingKeys from keys, items, key conditions and each transaction item', () => {
    expect(
      dynamo('GetItem', { TableName: 'upstream', Key: { pk: { S: 'SUBMISSION#1' }, sk: { S: 'META' } } }),
    ).toEqual([
      {
        action: 'dynamodb:GetItem',
        resources: [table],
        context: { 'dynamodb:LeadingKeys': ['SUBMISSION#1'] },
      },
    ]);
    expect(
      dynamo('Query', {
        TableName: 'upstream',
        IndexName: 'gsi1',
        KeyConditionExpression: '#p = :p AND begins_with(gsi1sk, :s)',
        ExpressionAttributeNames: { '#p': 'gsi1pk' },
        ExpressionAttributeValues: { ':p': { S: 'LA#886' }, ':s': { S: 'SUB' } },
      }),
    ).toEqual([
      {
        action: 'dynamodb:Query',
        resources: [`${table}/index/gsi1`],
        context: { 'dynamodb:LeadingKeys': ['LA#886'] },
      },
    ]);
    expect(
      dynamo('TransactWriteItems', {
        TransactItems: [
          { Put: { TableName: 'upstream', Item: { pk: { S: 'A' } } } },
          { ConditionCheck: { TableName: 'upstream', Key: { pk: { S: 'B' } } } },
        ],
      }).map(({ action, context }) => [action, context]),
    ).toEqual([
      ['dynamodb:PutItem', { 'dynamodb:LeadingKeys': ['A'] }],
      ['dynamodb:ConditionCheckItem', { 'dynamodb:LeadingKeys': ['B'] }],
    ]);
  });

  it('SES v2: SendEmail on the sender’s identity and configuration set, with ses:FromAddress; the inbox is not AWS', () => {
    const body = Buffer.from(
      JSON.stringify({
        FromEmailAddress: 'Upstream alerts <alerts@upstream.example>',
        ConfigurationSetName: 'upstream',
        Destination: { ToAddresses: ['a@example.org'] },
      }),
    );
    const identity = (name: string) => `arn:aws:ses:eu-west-2:000000000000:identity/${name}`;
    expect(sesPermissions(facts({ rawPath: '/v2/email/outbound-emails', body }), place)).toEqual([
      {
        action: 'ses:SendEmail',
        resources: [identity('alerts@upstream.example'), identity('upstream.example')],
        context: {
          'ses:FromAddress': 'alerts@upstream.example',
          'ses:Recipients': ['a@example.org'],
          'ses:ApiVersion': '2',
        },
      },
      {
        action: 'ses:SendEmail',
        resources: ['arn:aws:ses:eu-west-2:000000000000:configuration-set/upstream'],
        context: expect.objectContaining({ 'ses:FromAddress': 'alerts@upstream.example' }),
      },
    ]);
    expect(sesPermissions(facts({ method: 'GET', rawPath: '/store' }), place)).toBe('not-aws');
  });
});
