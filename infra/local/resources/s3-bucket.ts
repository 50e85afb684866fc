// AWS::S3::Bucket → a fauxqs bucket, and its queue notifications; Custom::S3BucketNotifications (CDK's way
// of adding notifications to a bucket) → the same notifications.
import { UnsupportedTemplateError } from '../intrinsics.ts';
import { LOCAL_REGION, type LocalBucketNotification } from '../local-model.ts';
import { queueNameFromArn } from './arns.ts';
import type { ResourceTranslator } from './translator.ts';

const sanitizeBucketName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 63)
    .replace(/-+$/, '');

export const s3Bucket: ResourceTranslator = {
  names: ({ id, stackName, explicit }) => {
    const name = explicit('BucketName') ?? sanitizeBucketName(`${stackName}-${id}`);
    return {
      ref: name,
      atts: {
        Arn: `arn:aws:s3:::${name}`,
        DomainName: `${name}.s3.amazonaws.com`,
        RegionalDomainName: `${name}.s3.${LOCAL_REGION}.amazonaws.com`,
      },
    };
  },
  translate: ({ id, props, ref, where }, { model }) => {
    model.buckets.push({
      id,
      name: ref,
      ...(props.CorsConfiguration ? { cors: props.CorsConfiguration } : {}),
    });
    const config = props.NotificationConfiguration as Record<string, unknown> | undefined;
    if (config) model.notifications.push(...bucketNotifications(ref, config, where));
  },
};

export const s3BucketNotifications: ResourceTranslator = {
  translate: ({ props, where }, { model }) => {
    const config = (props.NotificationConfiguration ?? {}) as Record<string, unknown>;
    model.notifications.push(...bucketNotifications(String(props.BucketName), config, where));
  },
};

/** The bucket a domain name (DomainName or RegionalDomainName) points at, or undefined. */
export function bucketOfDomainName(domainName: string): string | undefined {
  return /^(.+)\.s3[.-]/.exec(domainName)?.[1];
}

/** Accepts both the CloudFormation shape (AWS::S3::Bucket) and the S3 API shape (CDK's notifications resource). */
function bucketNotifications(
  bucketName: string,
  config: Record<string, unknown>,
  where: string,
): LocalBucketNotification[] {
  for (const unsupported of [
    'LambdaConfigurations',
    'LambdaFunctionConfigurations',
    'TopicConfigurations',
    'EventBridgeConfiguration',
  ]) {
    const value = config[unsupported];
    if ((Array.isArray(value) && value.length > 0) || (!Array.isArray(value) && value)) {
      throw new UnsupportedTemplateError(
        where,
        `${unsupported} notifications are not delivered locally; use a queue`,
      );
    }
  }
  const queueConfigs = (config.QueueConfigurations as Record<string, unknown>[] | undefined) ?? [];
  return queueConfigs.map((entry) => {
    const events = (entry.Events as string[] | undefined) ?? [String(entry.Event)];
    const filter = entry.Filter as
      | {
          S3Key?: { Rules?: { Name: string; Value: string }[] };
          Key?: { FilterRules?: { Name: string; Value: string }[] };
        }
      | undefined;
    const rules = filter?.S3Key?.Rules ?? filter?.Key?.FilterRules ?? [];
    const rule = (name: string) => rules.find((candidate) => candidate.Name.toLowerCase() === name)?.Value;
    const prefix = rule('prefix');
    const suffix = rule('suffix');
    return {
      source: where,
      bucketName,
      queueName: queueNameFromArn(String(entry.QueueArn ?? entry.Queue), where),
      events,
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
    };
  });
}
