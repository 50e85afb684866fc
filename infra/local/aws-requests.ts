// Local cloud: what an S3, SQS, DynamoDB or SES v2 request asks IAM for: its actions, the resources they
// act on and the condition keys IAM sees, as in the services' authorization references.
import type { RequestContext } from './iam-policy.ts';
import { parseRawQuery } from './sigv4.ts';

/** One permission a request needs; with several resources, any one of them granting it is enough. */
export interface RequiredPermission {
  readonly action: string;
  readonly resources: readonly string[];
  readonly context?: RequestContext;
}

export interface RequestFacts {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface Place {
  readonly region: string;
  readonly account: string;
}

const headerOf = (facts: RequestFacts, name: string) => {
  const value = facts.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

const decodeSegment = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** fauxqs serves S3 and SQS on one port: which service a request is for, or its own inspection pages. */
export function fauxqsService(facts: RequestFacts): 's3' | 'sqs' | 'not-aws' {
  if (facts.rawPath.startsWith('/_fauxqs') || facts.rawPath === '/health') return 'not-aws';
  const target = headerOf(facts, 'x-amz-target');
  if (target?.startsWith('AmazonSQS.')) return 'sqs';
  // SQS's older query protocol: a form POST with an Action; any other request here is S3's.
  const form = (headerOf(facts, 'content-type') ?? '').includes('x-www-form-urlencoded');
  if (facts.method === 'POST' && form && /(^|&)Action=/.test(facts.body.toString('utf8'))) return 'sqs';
  return 's3';
}

/** S3 (path-style addresses). */
export function s3Permissions(facts: RequestFacts): RequiredPermission[] {
  const [bucketSegment = '', ...keySegments] = facts.rawPath.replace(/^\//, '').split('/');
  const bucket = decodeSegment(bucketSegment);
  const key = keySegments.map(decodeSegment).join('/');
  const query = new Map(parseRawQuery(facts.rawQuery));
  const method = facts.method.toUpperCase();
  const bucketArn = `arn:aws:s3:::${bucket}`;
  const one = (action: string, resource: string, context?: RequestContext): RequiredPermission[] => [
    { action, resources: [resource], ...(context ? { context } : {}) },
  ];
  if (!bucket) return one('s3:ListAllMyBuckets', '*');
  if (!key) {
    if (method === 'GET' || method === 'HEAD') {
      if (query.has('location')) return one('s3:GetBucketLocation', bucketArn);
      if (query.has('versions')) return one('s3:ListBucketVersions', bucketArn);
      if (query.has('uploads')) return one('s3:ListBucketMultipartUploads', bucketArn);
      if (query.has('notification')) return one('s3:GetBucketNotification', bucketArn);
      const context: Record<string, string> = {};
      for (const name of ['prefix', 'delimiter', 'max-keys'])
        if (query.has(name)) context[`s3:${name}`] = query.get(name)!;
      return one('s3:ListBucket', bucketArn, context);
    }
    if (method === 'PUT') {
      if (query.has('notification')) return one('s3:PutBucketNotification', bucketArn);
      if (query.has('cors')) return one('s3:PutBucketCORS', bucketArn);
      if (query.has('versioning')) return one('s3:PutBucketVersioning', bucketArn);
      if (query.has('policy')) return one('s3:PutBucketPolicy', bucketArn);
      return one('s3:CreateBucket', bucketArn);
    }
    if (method === 'POST' && query.has('delete')) return one('s3:DeleteObject', `${bucketArn}/*`);
    if (method === 'DELETE') return one('s3:DeleteBucket', bucketArn);
    return one(`s3:${method}Bucket`, bucketArn);
  }
  const objectArn = `${bucketArn}/${key}`;
  if (method === 'GET' || method === 'HEAD') {
    if (query.has('uploadId')) return one('s3:ListMultipartUploadParts', objectArn);
    if (query.has('tagging')) return one('s3:GetObjectTagging', objectArn);
    if (query.has('acl')) return one('s3:GetObjectAcl', objectArn);
    return one(query.has('versionId') ? 's3:GetObjectVersion' : 's3:GetObject', objectArn);
  }
  if (method === 'PUT' || method === 'POST') {
    if (query.has('tagging')) return one('s3:PutObjectTagging', objectArn);
    if (query.has('acl')) return one('s3:PutObjectAcl', objectArn);
    const context: Record<string, string> = {};
    for (const name of ['if-none-match', 'if-match', 'x-amz-server-side-encryption', 'x-amz-acl']) {
      const value = headerOf(facts, name);
      if (value !== undefined) context[`s3:${name}`] = value;
    }
    const put = one('s3:PutObject', objectArn, context);
    const copySource = headerOf(facts, 'x-amz-copy-source');
    if (method === 'PUT' && copySource) {
      const source = decodeSegment(copySource).replace(/^\//, '').split('?')[0]!;
      return [...put, { action: 's3:GetObject', resources: [`arn:aws:s3:::${source}`] }];
    }
    return put;
  }
  if (method === 'DELETE') {
    if (query.has('uploadId')) return one('s3:AbortMultipartUpload', objectArn);
    return one(query.has('versionId') ? 's3:DeleteObjectVersion' : 's3:DeleteObject', objectArn);
  }
  return one(`s3:${method}Object`, objectArn);
}

const BATCH_ACTIONS: Record<string, string> = {
  SendMessageBatch: 'SendMessage',
  DeleteMessageBatch: 'DeleteMessage',
  ChangeMessageVisibilityBatch: 'ChangeMessageVisibility',
};

/** SQS, JSON protocol (X-Amz-Target: AmazonSQS.<Action>) or the older query protocol (Action=…). */
export function sqsPermissions(facts: RequestFacts, place: Place): RequiredPermission[] {
  const target = headerOf(facts, 'x-amz-target');
  let operation: string | undefined;
  let input: Record<string, unknown> = {};
  if (target?.startsWith('AmazonSQS.')) {
    operation = target.slice('AmazonSQS.'.length);
    try {
      input = JSON.parse(facts.body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      input = {};
    }
  } else {
    input = Object.fromEntries(parseRawQuery(facts.body.toString('utf8').replace(/\+/g, '%20')));
    operation = String(input.Action ?? '');
  }
  const queueName =
    typeof input.QueueUrl === 'string'
      ? input.QueueUrl.split('/').at(-1)
      : typeof input.QueueName === 'string'
        ? input.QueueName
        : undefined;
  const action = `sqs:${BATCH_ACTIONS[operation] ?? operation}`;
  const resource = queueName ? `arn:aws:sqs:${place.region}:${place.account}:${queueName}` : '*';
  return [{ action, resources: [resource] }];
}

type AttributeValue = { S?: string; N?: string; B?: string };
type Item = Record<string, AttributeValue>;

/** Where a table's and its indexes' partition keys are: the attribute names, by table and index. */
export type PartitionKeyOf = (table: string, index?: string) => string | undefined;

const scalar = (value: AttributeValue | undefined) => value?.S ?? value?.N ?? value?.B;

/** DynamoDB, with dynamodb:LeadingKeys (the partition key values the request touches). */
export function dynamoPermissions(
  facts: RequestFacts,
  place: Place,
  partitionKeyOf: PartitionKeyOf,
): RequiredPermission[] {
  const operation = (headerOf(facts, 'x-amz-target') ?? '').replace(/^DynamoDB_\d+\./, '');
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(facts.body.toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    input = {};
  }
  const tableArn = (table: string, index?: string) =>
    `arn:aws:dynamodb:${place.region}:${place.account}:table/${table}${index ? `/index/${index}` : ''}`;
  const leading = (table: string, items: readonly (Item | undefined)[], index?: string) => {
    const name = partitionKeyOf(table, index);
    const keys = name ? items.map((item) => scalar(item?.[name])).filter((key): key is string => !!key) : [];
    return { 'dynamodb:LeadingKeys': [...new Set(keys)] };
  };
  const permission = (action: string, table: string, items: (Item | undefined)[], index?: string) => ({
    action: `dynamodb:${action}`,
    resources: [tableArn(table, index)],
    context: leading(table, items, index),
  });
  const table = String(input.TableName ?? '');
  switch (operation) {
    case 'GetItem':
    case 'DeleteItem':
    case 'UpdateItem':
      return [permission(operation, table, [input.Key as Item])];
    case 'PutItem':
      return [permission(operation, table, [input.Item as Item])];
    case 'Query': {
      const index = typeof input.IndexName === 'string' ? input.IndexName : undefined;
      const name = partitionKeyOf(table, index);
      const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
      const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
      const keys: string[] = [];
      for (const match of String(input.KeyConditionExpression ?? '').matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
        const attribute = match[1]!.startsWith('#') ? names[match[1]!] : match[1];
        const value = scalar(values[match[2]!]);
        if (attribute === name && value) keys.push(value);
      }
      return [
        {
          action: 'dynamodb:Query',
          resources: [tableArn(table, index)],
          context: { 'dynamodb:LeadingKeys': keys },
        },
      ];
    }
    case 'Scan': {
      const index = typeof input.IndexName === 'string' ? input.IndexName : undefined;
      return [{ action: 'dynamodb:Scan', resources: [tableArn(table, index)] }];
    }
    case 'BatchGetItem':
      return Object.entries((input.RequestItems ?? {}) as Record<string, { Keys?: Item[] }>).map(
        ([name, request]) => permission('BatchGetItem', name, request.Keys ?? []),
      );
    case 'BatchWriteItem':
      return Object.entries(
        (input.RequestItems ?? {}) as Record<
          string,
          { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]
        >,
      ).map(([name, requests]) =>
        permission(
          'BatchWriteItem',
          name,
          requests.map((request) => request.PutRequest?.Item ?? request.DeleteRequest?.Key),
        ),
      );
    case 'TransactWriteItems':
      return (
        (input.TransactItems ?? []) as {
          Put?: { TableName: string; Item: Item };
          Update?: { TableName: string; Key: Item };
          Delete?: { TableName: string; Key: Item };
          ConditionCheck?: { TableName: string; Key: Item };
        }[]
      ).map((entry) => {
        if (entry.Put) return permission('PutItem', entry.Put.TableName, [entry.Put.Item]);
        if (entry.Update) return permission('UpdateItem', entry.Update.TableName, [entry.Update.Key]);
        if (entry.Delete) return permission('DeleteItem', entry.Delete.TableName, [entry.Delete.Key]);
        const check = entry.ConditionCheck!;
        return permission('ConditionCheckItem', check.TableName, [check.Key]);
      });
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as { Get: { TableName: string; Key: Item } }[]).map((entry) =>
        permission('GetItem', entry.Get.TableName, [entry.Get.Key]),
      );
    case 'ListTables':
      return [{ action: 'dynamodb:ListTables', resources: ['*'] }];
    default:
      return [{ action: `dynamodb:${operation}`, resources: [tableArn(table)] }];
  }
}

/** The address inside "Name <address>", lower-cased as SES compares it. */
function emailAddressOf(value: string): string {
  return (/<([^>]+)>/.exec(value)?.[1] ?? value).trim();
}

/**
 * SES v2. Sending is authorised on the sending identity (the address, or its domain when that is the
 * verified identity: locally either may grant it) and on the configuration set, if one is named.
 * Other paths of the local SES (its web inbox, GET /store) are not part of the AWS API.
 */
export function sesPermissions(facts: RequestFacts, place: Place): RequiredPermission[] | 'not-aws' {
  if (!facts.rawPath.startsWith('/v2/')) return 'not-aws';
  const arn = (resource: string) => `arn:aws:ses:${place.region}:${place.account}:${resource}`;
  if (facts.method === 'POST' && /^\/v2\/email\/outbound-(bulk-)?emails\/?$/.test(facts.rawPath)) {
    let input: {
      FromEmailAddress?: string;
      ConfigurationSetName?: string;
      Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
    };
    try {
      input = JSON.parse(facts.body.toString('utf8') || '{}');
    } catch {
      input = {};
    }
    const from = emailAddressOf(input.FromEmailAddress ?? '');
    const domain = from.slice(from.lastIndexOf('@') + 1);
    const recipients = [
      ...(input.Destination?.ToAddresses ?? []),
      ...(input.Destination?.CcAddresses ?? []),
      ...(input.Destination?.BccAddresses ?? []),
    ].map(emailAddressOf);
    const context: RequestContext = {
      'ses:FromAddress': from,
      'ses:Recipients': recipients,
      'ses:ApiVersion': '2',
    };
    const action = facts.rawPath.includes('bulk') ? 'ses:SendBulkEmail' : 'ses:SendEmail';
    const permissions: RequiredPermission[] = [
      { action, resources: [arn(`identity/${from}`), arn(`identity/${domain}`)], context },
    ];
    if (input.ConfigurationSetName)
      permissions.push({
        action,
        resources: [arn(`configuration-set/${input.ConfigurationSetName}`)],
        context,
      });
    return permissions;
  }
  return [{ action: `ses:${facts.method}${facts.rawPath.replace(/\//g, ':')}`, resources: ['*'] }];
}
