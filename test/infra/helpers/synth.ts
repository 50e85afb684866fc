// Test helper: synthesizes the real app in-process into a temporary cloud assembly and reads it back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type UpstreamApp } from '../../../infra/build-app.ts';

type CfnResource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };
export type CfnTemplate = {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
};

/** cdk.json's context: the same feature flags and stages the CLI passes to the app. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8'));
  return cdkJson.context;
}

/** What a deployment adds to cdk.json's prod stage: a retained stage must name these itself. */
export const PROD_SETTINGS = {
  appUrl: 'https://upstream.example.gov.uk',
  allowedOrigins: ['https://upstream.example.gov.uk'],
  fromAddress: 'alerts@upstream.example.gov.uk',
  alarmEmail: 'on-call@example.gov.uk',
};

/** Context for synthesizing cdk.json's prod stage completed with PROD_SETTINGS. */
export function prodContext(): Record<string, unknown> {
  const stages = cdkJsonContext().stages as Record<string, Record<string, unknown>>;
  return { stage: 'prod', stages: { ...stages, prod: { ...stages.prod, ...PROD_SETTINGS } } };
}

export interface Synthesized extends UpstreamApp {
  readonly outdir: string;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
  /** Raw JSON of both templates, keyed by stack name. */
  readonly templates: Record<string, CfnTemplate>;
  cleanup(): void;
}

export interface SynthOptions {
  /** Context merged over cdk.json's. */
  readonly context?: Record<string, unknown>;
  /** Skip esbuild (much faster) when a test does not look at the bundles. @default true */
  readonly bundle?: boolean;
}

/**
 * Builds and synthesizes the app like `cdk synth` does. `@aws-cdk/core:appMode: inmemory` makes a failed
 * validation (cdk-nag included) throw with the full report instead of only setting the exit code.
 */
export function synthesize(options: SynthOptions = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'upstream-infra-'));
  const context: Record<string, unknown> = {
    ...cdkJsonContext(),
    // As the CLI does: resources carry aws:cdk:path and aws:asset:path metadata (the local cloud reads both).
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    '@aws-cdk/core:appMode': 'inmemory',
    ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    ...options.context,
  };
  let built: UpstreamApp;
  let assembly: ReturnType<UpstreamApp['app']['synth']>;
  try {
    built = buildApp(context, outdir);
    assembly = built.app.synth();
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  const templates: Record<string, CfnTemplate> = {};
  for (const stack of assembly.stacks) templates[stack.stackName] = stack.template as CfnTemplate;
  return {
    ...built,
    outdir,
    statefulTemplate: Template.fromJSON(templates[built.stateful.stackName]!),
    statelessTemplate: Template.fromJSON(templates[built.stateless.stackName]!),
    templates,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** Resources of one type across the given templates, as [stackName, logicalId, resource]. */
export function resourcesOfType(
  templates: Record<string, CfnTemplate>,
  type: string,
): Array<[string, string, CfnResource]> {
  return Object.entries(templates).flatMap(([stackName, template]) =>
    Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === type)
      .map(([id, resource]): [string, string, CfnResource] => [stackName, id, resource]),
  );
}

/**
 * Follows a Ref / Fn::GetAtt / Fn::ImportValue to the resource it names, across stacks.
 * Returns [stackName, logicalId] or undefined when the value is not a reference.
 */
export function referencedResource(
  templates: Record<string, CfnTemplate>,
  stackName: string,
  value: unknown,
): [string, string] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') return [stackName, node.Ref];
  if (Array.isArray(node['Fn::GetAtt'])) return [stackName, String(node['Fn::GetAtt'][0])];
  if (typeof node['Fn::ImportValue'] === 'string') {
    const exportName = node['Fn::ImportValue'];
    for (const [producer, template] of Object.entries(templates)) {
      for (const output of Object.values(template.Outputs ?? {})) {
        if (output.Export?.Name === exportName) return referencedResource(templates, producer, output.Value);
      }
    }
    throw new Error(`No stack exports ${exportName}`);
  }
  return undefined;
}
