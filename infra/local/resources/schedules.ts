// AWS::Events::Rule (scheduled) and AWS::Scheduler::Schedule → local schedules that invoke a function or
// send to a queue.
import { UnsupportedTemplateError } from '../intrinsics.ts';
import { scheduleTarget } from './arns.ts';
import type { ResourceTranslator } from './translator.ts';

export const eventsRule: ResourceTranslator = {
  translate: ({ id, props, where }, { model }) => {
    if (!props.ScheduleExpression) {
      throw new UnsupportedTemplateError(
        where,
        'only scheduled rules run locally (event patterns have no local bus)',
      );
    }
    const targets = (props.Targets as { Arn: string; Input?: string }[] | undefined) ?? [];
    for (const target of targets) {
      model.schedules.push({
        id,
        name: String(props.Name ?? id),
        expression: String(props.ScheduleExpression),
        timezone: 'UTC',
        ...scheduleTarget(target.Arn, where),
        ...(target.Input !== undefined ? { input: String(target.Input) } : {}),
        kind: 'events-rule',
        enabled: props.State !== 'DISABLED',
      });
    }
  },
};

export const schedulerSchedule: ResourceTranslator = {
  translate: ({ id, props, where }, { model }) => {
    const target = props.Target as { Arn: string; Input?: string };
    model.schedules.push({
      id,
      name: String(props.Name ?? id),
      expression: String(props.ScheduleExpression),
      timezone: String(props.ScheduleExpressionTimezone ?? 'UTC'),
      ...scheduleTarget(target.Arn, where),
      ...(target.Input !== undefined ? { input: String(target.Input) } : {}),
      kind: 'scheduler',
      enabled: props.State !== 'DISABLED',
    });
  },
};
