// Construct: an EventBridge Scheduler schedule that invokes one function, with a role that may invoke that
// function and nothing else. Scheduler honours the time zone, so "Monday 07:00 Europe/London" stays 07:00
// across the clock change. A run that fails lands in a dead-letter queue, whichever side it failed on.
import { Duration } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, type ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from './nag.ts';
import type { UpstreamFunction } from './upstream-function.ts';

export interface ScheduledInvocationProps {
  readonly target: UpstreamFunction;
  readonly schedule: ScheduleExpression;
  /** What the schedule is for, in words an operator reads in the console. */
  readonly description: string;
  /** The event the function receives; it should name its purpose so the handler can check it. */
  readonly input: Record<string, unknown>;
  /**
   * Where a failed run goes: the event Scheduler could not hand to Lambda (after its retries), and the event
   * the function failed on (after Lambda's own retries of an asynchronous invocation).
   */
  readonly deadLetterQueue: IQueue;
  /**
   * Retries of a failed hand-over to Lambda (throttling, service errors), by Scheduler; and of a failed run,
   * by Lambda, which allows at most two. @default 2
   */
  readonly retryAttempts?: number;
  /** How long either keeps retrying. @default Duration.hours(1) */
  readonly maxEventAge?: Duration;
}

/** Lambda retries a failed asynchronous invocation at most twice. */
const LAMBDA_MAX_ASYNC_RETRIES = 2;

export class ScheduledInvocation extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ScheduledInvocationProps) {
    super(scope, id);
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': props.target.function.stack.account } },
      }),
      description: `Lets the schedule "${props.description}" invoke its function, and nothing else`,
    });
    acknowledgeWildcardResource(
      role,
      `${props.target.function.functionArn}:*`,
      "CDK's invoke grant also names the function's versions and aliases (ARN:*); the schedule invokes only that one function.",
    );
    const retryAttempts = props.retryAttempts ?? 2;
    const maxEventAge = props.maxEventAge ?? Duration.hours(1);
    const deadLetterQueue = props.deadLetterQueue;
    // CDK grants the send to the dead-letter queue; an encrypted queue also needs its key.
    if (deadLetterQueue.encryptionMasterKey) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [deadLetterQueue.encryptionMasterKey.keyArn],
        }),
      );
    }
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: props.schedule,
      target: new LambdaInvoke(props.target.function, {
        input: ScheduleTargetInput.fromObject(props.input),
        role,
        retryAttempts,
        maxEventAge,
        deadLetterQueue,
      }),
    });

    // Scheduler invokes asynchronously: once Lambda has accepted the event, a failing run is Lambda's to
    // retry, and without a destination it would be dropped after the last retry.
    const fn = props.target.function;
    if (!fn.node.tryFindChild('EventInvokeConfig')) {
      fn.configureAsyncInvoke({
        retryAttempts: Math.min(retryAttempts, LAMBDA_MAX_ASYNC_RETRIES),
        maxEventAge,
        onFailure: { bind: () => ({ destination: deadLetterQueue.queueArn }) },
      });
      const sendsFailures = [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['sqs:SendMessage'],
          resources: [deadLetterQueue.queueArn],
        }),
      ];
      if (deadLetterQueue.encryptionMasterKey) {
        sendsFailures.push(
          new PolicyStatement({
            effect: Effect.ALLOW,
            actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
            resources: [deadLetterQueue.encryptionMasterKey.keyArn],
          }),
        );
      }
      for (const statement of sendsFailures) props.target.role.addToPrincipalPolicy(statement);
    }
  }
}
