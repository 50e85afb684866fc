// Infra: every function role is walked statement by statement against the rules below; a grant wider than
// them (another prefix, another key, a Scan, a table action without a leading-key condition) fails.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_TABLE_ADAPTERS } from '../../infra/config/data-access.ts';
import {
  prodContext,
  referencedResource,
  resourcesOfType,
  type Synthesized,
  synthesize,
} from './helpers/synth.ts';

let synth: Synthesized;

beforeAll(() => {
  synth = synthesize({ bundle: false, context: prodContext() });
}, 120_000);

afterAll(() => synth?.cleanup());

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const cdkPath = (resource: { Metadata?: Record<string, unknown> }) =>
  String(resource.Metadata?.['aws:cdk:path'] ?? '');

/** The S3 object patterns each function may read and write: `<bucket construct>/<prefix>*`. */
const S3_RULES: Record<string, { read: string[]; write: string[]; remove?: string[] }> = {
  // Reading curated/ (last year's referrals) is allowed, not required here. Extracts are staged, then moved
  // (copied and the staged object deleted) to curated/ when the return is accepted.
  'ingest-return': {
    read: ['UploadsBucket/uploads/*', 'DataBucket/curated/*', 'DataBucket/staging/*'],
    write: ['UploadsBucket/reports/*', 'DataBucket/curated/*', 'DataBucket/staging/*'],
    remove: ['DataBucket/staging/*'],
  },
  'submissions-api': { read: ['UploadsBucket/reports/*'], write: ['UploadsBucket/uploads/*'] },
  'feeds-api': { read: ['DataBucket/feeds/dfe/*'], write: [] },
  'dfe-summary': { read: [], write: ['DataBucket/feeds/dfe/*'] },
  'dfe-digest': { read: [], write: ['DataBucket/feeds/dfe/*'] },
};

/** Partition keys per function: exactly these, never the whole table. */
const TABLE_RULES: Record<string, string[]> = {
  'dfe-digest': [
    'COUNCIL#*',
    'DFE#DELIVERY#*',
    'DFE#SUBSCRIPTIONS',
    'DFE#SUMMARY',
    'DFE#TOKEN#*',
    'OUTBOX#intelligence',
    'RECOMPUTE#*',
  ],
  'dfe-summary': [
    'COUNCIL#*',
    'DFE#DELIVERY#*',
    'DFE#SUBSCRIPTIONS',
    'DFE#SUMMARY',
    'DFE#TOKEN#*',
    'OUTBOX#intelligence',
    'RECOMPUTE#*',
  ],
  'directory-api': ['DIRECTORY'],
  'feeds-api': ['COUNCIL#*', 'DFE#DELIVERY#*', 'DFE#SUBSCRIPTIONS', 'DFE#SUMMARY', 'DFE#TOKEN#*'],
  'indicators-api': ['COUNCIL#*', 'RECOMPUTE#*'],
  'ingest-return': ['COUNCIL#*', 'SUBMISSION#*'],
  'intelligence-api': ['COUNCIL#*', 'OUTBOX#intelligence'],
  'machine-clients-api': ['MACHINE_CLIENTS'],
  'machine-token': ['MACHINE_CLIENTS'],
  notify: ['ALERT#*', 'COUNCIL#*', 'DIGEST#HELD', 'DIRECTORY', 'OUTBOX#intelligence'],
  recompute: ['COUNCIL#*', 'OUTBOX#intelligence', 'RECOMPUTE#*'],
  'risk-api': ['COUNCIL#*'],
  'submissions-api': ['COUNCIL#*', 'MACHINE_CLIENTS', 'SUBMISSION#*'],
  web: ['WEB#SESSION#*', 'WEB#SIGNIN#*'],
};

/** Who may use the keys of the raw uploads and of the pseudonym secret. */
const KEY_USERS: Record<string, string[]> = {
  UploadsKey: ['ingest-return', 'submissions-api'],
  PseudonymKey: ['ingest-return'],
};

