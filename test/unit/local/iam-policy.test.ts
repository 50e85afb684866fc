import { describe, expect, it } from 'vitest';
import {
  denialMessage,
  evaluate,
  type PolicyStatement,
  wildcardMatch,
} from '../../../infra/local/iam-policy.ts';

const uploads = 'arn:aws:s3:::upstream-uploads';
const table = 'arn:aws:dynamodb:eu-west-2:000000000000:table/upstream';

describe('IAM policy evaluation', () => {
  const statements: PolicyStatement[] = [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: uploads },
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${uploads}/*` },
    { Effect: 'Allow', Action: 'dynamodb:*Item', Resource: [table, `${table}/index/*`] },
  ];

  it('allows what a statement grants and denies everything else implicitly', () => {
    expect(evaluate(statements, { action: 's3:GetObject', resource: `${uploads}/reports/886/r.json` })).toBe(
      'allow',
    );
    expect(evaluate(statements, { action: 's3:ListBucket', resource: uploads })).toBe('allow');
    expect(evaluate(statements, { action: 's3:DeleteObject', resource: `${uploads}/x` })).toBe(
      'implicit-deny',
    );
    expect(
      evaluate(statements, { action: 's3:GetObject', resource: 'arn:aws:s3:::upstream-data/curated/x' }),
    ).toBe('implicit-deny');
    expect(evaluate([], { action: 's3:GetObject', resource: `${uploads}/x` })).toBe('implicit-deny');
  });

  it('matches wildcards in actions (case-insensitively) and resources (case-sensitively)', () => {
    expect(evaluate(statements, { action: 'dynamodb:GetItem', resource: table })).toBe('allow');
    expect(evaluate(statements, { action: 'DynamoDB:putitem', resource: `${table}/index/gsi1` })).toBe(
      'allow',
    );
    expect(evaluate(statements, { action: 'dynamodb:Scan', resource: table })).toBe('implicit-deny');
    expect(evaluate(statements, { action: 's3:GetObject', resource: `${uploads.toUpperCase()}/x` })).toBe(
      'implicit-deny',
    );
    expect(wildcardMatch('arn:aws:s3:::b/curated/?/*', 'arn:aws:s3:::b/curated/1/x.csv')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::b/curated/*', 'arn:aws:s3:::b/uploads/curated/x')).toBe(false);
  });

  it('lets an explicit deny win over any allow', () => {
    const withDeny: PolicyStatement[] = [
      ...statements,
      { Effect: 'Deny', Action: 's3:*', Resource: `${uploads}/uploads/*` },
    ];
    expect(evaluate(withDeny, { action: 's3:PutObject', resource: `${uploads}/uploads/886/f.csv` })).toBe(
      'explicit-deny',
    );
    expect(evaluate(withDeny, { action: 's3:PutObject', resource: `${uploads}/reports/886/f.csv` })).toBe(
      'allow',
    );
  });

  it('evaluates the conditions the stacks rely on: ses:FromAddress, dynamodb:LeadingKeys, s3:prefix', () => {
    const ses: PolicyStatement = {
      Effect: 'Allow',
      Action: 'ses:SendEmail',
      Resource: 'arn:aws:ses:eu-west-2:000000000000:identity/*',
      Condition: { StringEquals: { 'ses:FromAddress': 'alerts@upstream.example' } },
    };
    const identity = 'arn:aws:ses:eu-west-2:000000000000:identity/upstream.example';
    const send = (from?: string) =>
      evaluate([ses], { action: 'ses:SendEmail', resource: identity, context: { 'ses:FromAddress': from } });
    expect(send('alerts@upstream.example')).toBe('allow');
    expect(send('ceo@upstream.example')).toBe('implicit-deny');
    expect(send(undefined)).toBe('implicit-deny');

    const leading: PolicyStatement = {
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
      Resource: table,
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUBMISSION#*', 'FILEHASH#*'] } },
    };
    const read = (action: string, keys?: string[]) =>
      evaluate([leading], { action, resource: table, context: { 'dynamodb:LeadingKeys': keys } });
    expect(read('dynamodb:GetItem', ['SUBMISSION#S1'])).toBe('allow');
    expect(read('dynamodb:GetItem', ['RISK#886'])).toBe('implicit-deny');
    expect(read('dynamodb:Query', ['SUBMISSION#S1', 'RISK#886'])).toBe('implicit-deny');
    // As in IAM, ForAllValues holds for a request with no leading keys at all: a Scan passes this condition.
    expect(read('dynamodb:Scan', undefined)).toBe('allow');

    const prefix: PolicyStatement = {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: uploads,
      Condition: { StringLike: { 's3:prefix': ['reports/*'] } },
    };
    const list = (value?: string) =>
      evaluate([prefix], { action: 's3:ListBucket', resource: uploads, context: { 's3:prefix': value } });
    expect(list('reports/886/')).toBe('allow');
    expect(list('uploads/')).toBe('implicit-deny');
    expect(list(undefined)).toBe('implicit-deny');
  });

  it('treats negated operators, IfExists and Null as IAM does', () => {
    const statement = (Condition: PolicyStatement['Condition']): PolicyStatement[] => [
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition },
    ];
    const put = (policy: PolicyStatement[], context: Record<string, string | undefined>) =>
      evaluate(policy, { action: 's3:PutObject', resource: `${uploads}/x`, context });
    const notEquals = statement({ StringNotEquals: { 's3:x-amz-server-side-encryption': 'AES256' } });
    expect(put(notEquals, { 's3:x-amz-server-side-encryption': 'aws:kms' })).toBe('allow');
    expect(put(notEquals, { 's3:x-amz-server-side-encryption': 'AES256' })).toBe('implicit-deny');
    expect(put(notEquals, {})).toBe('allow');
    const ifExists = statement({ StringEqualsIfExists: { 's3:if-none-match': '*' } });
    expect(put(ifExists, {})).toBe('allow');
    expect(put(ifExists, { 's3:if-none-match': 'abc' })).toBe('implicit-deny');
    const mustBePresent = statement({ Null: { 's3:if-none-match': 'false' } });
    expect(put(mustBePresent, { 's3:if-none-match': '*' })).toBe('allow');
    expect(put(mustBePresent, {})).toBe('implicit-deny');
  });

  it('words a denial as AWS does', () => {
    expect(
      denialMessage(
        'arn:aws:sts::000000000000:assumed-role/IngestReturnRole/ingest-return',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::data/curated/x' },
        'implicit-deny',
      ),
    ).toBe(
      'User: arn:aws:sts::000000000000:assumed-role/IngestReturnRole/ingest-return is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::data/curated/x because no identity-based policy allows the s3:GetObject action',
    );
  });
});
