// AWS::Lambda::EventSourceMapping → a poller that hands a queue's messages to a function in batches.
import { UnsupportedTemplateError } from '../intrinsics.ts';
import { functionNameFromArn, queueNameFromArn } from './arns.ts';
import type { ResourceTranslator } from './translator.ts';

export const eventSourceMapping: ResourceTranslator = {
  translate: ({ id, props, where }, { model }) => {
    const sourceArn = String(props.EventSourceArn ?? '');
    if (!sourceArn.startsWith('arn:aws:sqs:')) {
      throw new UnsupportedTemplateError(where, `only SQS event sources run locally, not ${sourceArn}`);
    }
    const responseTypes = (props.FunctionResponseTypes as string[] | undefined) ?? [];
    model.eventSourceMappings.push({
      id,
      functionName: functionNameFromArn(String(props.FunctionName)),
      queueName: queueNameFromArn(sourceArn, where),
      batchSize: Number(props.BatchSize ?? 10),
      maxBatchingWindowSeconds: Number(props.MaximumBatchingWindowInSeconds ?? 0),
      reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
      enabled: props.Enabled !== false && props.Enabled !== 'false',
    });
  },
};