const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** Names a resource by the construct path under its stack (e.g. `UploadsBucket`) plus any literal suffix. */
function describeResource(stack: string, value: unknown): string {
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map((part) => describeResource(stack, part)).join(join[0]);
  if (typeof value === 'string') return value;
  const target = referencedResource(synth.templates, stack, value);
  if (!target) return JSON.stringify(value);
  const [targetStack, id] = target;
  const resource = synth.templates[targetStack]!.Resources[id]!;
  return cdkPath(resource)
    .replace(`${targetStack}/`, '')
    .replace(/\/Resource$/, '');
}

/** The service name (POWERTOOLS_SERVICE_NAME) of every project function, with its role's statements. */
function functionRoles(): Array<{ name: string; stack: string; statements: Statement[] }> {
  return resourcesOfType(synth.templates, 'AWS::Lambda::Function').flatMap(([stack, , fn]) => {
    const variables = (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
      ?.Variables;
    const name = variables?.POWERTOOLS_SERVICE_NAME;
    if (typeof name !== 'string') return [];
    const roleId = referencedResource(synth.templates, stack, fn.Properties?.Role)![1];
    const statements = resourcesOfType(synth.templates, 'AWS::IAM::Policy')
      .filter(([policyStack, , policy]) =>
        asList((policy.Properties?.Roles ?? []) as unknown[]).some(
          (role) => referencedResource(synth.templates, policyStack, role)?.[1] === roleId,
        ),
      )
      .flatMap(([, , policy]) => (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
    return [{ name, stack, statements }];
  });
}

describe('every function role', () => {
  it('covers every function: the pipeline’s, the machine credentials’ two and the web app', () => {
    expect(
      functionRoles()
        .map(({ name }) => name)
        .sort(),
    ).toEqual(Object.keys(TABLE_RULES).concat('risk-review').sort());
  });

  it('reaches S3 objects only under its own prefixes, reading or writing as the rules say', () => {
    for (const { name, stack, statements } of functionRoles()) {
      const rules = S3_RULES[name] ?? { read: [], write: [] };
      for (const statement of statements.filter((s) => asList(s.Action).some((a) => a.startsWith('s3:')))) {
        const resources = asList(statement.Resource).map((resource) => describeResource(stack, resource));
        for (const action of asList(statement.Action)) {
          if (action === 's3:ListBucket') {
            expect(rules.read.length, `${name} lists a bucket it may not read`).toBeGreaterThan(0);
            continue;
          }
          const allowed =
            action === 's3:GetObject'
              ? rules.read
              : ['s3:PutObject', 's3:AbortMultipartUpload'].includes(action)
                ? rules.write
                : action === 's3:DeleteObject'
                  ? (rules.remove ?? [])
                  : [];
          for (const resource of resources) {
            expect(allowed, `${name}: ${action} on ${resource}`).toContain(resource);
          }
        }
      }
    }
  });

  it('uses the table only under its own partition keys, with item actions and no Scan', () => {
    for (const { name, stack, statements } of functionRoles()) {
      for (const statement of statements.filter((s) =>
        asList(s.Action).some((a) => a.startsWith('dynamodb:')),
      )) {
        const actions = asList(statement.Action);
        const resources = asList(statement.Resource).map((resource) => describeResource(stack, resource));
        expect(resources.length, name).toBe(1);
        if (resources[0] === 'Table/index/gsi1') {
          expect(actions, `${name} on the index`).toEqual(['dynamodb:Query']);
          continue;
        }
        expect(resources[0], name).toBe('Table');
        for (const action of actions) expect(TABLE_ACTIONS, `${name}: ${action}`).toContain(action);
        expect(statement.Condition, `${name} has no leading-key condition`).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': TABLE_RULES[name] },
        });
      }
    }
  });

  it('uses the uploads and pseudonym keys only where it must', () => {
    for (const { name, stack, statements } of functionRoles()) {
      for (const statement of statements.filter((s) => asList(s.Action).some((a) => a.startsWith('kms:')))) {
        for (const resource of asList(statement.Resource).map((r) => describeResource(stack, r))) {
          expect(resource, `${name}: KMS on ${resource}`).toMatch(/^(Key|UploadsKey|PseudonymKey)$/);
          if (KEY_USERS[resource]) expect(KEY_USERS[resource], `${name} uses ${resource}`).toContain(name);
        }
      }
    }
  });

  it('has no action outside the services a function uses, and no Resource "*" but for X-Ray', () => {
    for (const { name, statements } of functionRoles()) {
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        const actions = asList(statement.Action);
        for (const action of actions) {
          // Only the administrators' machine-client function may call the user pool's API.
          const services =
            name === 'machine-clients-api'
              ? /^(s3|dynamodb|kms|sqs|ses|secretsmanager|logs|xray|cognito-idp):[A-Za-z*]+$/
              : /^(s3|dynamodb|kms|sqs|ses|secretsmanager|logs|xray):[A-Za-z*]+$/;
          expect(action, name).toMatch(services);
        }
        // X-Ray's two write actions have no resource-level permissions; nothing else may name "*".
        if (asList(statement.Resource).includes('*')) {
          expect(actions.sort(), name).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
        }
      }
    }
  });
});

