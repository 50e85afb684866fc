// Local cloud: names read back from the ARNs the templates pass between resources.
import { UnsupportedTemplateError } from '../intrinsics.ts';

export function queueNameFromArn(queueArn: string, where: string): string {
  const name = queueArn.split(':').at(-1);
  if (!queueArn.startsWith('arn:aws:sqs:') || !name)
    throw new UnsupportedTemplateError(where, `${queueArn} is not a queue`);
  return name;
}

export const functionNameFromArn = (functionArn: string): string =>
  functionArn.split(':function:')[1]?.split(':')[0] ?? functionArn;

/** A schedule's target: a function or a queue. */
export function scheduleTarget(
  targetArn: string,
  where: string,
): { functionName: string } | { queueName: string } {
  if (targetArn.includes(':function:')) return { functionName: functionNameFromArn(targetArn) };
  if (targetArn.startsWith('arn:aws:sqs:')) return { queueName: queueNameFromArn(targetArn, where) };
  throw new UnsupportedTemplateError(where, `schedule target ${targetArn} is neither a function nor a queue`);
}
