// The uploads bucket's CORS: councils' browsers put files straight to their presigned addresses, from the
// web app's origin only, with exactly the headers those addresses need; no other bucket answers browsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, type Synthesized, synthesize } from './helpers/synth.ts';

const APP_URL = 'https://upstream.example.gov.uk';
const OTHER_ORIGIN = 'https://upstream-admin.example.gov.uk';

describe('uploads bucket CORS', () => {
  let stage: Synthesized;
  let dev: Synthesized;
  beforeAll(() => {
    stage = synthesize({
      bundle: false,
      context: {
        stage: 'test',
        stages: { test: { removalPolicy: 'destroy', appUrl: APP_URL, allowedOrigins: [OTHER_ORIGIN] } },
      },
    });
    dev = synthesize({ bundle: false });
  }, 120_000);
  afterAll(() => {
    stage?.cleanup();
    dev?.cleanup();
  });

  const corsOf = (synth: Synthesized) =>
    resourcesOfType(synth.templates, 'AWS::S3::Bucket')
      .filter(([, , bucket]) => bucket.Properties?.CorsConfiguration)
      .map(([, id, bucket]) => [id, bucket.Properties!.CorsConfiguration] as const);

  it('allows PUT from the app’s own address and the stage’s origins, with the presigned PUT’s headers', () => {
    const buckets = corsOf(stage);
    expect(buckets.map(([id]) => id)).toEqual([expect.stringMatching(/^UploadsBucket/)]);
    expect(buckets[0]![1]).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['PUT'],
          AllowedOrigins: [APP_URL, OTHER_ORIGIN],
          AllowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'if-none-match'],
          ExposedHeaders: ['ETag'],
          MaxAge: 3000,
        },
      ],
    });
  });

  it('allows the local app’s origin in the development stage the local cloud runs', () => {
    const [[, cors]] = corsOf(dev) as [readonly [string, { CorsRules: { AllowedOrigins: string[] }[] }]];
    expect(cors.CorsRules.map((rule) => rule.AllowedOrigins)).toEqual([['http://127.0.0.1:3000']]);
  });
});
