// AWS::CloudFront::Distribution → the paths it serves from a bucket (its S3-origin behaviours);
// Custom::CDKBucketDeployment → the files a deploy copies into a bucket, from the folders staged in cdk.out.
// Locally the gateway serves those paths from those folders, so it serves exactly what a deploy uploads.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UnsupportedTemplateError } from '../intrinsics.ts';
import { bucketOfDomainName } from './s3-bucket.ts';
import type { ResourceTranslator } from './translator.ts';

interface DistributionConfig {
  readonly Origins?: readonly { Id: string; DomainName?: string; S3OriginConfig?: unknown }[];
  readonly CacheBehaviors?: readonly { PathPattern: string; TargetOriginId: string }[];
  readonly DefaultCacheBehavior?: { TargetOriginId: string };
}

export const cloudFrontDistribution: ResourceTranslator = {
  translate: ({ props }, { model }) => {
    const config = (props.DistributionConfig ?? {}) as DistributionConfig;
    const behaviours = [
      ...(config.CacheBehaviors ?? []),
      ...(config.DefaultCacheBehavior ? [{ ...config.DefaultCacheBehavior, PathPattern: '*' }] : []),
    ];
    for (const behaviour of behaviours) {
      const origin = config.Origins?.find((candidate) => candidate.Id === behaviour.TargetOriginId);
      const bucketName = origin?.S3OriginConfig ? bucketOfDomainName(String(origin.DomainName)) : undefined;
      // Other origins (the HTTP API) are the local gateway itself.
      if (bucketName) model.staticRoutes.push({ pathPattern: behaviour.PathPattern, bucketName });
    }
  },
};

export const bucketDeployment: ResourceTranslator = {
  translate: ({ props, where }, { model, assemblyDir }) => {
    const markers = (props.SourceMarkers as unknown[] | undefined) ?? [];
    if (markers.some((marker) => marker && Object.keys(marker).length > 0)) {
      throw new UnsupportedTemplateError(where, 'sources with deploy-time values are not copied locally');
    }
    const directories = ((props.SourceObjectKeys as string[] | undefined) ?? []).map((key) => {
      const directory = path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
      if (!existsSync(directory) || !statSync(directory).isDirectory()) {
        throw new UnsupportedTemplateError(
          where,
          `its source ${key} is not a folder staged in the cloud assembly`,
        );
      }
      return directory;
    });
    model.bucketDeployments.push({
      bucketName: String(props.DestinationBucketName),
      keyPrefix: String(props.DestinationBucketKeyPrefix ?? ''),
      directories,
    });
  },
};
