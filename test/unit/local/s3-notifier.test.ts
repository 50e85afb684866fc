import { describe, expect, it } from 'vitest';
import { decodeS3Key } from '../../../events/s3-notification.ts';
import type { LocalBucketNotification } from '../../../infra/local/model.ts';
import {
  encodeS3EventKey,
  notificationMatches,
  objectCreatedEventName,
} from '../../../infra/local/s3-notifier.ts';

const request = (method: string, query = '', headers: Record<string, string> = {}, statusCode = 200) => ({
  method,
  query: new URLSearchParams(query),
  headers,
  statusCode,
});

describe('S3 notifications', () => {
  it('recognises object-created requests and nothing else', () => {
    expect(objectCreatedEventName(request('PUT'))).toBe('ObjectCreated:Put');
    expect(objectCreatedEventName(request('PUT', '', { 'x-amz-copy-source': 'b/k' }))).toBe(
      'ObjectCreated:Copy',
    );
    expect(objectCreatedEventName(request('POST', 'uploadId=abc'))).toBe(
      'ObjectCreated:CompleteMultipartUpload',
    );
    expect(objectCreatedEventName(request('PUT', 'partNumber=1&uploadId=abc'))).toBeUndefined();
    expect(objectCreatedEventName(request('PUT', 'tagging'))).toBeUndefined();
    expect(objectCreatedEventName(request('GET'))).toBeUndefined();
    expect(objectCreatedEventName(request('PUT', '', {}, 403))).toBeUndefined();
  });

  it('URL-encodes keys as S3 does, with "+" for spaces, and the handler side decodes them back', () => {
    const key = "uploads/886/ssda903/2025/S1/Episodes (final) 100%+v2's.csv";
    const encoded = encodeS3EventKey(key);
    expect(encoded).toBe('uploads/886/ssda903/2025/S1/Episodes+%28final%29+100%25%2Bv2%27s.csv');
    expect(decodeS3Key(encoded)).toBe(key);
  });

  it('applies event, prefix and suffix filters', () => {
    const notification: LocalBucketNotification = {
      source: 'test',
      bucketName: 'uploads',
      queueName: 'q',
      events: ['s3:ObjectCreated:*'],
      prefix: 'uploads/',
      suffix: '.csv',
    };
    expect(notificationMatches(notification, 'uploads', 'uploads/a.csv', 'ObjectCreated:Put')).toBe(true);
    expect(notificationMatches(notification, 'uploads', 'reports/a.csv', 'ObjectCreated:Put')).toBe(false);
    expect(notificationMatches(notification, 'uploads', 'uploads/a.xml', 'ObjectCreated:Put')).toBe(false);
    expect(notificationMatches(notification, 'other', 'uploads/a.csv', 'ObjectCreated:Put')).toBe(false);
    const putOnly = { ...notification, events: ['s3:ObjectCreated:Put'] };
    expect(notificationMatches(putOnly, 'uploads', 'uploads/a.csv', 'ObjectCreated:Copy')).toBe(false);
  });
});
