// Infra: failures reach a person. Every alarm notifies the alarm topic (emailed to the stage's address);
// every function, queue, dead-letter queue, the API and the schedules have theirs; a failed scheduled run
// lands in a dead-letter queue whichever side it failed on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencedResource, resourcesOfType, type Synthesized, synthesize } from './helpers/synth.ts';

const ALARM_EMAIL = 'on-call@example.gov.uk';
const STAGE = {
  removalPolicy: 'retain',
  region: 'eu-west-2',
  alarmEmail: ALARM_EMAIL,
  appUrl: 'https://upstream.example.gov.uk',
  allowedOrigins: ['https://upstream.example.gov.uk'],
  fromAddress: 'alerts@upstream.example.gov.uk',
};

let synth: Synthesized;

beforeAll(() => {
  synth = synthesize({ bundle: false, context: { stage: 'live', stages: { live: STAGE } } });
}, 120_000);

afterAll(() => synth?.cleanup());

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };
const cdkPath = (resource: Resource) => String(resource.Metadata?.['aws:cdk:path'] ?? '');
const alarms = () => resourcesOfType(synth.templates, 'AWS::CloudWatch::Alarm');
const target = (stack: string, value: unknown) => {
  const [targetStack, id] = referencedResource(synth.templates, stack, value)!;
  return { stack: targetStack, id, resource: synth.templates[targetStack]!.Resources[id]! };
};
const dimension = (alarm: Resource, name: string) =>
  (alarm.Properties?.Dimensions as Array<{ Name: string; Value: unknown }> | undefined)?.find(
    (candidate) => candidate.Name === name,
  )?.Value;
