// Infra construct: the alarms that are not any one resource's, and the rule that every alarm in the stack
// reaches a person: an aspect routes each one (the functions' own included) to the alarm topic.
import { Aspects, Duration, type IAspect, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct, type IConstruct } from 'constructs';
import { isNotifying, notify } from './monitored-queue.ts';

export interface OperationalAlarmsProps {
  readonly alarmTopic: ITopic;
  readonly api: HttpApi;
}

/**
 * API 5xx and the Scheduler failures that leave no dead letter, plus an aspect that sends every alarm in
 * this stack without an action to `alarmTopic`.
 */
export class OperationalAlarms extends Construct {
  readonly apiServerErrors: Alarm;
  readonly scheduleDeadLetterFailures: Alarm;
  readonly scheduleDrops: Alarm;

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    const base = {
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    };
    this.apiServerErrors = new Alarm(this, 'ApiServerErrorsAlarm', {
      ...base,
      alarmDescription:
        'HTTP API: requests answered with a 5xx (a function failed or timed out); the access log has the route and the integration error.',
      metric: props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
    });
    // Scheduler publishes these for the account; with a dead-letter queue on every schedule, an event is lost
    // only when it could not be put there either.
    const scheduler = (metricName: string) =>
      new Metric({ namespace: 'AWS/Scheduler', metricName, period: Duration.minutes(5), statistic: 'Sum' });
    this.scheduleDeadLetterFailures = new Alarm(this, 'ScheduleDeadLetterFailuresAlarm', {
      ...base,
      alarmDescription:
        'Scheduler: a failed scheduled run could not be put in its dead-letter queue and is lost; run it again by hand (docs/operations.md).',
      metric: scheduler('InvocationsFailedToBeSentToDeadLetterCount'),
    });
    this.scheduleDrops = new Alarm(this, 'ScheduleDropsAlarm', {
      ...base,
      alarmDescription:
        'Scheduler: a scheduled run was dropped (its retries or age ran out without a dead-letter queue); run it again by hand.',
      metric: scheduler('InvocationDroppedCount'),
    });
    Aspects.of(Stack.of(this)).add(new RouteAlarmsTo(props.alarmTopic));
  }
}

/** Gives every alarm that has no action the topic, for the alarm and for the return to OK. */
class RouteAlarmsTo implements IAspect {
  constructor(private readonly topic: ITopic) {}

  visit(node: IConstruct): void {
    if (node instanceof Alarm && !isNotifying(node)) notify(node, this.topic);
  }
}