describe('the raw uploads and the pseudonym secret', () => {
  it('are encrypted with keys of their own', () => {
    const byPath = (path: string) =>
      Object.entries(synth.templates['Upstream-prod-Stateful']!.Resources).find(
        ([, resource]) => cdkPath(resource) === `Upstream-prod-Stateful/${path}/Resource`,
      )!;
    const [uploadsKeyId] = byPath('UploadsKey');
    const [pseudonymKeyId] = byPath('PseudonymKey');
    expect(JSON.stringify(byPath('UploadsBucket')[1].Properties?.BucketEncryption)).toContain(uploadsKeyId);
    expect(byPath('PseudonymSecret')[1].Properties?.KmsKeyId).toEqual({
      'Fn::GetAtt': [pseudonymKeyId, 'Arn'],
    });
    expect(JSON.stringify(byPath('DataBucket')[1].Properties?.BucketEncryption)).not.toContain(uploadsKeyId);
  });
});

describe('the bucket-notification handler', () => {
  it('runs under a role of ours without managed policies, limited to the uploads bucket and its logs', () => {
    const resources = synth.templates['Upstream-prod-Stateful']!.Resources;
    const [, handler] = Object.entries(resources).find(
      ([id, resource]) =>
        id.startsWith('BucketNotificationsHandler') && resource.Type === 'AWS::Lambda::Function',
    )!;
    const roleId = referencedResource(
      synth.templates,
      'Upstream-prod-Stateful',
      handler.Properties?.Role,
    )![1];
    expect(resources[roleId]!.Properties?.ManagedPolicyArns).toBeUndefined();
    const statements = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(roleId))
      .flatMap((policy) => (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
    expect(statements.flatMap((statement) => asList(statement.Action)).sort()).toEqual([
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:PutBucketNotification',
    ]);
    const s3 = statements.find((statement) => statement.Action === 's3:PutBucketNotification')!;
    expect(describeResource('Upstream-prod-Stateful', s3.Resource)).toBe('UploadsBucket');
  });
});

describe('the table adapters in infra/config/data-access.ts', () => {
  it('are the ones each handler imports', () => {
    const functionsDir = new URL('../../functions/', import.meta.url);
    for (const name of readdirSync(functionsDir)) {
      const source = readFileSync(new URL(`${name}/handler.ts`, functionsDir), 'utf8');
      const imported = [...source.matchAll(/from '#adapters\/(dynamo-[a-z-]+)'/g)].map((match) => match[1]);
      expect([...(FUNCTION_TABLE_ADAPTERS[name] ?? [])].sort(), name).toEqual(imported.sort());
    }
  });
});
