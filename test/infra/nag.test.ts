import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, type IApplyRule, NagRuleCompliance } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { flattenReference } from '../../infra/constructs/nag.ts';
import { cdkJsonContext, prodContext, type Synthesized, synthesize } from './helpers/synth.ts';

/** AwsSolutions rules evaluated with every acknowledgement ignored: what the acknowledgements are hiding. */
class UnacknowledgedAwsSolutions extends AwsSolutionsChecks {
  readonly findings: Array<{ path: string; id: string }> = [];

  protected override applyRule(params: IApplyRule): void {
    const ruleId = `${this.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`;
    const path = params.node.node.path;
    try {
      const result = params.rule(params.node);
      if (result === NagRuleCompliance.NON_COMPLIANT) this.findings.push({ path, id: ruleId });
      else if (Array.isArray(result)) {
        for (const finding of result) this.findings.push({ path, id: `${ruleId}[${finding}]` });
      }
    } catch {
      this.findings.push({ path, id: ruleId });
    }
  }
}

function acknowledgements(root: IConstruct): Array<{ path: string; id: string; reason: string }> {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

const isUnder = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}/`);

describe.each(['dev', 'prod'])('cdk-nag AwsSolutions on the %s stage', (stage) => {
  let synth: Synthesized;

  beforeAll(() => {
    // Synth throws (in-memory app mode) if cdk-nag or CloudFormation validation reports anything.
    synth = synthesize({ bundle: false, context: stage === 'prod' ? prodContext() : { stage } });
  }, 120_000);

  afterAll(() => synth?.cleanup());

  it('synthesizes with an empty validation report: no findings, no warnings, no annotations', () => {
    // Prepare
    const report = JSON.parse(readFileSync(join(synth.outdir, 'validation-report.json'), 'utf8'));

    // Assess
    expect(report.pluginReports).toEqual([]);
  });

  it('every finding is acknowledged where it occurs, and every acknowledgement covers a real finding', () => {
    // Prepare
    const pack = new UnacknowledgedAwsSolutions();
    pack.validateScope(synth.app);
    const acknowledged = acknowledgements(synth.app).filter((ack) => ack.id.startsWith('AwsSolutions-'));

    // Assess: removing any acknowledgement would therefore fail synth.
    expect(pack.findings.length).toBeGreaterThan(0);
    for (const finding of pack.findings) {
      const covering = acknowledged.filter((ack) => ack.id === finding.id && isUnder(finding.path, ack.path));
      expect(covering, `${finding.id} at ${finding.path}`).not.toEqual([]);
    }
    for (const ack of acknowledged) {
      const covered = pack.findings.filter(
        (finding) => finding.id === ack.id && isUnder(finding.path, ack.path),
      );
      expect(covered, `stale acknowledgement ${ack.id} at ${ack.path}`).not.toEqual([]);
      expect(ack.reason.length, `${ack.id} at ${ack.path} needs a written reason`).toBeGreaterThan(40);
    }
  });

  it('every acknowledgement, cdk-nag or CDK warning, carries a written reason', () => {
    // Prepare
    const all = acknowledgements(synth.app);

    // Assess: besides cdk-nag rules, only the one CDK warning explained in the stateful stack is silenced.
    expect(all.length).toBeGreaterThan(0);
    expect([...new Set(all.map((ack) => ack.id).filter((id) => !id.startsWith('AwsSolutions-')))]).toEqual([
      '@aws-cdk/aws-s3-notifications:sqsKMSPermissionsNotAdded',
    ]);
    for (const ack of all) {
      expect(ack.reason.trim().length, `${ack.id} at ${ack.path} needs a written reason`).toBeGreaterThan(40);
    }
  });

  it('no acknowledgement is stack-wide', () => {
    // Assess
    const stackPaths = new Set([synth.stateful.node.path, synth.stateless.node.path, '']);
    for (const ack of acknowledgements(synth.app)) expect(stackPaths.has(ack.path), ack.id).toBe(false);
  });
});

describe('cdk-nag enforcement', () => {
  it('fails synth on a non-compliant resource added anywhere in the app', () => {
    // Prepare
    const outdir = mkdtempSync(join(tmpdir(), 'upstream-nag-'));
    const { app } = buildApp(
      { ...cdkJsonContext(), '@aws-cdk/core:appMode': 'inmemory', 'aws:cdk:bundling-stacks': [] },
      outdir,
    );
    const throwaway = new Stack(app, 'Throwaway');
    new Bucket(throwaway, 'LeakyBucket');
    new Role(throwaway, 'GreedyRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    }).addToPolicy(new PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));

    // Act / Assess
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = String(error);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    expect(message).toContain('Throwaway/LeakyBucket/Resource');
    expect(message).toContain('AwsSolutions-S1');
    expect(message).toContain('AwsSolutions-S10');
    expect(message).toContain('AwsSolutions-IAM5[Action::s3:*]');
    expect(message).not.toContain('Upstream-dev-');
  });
});

describe('flattenReference', () => {
  it('names references the way cdk-nag findings do', () => {
    // Assess
    expect(
      flattenReference({
        'Fn::Join': ['', [{ 'Fn::ImportValue': 'Stateful:ExportsOutputBucketArn' }, '/*']],
      }),
    ).toBe('Stateful:ExportsOutputBucketArn/*');
    expect(flattenReference({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Table', 'Arn'] }, '/index/*']] })).toBe(
      '<Table.Arn>/index/*',
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub string, not a JS template
    expect(flattenReference({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::x/*' })).toBe(
      'arn:<AWS::Partition>:s3:::x/*',
    );
    expect(flattenReference({ Ref: 'Bucket' })).toBe('<Bucket>');
    expect(flattenReference({ 'Fn::GetStackOutput': { StackName: 'A' } })).toBe(
      '{"Fn::GetStackOutput":{"StackName":"A"}}',
    );
  });
});
