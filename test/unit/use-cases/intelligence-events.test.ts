import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import {
  type IntelligenceChangedV1,
  IntelligenceChangedV1Schema,
  intelligenceChangedMessage,
} from '../../../events/intelligence-changed.ts';
import {
  amendIntelligenceSchema,
  createIntelligenceSchema,
  withdrawIntelligenceSchema,
} from '../../../shared/use-cases/intelligence.ts';

const event: IntelligenceChangedV1 = {
  type: 'IntelligenceChanged',
  version: 1,
  eventId: 'INT-886-20261123-3F9A0C12DE#2',
  occurredAt: '2026-11-23T10:00:00.000Z',
  la: '886',
  itemId: 'INT-886-20261123-3F9A0C12DE',
  itemVersion: 2,
  change: 'amended',
};

describe('IntelligenceChanged v1', () => {
  it('becomes a FIFO message grouped by council and deduplicated by item and version', () => {
    expect(intelligenceChangedMessage(event)).toEqual({
      body: JSON.stringify(event),
      groupId: '886',
      deduplicationId: 'INT-886-20261123-3F9A0C12DE#2',
    });
  });

  it('refuses any field beyond its own, so a narrative cannot ride along', () => {
    const withNarrative = { ...event, narrative: 'Something said in confidence' };
    expect(IntelligenceChangedV1Schema.safeParse(withNarrative).success).toBe(false);
    expect(() => intelligenceChangedMessage(withNarrative)).toThrow();
    expect(Object.keys(IntelligenceChangedV1Schema.shape)).not.toContain('narrative');
  });

  it.each([
    ['an event id that is not the item and version', { eventId: 'INT-886-20261123-3F9A0C12DE#3' }],
    ['a council the item id does not name', { la: '887' }],
    ['an unknown kind of change', { change: 'deleted' }],
    ['a local time', { occurredAt: '2026-11-23 10:00' }],
  ])('refuses %s', (_name, overrides) => {
    expect(IntelligenceChangedV1Schema.safeParse({ ...event, ...overrides }).success).toBe(false);
  });
});

const samplesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'events',
  'samples',
);
const sample = (name: string) =>
  APIGatewayProxyEventV2Schema.parse(
    JSON.parse(readFileSync(path.join(samplesDir, `intelligence-api.${name}.json`), 'utf8')),
  );

describe('intelligence API samples', () => {
  it('are payload 2.0 events for the routes the handler serves, from a South East adviser', () => {
    const routes = ['create-item', 'list-council', 'get-item', 'amend-item', 'withdraw-item'].map((name) => {
      const parsed = sample(name);
      expect(parsed.requestContext.authorizer?.jwt?.claims['cognito:groups']).toBe('[adviser:south-east]');
      return parsed.routeKey;
    });
    expect(routes).toEqual([
      'POST /intelligence',
      'GET /intelligence',
      'GET /intelligence/{itemId}',
      'PATCH /intelligence/{itemId}',
      'POST /intelligence/{itemId}/withdraw',
    ]);
  });

  it('carry bodies the use case accepts', () => {
    const today = '2026-11-23';
    const body = (name: string) => JSON.parse(sample(name).body ?? 'null');
    expect(createIntelligenceSchema(today).safeParse(body('create-item')).success).toBe(true);
    expect(amendIntelligenceSchema(today).safeParse(body('amend-item')).success).toBe(true);
    expect(withdrawIntelligenceSchema().safeParse(body('withdraw-item')).success).toBe(true);
  });
});
