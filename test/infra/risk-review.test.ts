// Infra: the daily risk review's schedule, its role, and what the review function may do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './helpers/synth.ts';

let synth: Synthesized;

beforeAll(() => {
  synth = synthesize({ bundle: false, context: { stage: 'dev' } });
}, 120_000);

afterAll(() => synth?.cleanup());

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };

const all = () =>
  Object.values(synth.templates).flatMap((template) =>
    Object.entries(template.Resources as Record<string, Resource>),
  );
const byPath = (path: string) =>
  all().find(([, resource]) => String(resource.Metadata?.['aws:cdk:path']).endsWith(path));
const statementsOf = (roleId: string) =>
  all()
    .filter(([, resource]) => resource.Type === 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties?.Roles).includes(roleId))
    .flatMap(
      ([, policy]) =>
        (policy.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );

describe('the daily risk review', () => {
  it('fires at 06:00 Europe/London and invokes risk-review through a role that may invoke only it (and report failures)', () => {
    const [, schedule] = byPath('/RiskReviewSchedule/Schedule/Resource')!;
    expect(schedule.Properties?.ScheduleExpression).toBe('cron(0 6 * * ? *)');
    expect(schedule.Properties?.ScheduleExpressionTimezone).toBe('Europe/London');
    const target = schedule.Properties?.Target as { Arn: unknown; RoleArn: unknown; Input: string };
    expect(JSON.parse(target.Input)).toEqual({ source: 'upstream.schedule', task: 'risk-review' });
    const [functionId] = byPath('/RiskReview/Function/Resource')!;
    expect(JSON.stringify(target.Arn)).toContain(functionId);
    const [roleId] = byPath('/RiskReviewSchedule/Role/Resource')!;
    expect(JSON.stringify(target.RoleArn)).toContain(roleId);
    const statements = statementsOf(roleId);
    expect(statements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual([
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'lambda:InvokeFunction',
      'sqs:SendMessage',
    ]);
    const send = statements.find((statement) => statement.Action === 'sqs:SendMessage')!;
    expect(JSON.stringify(send.Resource)).toContain('ScheduleDeadLetters');
  });

  it('lets the review function send to RecomputeQueue and touch nothing else', () => {
    const [roleId] = byPath('/RiskReview/Role/Resource')!;
    const statements = statementsOf(roleId);
    const actions = statements.flatMap((statement) => [statement.Action].flat()).map(String);
    expect(actions.filter((action) => !action.startsWith('kms:'))).toEqual(
      expect.arrayContaining(['sqs:SendMessage']),
    );
    expect(actions.some((action) => /^(dynamodb|s3|ses):/.test(action))).toBe(false);
    const sqs = statements.filter((statement) => JSON.stringify(statement.Action).includes('sqs:'));
    expect(JSON.stringify(sqs.map((statement) => statement.Resource))).toContain('RecomputeQueue');
  });
});
