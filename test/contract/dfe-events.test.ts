// Contract: the DfE summary's samples are real AWS event shapes (Powertools' schemas) whose bodies our own
// schemas accept, and the DigestQueue messages carry nothing a DfE reader must not see.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APIGatewayProxyEventV2Schema, SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import {
  CouncilBandChangedV1Schema,
  councilBandChangedMessage,
  DigestMessageSchema,
  SummaryEmailDueV1Schema,
  WeeklySummaryScheduleSchema,
} from '../../events/dfe-digest.ts';
import { TOKEN } from '../../shared/domain/dfe-subscriptions.ts';

const samplesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'events',
  'samples',
);
const sample = (name: string) => JSON.parse(readFileSync(path.join(samplesDir, name), 'utf8'));

describe('DfE summary event samples', () => {
  it('the weekly schedule input is what dfe-summary accepts, and nothing else is', () => {
    expect(WeeklySummaryScheduleSchema.safeParse(sample('dfe-summary.weekly-schedule.json')).success).toBe(
      true,
    );
    expect(WeeklySummaryScheduleSchema.safeParse({ summary: 'daily' }).success).toBe(false);
    expect(WeeklySummaryScheduleSchema.safeParse({}).success).toBe(false);
  });

  it('the DigestQueue samples are SQS events carrying one CouncilBandChanged and one SummaryEmailDue', () => {
    const change = SqsSchema.parse(sample('dfe-digest.council-band-changed-via-sqs.json'));
    expect(DigestMessageSchema.parse(JSON.parse(change.Records[0]!.body)).type).toBe('CouncilBandChanged');
    const email = SqsSchema.parse(sample('dfe-digest.summary-email-due-via-sqs.json'));
    expect(SummaryEmailDueV1Schema.parse(JSON.parse(email.Records[0]!.body)).summaryId).toBe('2026-W48');
  });

  it('refuses a DigestQueue message that names a council in its summary id, or has extra fields', () => {
    const due = {
      type: 'SummaryEmailDue',
      version: 1,
      summaryId: '2026-W48',
      subscriptionId: 'SUB-0123456789ABCDEF0123',
    };
    expect(DigestMessageSchema.safeParse(due).success).toBe(true);
    expect(DigestMessageSchema.safeParse({ ...due, summaryId: 'change-886' }).success).toBe(false);
    expect(DigestMessageSchema.safeParse({ ...due, narrative: 'text' }).success).toBe(false);
    expect(DigestMessageSchema.safeParse({ ...due, type: 'Other' }).success).toBe(false);
  });

  it('the feeds API samples are payload 2.0 events; the one-click unsubscribe comes without a JWT', () => {
    const atom = APIGatewayProxyEventV2Schema.parse(sample('feeds-api.get-atom.json'));
    expect(atom.routeKey).toBe('GET /feeds/dfe.atom');
    const unsubscribe = APIGatewayProxyEventV2Schema.parse(sample('feeds-api.one-click-unsubscribe.json'));
    expect(unsubscribe.routeKey).toBe('POST /subscriptions/unsubscribe');
    expect(unsubscribe.requestContext.authorizer).toBeUndefined();
    expect(unsubscribe.body).toBe('List-Unsubscribe=One-Click');
    expect(TOKEN.test(unsubscribe.queryStringParameters!.token!)).toBe(true);
  });

  it('the message recompute sends with a RiskChanged keeps only the band change, never drivers or narratives', () => {
    const body = councilBandChangedMessage({
      eventId: '886#4',
      occurredAt: '2026-11-23T10:21:03.118Z',
      la: '886',
      assessmentVersion: 4,
      from: 'amber',
      to: 'red',
      ...{ topDrivers: [{ kind: 'intelligence', text: 'Serious incident', red: true }] },
    } as Parameters<typeof councilBandChangedMessage>[0]);
    const parsed = CouncilBandChangedV1Schema.parse(JSON.parse(body));
    expect(Object.keys(parsed).sort()).toEqual(
      ['assessmentVersion', 'eventId', 'from', 'la', 'occurredAt', 'to', 'type', 'version'].sort(),
    );
  });
});
