// Infra entry: builds the CDK app for one stage, with cdk-nag checking every stack; shared by app.ts and tests.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type StageConfig, stageConfigFromContext } from './config/stage-config.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';

export interface UpstreamApp {
  readonly app: App;
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Under the CLI the app receives cdk.json's context by itself; `context` adds to it. Tests pass cdk.json's
 * context plus their overrides. `outdir` defaults to the CLI's choice (cdk.out).
 */
export function buildApp(context?: Record<string, unknown>, outdir?: string): UpstreamApp {
  const app = new App({ context, outdir });
  const config = stageConfigFromContext(app.node);
  const env =
    config.account || config.region ? { account: config.account, region: config.region } : undefined;
  const prefix = `Upstream-${config.stage}`;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    config,
    env,
    description: `Upstream ${config.stage}: data, keys, queues and identity`,
    terminationProtection: config.removalPolicy === 'retain',
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    config,
    env,
    description: `Upstream ${config.stage}: functions and API`,
    stateful,
  });

  // Every unacknowledged finding (error or warning) fails synth; acknowledgements sit next to their resources.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, stateful, stateless };
}
