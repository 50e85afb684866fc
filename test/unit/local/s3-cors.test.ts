// S3's CORS rules as the local cloud applies them: first matching rule, one wildcard, header names caseless,
// and the template's loopback origin standing for the local app wherever it runs.
import { describe, expect, it } from 'vitest';
import {
  corsResponseHeaders,
  corsRulesOf,
  preflight,
  type S3CorsRule,
  withLocalAppOrigin,
} from '../../../infra/local/s3-cors.ts';

const RULE: S3CorsRule = {
  AllowedMethods: ['PUT'],
  AllowedOrigins: ['http://127.0.0.1:3000', 'https://*.example.gov.uk'],
  AllowedHeaders: ['content-type', 'x-amz-*'],
};

describe('S3 CORS rules', () => {
  it('allows an origin matching the one wildcard and headers matching theirs, whatever their case', () => {
    const answer = preflight([RULE], {
      origin: 'https://upstream.example.gov.uk',
      method: 'PUT',
      headers: 'Content-Type, X-Amz-Checksum-Sha256',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-headers']).toBe('content-type, x-amz-checksum-sha256');
    expect(preflight([RULE], { origin: 'https://example.gov.uk.evil.com', method: 'PUT' }).status).toBe(403);
    expect(preflight([RULE], { origin: 'http://127.0.0.1:3000', method: 'DELETE' }).status).toBe(403);
    expect(preflight([RULE], { method: 'PUT' }).status).toBe(400);
  });

  it('adds headers to a request only for an allowed origin and method', () => {
    expect(corsResponseHeaders([RULE], 'http://127.0.0.1:3000', 'PUT')['access-control-allow-origin']).toBe(
      'http://127.0.0.1:3000',
    );
    expect(corsResponseHeaders([RULE], 'http://127.0.0.1:3000', 'GET')).toEqual({});
    expect(corsResponseHeaders([RULE], undefined, 'PUT')).toEqual({});
  });

  it('reads the template’s rules and puts the local app’s origin for a loopback one, and only for that', () => {
    const rules = corsRulesOf({ CorsRules: [RULE] });
    expect(withLocalAppOrigin(rules, 'http://127.0.0.1:41234')[0]!.AllowedOrigins).toEqual([
      'http://127.0.0.1:41234',
      'https://*.example.gov.uk',
    ]);
    expect(corsRulesOf(undefined)).toEqual([]);
  });
});
