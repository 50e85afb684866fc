// AWS::SQS::Queue → a fauxqs queue with its attributes and redrive policy.
import { queueNameFromArn } from './arns.ts';
import { arn, type ResourceTranslator } from './translator.ts';

const ATTRIBUTES = [
  'FifoQueue',
  'ContentBasedDeduplication',
  'VisibilityTimeout',
  'MessageRetentionPeriod',
  'DelaySeconds',
  'ReceiveMessageWaitTimeSeconds',
  'MaximumMessageSize',
  'DeduplicationScope',
  'FifoThroughputLimit',
];

export const sqsQueue: ResourceTranslator = {
  names: ({ id, stackName, properties, explicit, endpoints }) => {
    const fifo = String(properties.FifoQueue) === 'true';
    let name = explicit('QueueName') ?? `${stackName}-${id}`.slice(0, fifo ? 75 : 80);
    if (fifo && !name.endsWith('.fifo')) name = `${name}.fifo`;
    const url = endpoints.queueUrl(name);
    return { ref: url, atts: { Arn: arn('sqs', name), QueueName: name, QueueUrl: url } };
  },
  translate: ({ id, props, ref, where }, { model }) => {
    const attributes: Record<string, string> = {};
    for (const key of ATTRIBUTES) {
      if (props[key] !== undefined) attributes[key] = String(props[key]);
    }
    const redrive = props.RedrivePolicy as
      | { deadLetterTargetArn?: string; maxReceiveCount?: number }
      | undefined;
    model.queues.push({
      id,
      name: ref.split('/').at(-1)!,
      fifo: attributes.FifoQueue === 'true',
      attributes,
      ...(redrive?.deadLetterTargetArn
        ? {
            deadLetter: {
              queueName: queueNameFromArn(redrive.deadLetterTargetArn, where),
              maxReceiveCount: Number(redrive.maxReceiveCount ?? 10),
            },
          }
        : {}),
    });
  },
};
