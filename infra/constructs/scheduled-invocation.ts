// Construct: an EventBridge Scheduler schedule that invokes one function, with a role that may invoke that
// function and nothing else. Scheduler honours the time zone, so "Monday 07:00 Europe/London" stays 07:00
// across the clock change.
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, type ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
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
  /** Scheduler's own retries when the invocation fails (throttling, errors). */
  readonly retryAttempts?: number;
  readonly maxEventAge?: Duration;
}

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
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: props.schedule,
      target: new LambdaInvoke(props.target.function, {
        input: ScheduleTargetInput.fromObject(props.input),
        role,
        retryAttempts: props.retryAttempts ?? 2,
        maxEventAge: props.maxEventAge ?? Duration.hours(1),
      }),
    });
  }
}