const projectFunctions = () =>
  resourcesOfType(synth.templates, 'AWS::Lambda::Function').filter(
    ([, , fn]) =>
      (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
        ?.POWERTOOLS_SERVICE_NAME !== undefined,
  );

describe('the alarm topic', () => {
  it('emails the stage alarm address, and every alarm in both stacks notifies it on alarm and on OK', () => {
    const [topicStack, topicId] = resourcesOfType(synth.templates, 'AWS::SNS::Topic').find(([, id]) =>
      id.startsWith('AlarmTopic'),
    )!;
    expect(
      resourcesOfType(synth.templates, 'AWS::SNS::Subscription').map(([, , s]) => s.Properties),
    ).toContainEqual(expect.objectContaining({ Protocol: 'email', Endpoint: ALARM_EMAIL }));
    expect(alarms().length).toBeGreaterThan(40);
    for (const [stack, id, alarm] of alarms()) {
      for (const key of ['AlarmActions', 'OKActions']) {
        const actions = alarm.Properties?.[key] as unknown[] | undefined;
        expect(actions, `${id} ${key}`).toHaveLength(1);
        const topic = target(stack, actions![0]);
        expect([topic.stack, topic.id], id).toEqual([topicStack, topicId]);
      }
    }
  });
});

describe('functions', () => {
  it('each has alarms on errors, throttles and an invocation over 80% of its timeout', () => {
    const functions = projectFunctions();
    // The twelve functions of the pipeline, the machine credentials' two and the web app.
    expect(functions).toHaveLength(15);
    for (const [stack, fnId, fn] of functions) {
      const own = alarms().filter(([alarmStack, , alarm]) => {
        const name = dimension(alarm, 'FunctionName');
        return name !== undefined && target(alarmStack, name).id === fnId && stack === alarmStack;
      });
      const byMetric = Object.fromEntries(own.map(([, , alarm]) => [alarm.Properties?.MetricName, alarm]));
      expect(Object.keys(byMetric).sort(), fnId).toEqual(['Duration', 'Errors', 'Throttles']);
      expect(byMetric.Errors!.Properties).toMatchObject({ Threshold: 0, Statistic: 'Sum' });
      expect(byMetric.Throttles!.Properties).toMatchObject({ Threshold: 0, Statistic: 'Sum' });
      expect(byMetric.Duration!.Properties).toMatchObject({
        Statistic: 'Maximum',
        Threshold: 0.8 * Number(fn.Properties?.Timeout) * 1000,
      });
    }
  });
});

describe('queues', () => {
  it('every queue has an alarm on the age of its oldest message; work queues at retries × visibility, RecomputeQueue sooner', () => {
    const queues = resourcesOfType(synth.templates, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(9);
    for (const [stack, queueId, queue] of queues) {
      const ageAlarms = alarms().filter(([alarmStack, , alarm]) => {
        const name = dimension(alarm, 'QueueName');
        return (
          alarm.Properties?.MetricName === 'ApproximateAgeOfOldestMessage' &&
          name !== undefined &&
          target(alarmStack, name).id === queueId &&
          alarmStack === stack
        );
      });
      expect(ageAlarms, queueId).toHaveLength(1);
      const redrive = queue.Properties?.RedrivePolicy as { maxReceiveCount: number } | undefined;
      const threshold = ageAlarms[0]![2].Properties?.Threshold;
      if (redrive && queueId.startsWith('RecomputeQueue')) {
        // A council's later events wait behind a failing one (FIFO): called out before its retries run out.
        expect(threshold, queueId).toBe(5 * 60);
      } else if (redrive) {
        expect(threshold, queueId).toBe(
          redrive.maxReceiveCount * Number(queue.Properties?.VisibilityTimeout),
        );
      } else {
        // A dead letter is called out again before SQS drops it at 14 days.
        expect(threshold, queueId).toBe(10 * 24 * 3600);
      }
    }
  });

  it('every dead-letter queue, the schedules’ included, alarms on any message and is retained', () => {
    const queues = resourcesOfType(synth.templates, 'AWS::SQS::Queue');
    const deadLetterIds = queues
      .filter(([, , queue]) => queue.Properties?.RedrivePolicy === undefined)
      .map(([, id]) => id);
    expect(deadLetterIds).toHaveLength(5);
    expect(deadLetterIds.some((id) => id.startsWith('ScheduleDeadLetters'))).toBe(true);
    for (const id of deadLetterIds) {
      const depth = alarms().filter(
        ([stack, , alarm]) =>
          alarm.Properties?.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          target(stack, dimension(alarm, 'QueueName')).id === id,
      );
      expect(depth, id).toHaveLength(1);
      expect(depth[0]![2].Properties).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      const resource = synth.templates['Upstream-live-Stateful']!.Resources[id] as Resource & {
        DeletionPolicy?: string;
      };
      expect(resource.DeletionPolicy, id).toBe('Retain');
    }
  });
});

describe('the API', () => {
  it('alarms on any 5xx answer', () => {
    const [apiStack, apiId] = resourcesOfType(synth.templates, 'AWS::ApiGatewayV2::Api')[0]!;
    const serverErrors = alarms().filter(([, , alarm]) => alarm.Properties?.MetricName === '5xx');
    expect(serverErrors).toHaveLength(1);
    const [stack, , alarm] = serverErrors[0]!;
    expect(alarm.Properties).toMatchObject({ Namespace: 'AWS/ApiGateway', Threshold: 0, Statistic: 'Sum' });
    expect(target(stack, dimension(alarm, 'ApiId')).id).toBe(apiId);
    expect(stack).toBe(apiStack);
  });
});

describe('schedules', () => {
  it('alarm when Scheduler drops a run or cannot put it in the dead-letter queue', () => {
    const schedulerMetrics = alarms()
      .filter(([, , alarm]) => alarm.Properties?.Namespace === 'AWS/Scheduler')
      .map(([, , alarm]) => alarm.Properties?.MetricName)
      .sort();
    expect(schedulerMetrics).toEqual([
      'InvocationDroppedCount',
      'InvocationsFailedToBeSentToDeadLetterCount',
    ]);
  });

  it('every schedule retries and then dead-letters, and its function sends a failed run to the same queue', () => {
    const schedules = resourcesOfType(synth.templates, 'AWS::Scheduler::Schedule');
    const configs = resourcesOfType(synth.templates, 'AWS::Lambda::EventInvokeConfig');
    expect(schedules).toHaveLength(3);
    for (const [stack, id, schedule] of schedules) {
      const scheduleTarget = schedule.Properties?.Target as {
        Arn: unknown;
        DeadLetterConfig?: { Arn: unknown };
        RetryPolicy?: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
      };
      const deadLetters = target(stack, scheduleTarget.DeadLetterConfig?.Arn);
      expect(cdkPath(deadLetters.resource), id).toMatch(/\/ScheduleDeadLetters\/Queue\/Resource$/);
      expect(scheduleTarget.RetryPolicy?.MaximumRetryAttempts, id).toBeGreaterThan(0);
      const fnId = target(stack, scheduleTarget.Arn).id;
      const config = configs.find(
        ([configStack, , candidate]) => target(configStack, candidate.Properties?.FunctionName).id === fnId,
      );
      expect(config, `${fnId} has no asynchronous on-failure destination`).toBeDefined();
      const [configStack, , invokeConfig] = config!;
      const destination = (
        invokeConfig.Properties!.DestinationConfig as { OnFailure: { Destination: unknown } }
      ).OnFailure.Destination;
      expect(target(configStack, destination).id, fnId).toBe(deadLetters.id);
      expect(invokeConfig.Properties?.MaximumRetryAttempts).toBeLessThanOrEqual(2);
    }
  });
});
