// Infra: the DfE summary's schedule, its role, and the feed functions' narrow reach into the data bucket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './helpers/synth.ts';

let synth: Synthesized;

beforeAll(() => {
  // cdk-nag runs in synth: a finding without a written acknowledgement throws here.
  synth = synthesize({ bundle: false, context: { stage: 'dev' } });
}, 120_000);

afterAll(() => synth?.cleanup());

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };

function resources(type: string): [string, Resource][] {
  return Object.values(synth.templates).flatMap((template) =>
    Object.entries(template.Resources as Record<string, Resource>).filter(
      ([, resource]) => resource.Type === type,
    ),
  );
}

const byPath = (path: string) =>
  Object.values(synth.templates)
    .flatMap((template) => Object.entries(template.Resources as Record<string, Resource>))
    .find(([, resource]) => String(resource.Metadata?.['aws:cdk:path']).endsWith(path));

describe('the weekly DfE summary schedule', () => {
  it('fires on Mondays at 07:00 in Europe/London and invokes dfe-summary with its own role', () => {
    const schedules = resources('AWS::Scheduler::Schedule').filter(([, schedule]) =>
      JSON.stringify(schedule.Properties?.Target).includes('summary'),
    );
    expect(schedules).toHaveLength(1);
    const properties = schedules[0]![1].Properties!;
    expect(properties.ScheduleExpression).toBe('cron(0 7 ? * MON *)');
    expect(properties.ScheduleExpressionTimezone).toBe('Europe/London');
    const target = properties.Target as { Arn: unknown; RoleArn: unknown; Input: string };
    expect(JSON.parse(target.Input)).toEqual({ summary: 'weekly' });
    const [summaryFunctionId] = byPath('DfeFeeds/DfeSummary/Function/Resource')!;
    expect(JSON.stringify(target.Arn)).toContain(summaryFunctionId);
    const [roleId, role] = byPath('DfeFeeds/WeeklySummary/Role/Resource')!;
    expect(JSON.stringify(target.RoleArn)).toContain(roleId);
    expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain('scheduler.amazonaws.com');
  });
});

describe('the feed functions in the data bucket', () => {
  it('reach only feeds/dfe/ (never curated/), reading (feeds-api) or writing (dfe-summary, dfe-digest)', () => {
    const policies = resources('AWS::IAM::Policy');
    const s3Statements = (functionPath: string) => {
      const [roleId] = byPath(`DfeFeeds/${functionPath}/Role/Resource`)!;
      return policies
        .filter(([, policy]) => JSON.stringify(policy.Properties?.Roles).includes(roleId))
        .flatMap(
          ([, policy]) =>
            (policy.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
        )
        .filter((statement) => JSON.stringify(statement.Action).includes('s3:'));
    };
    for (const [path, action] of [
      ['FeedsApi', 's3:GetObject'],
      ['DfeSummary', 's3:PutObject'],
      ['DfeDigest', 's3:PutObject'],
    ] as const) {
      const statements = s3Statements(path);
      expect(
        statements.map((statement) => statement.Action),
        path,
      ).toEqual([action]);
      expect(JSON.stringify(statements[0]!.Resource), path).toContain('/feeds/dfe/*');
    }
  });
});
