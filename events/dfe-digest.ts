// Event catalogue: the weekly schedule's input to dfe-summary, and the messages on DigestQueue (standard
// queue), consumed by the dfe-digest function.
//   CouncilBandChanged  sent by recompute with each RiskChanged whose band changed: a prompt to check whether
//                       the national picture changed materially since the last DfE summary. Internal only: it
//                       names a council, and nothing of it is published.
//   SummaryEmailDue     one per confirmed subscriber whose preference matches a published summary; the
//                       consumer sends that subscriber one email, once (keyed on summary + subscription).
import * as z from 'zod';
import { SUBSCRIPTION_ID } from '../shared/domain/dfe-subscriptions.ts';
import { SUMMARY_ID } from '../shared/domain/dfe-summary.ts';
import { RISK_BANDS } from '../shared/domain/risk/model.ts';

/** What the weekly schedule sends the dfe-summary function (its target Input). */
export const WEEKLY_SUMMARY_INPUT = { summary: 'weekly' } as const;
export const WeeklySummaryScheduleSchema = z.looseObject({ summary: z.literal('weekly') });

export const CouncilBandChangedV1Schema = z.strictObject({
  type: z.literal('CouncilBandChanged'),
  version: z.literal(1),
  /** The RiskChanged it accompanies: `{la}#{assessmentVersion}`. */
  eventId: z.string().regex(/^\d{3}#\d+$/),
  occurredAt: z.iso.datetime(),
  la: z.string().regex(/^\d{3}$/),
  assessmentVersion: z.number().int().positive(),
  from: z.enum(RISK_BANDS).nullable(),
  to: z.enum(RISK_BANDS),
});
export type CouncilBandChangedV1 = z.infer<typeof CouncilBandChangedV1Schema>;

export const SummaryEmailDueV1Schema = z.strictObject({
  type: z.literal('SummaryEmailDue'),
  version: z.literal(1),
  summaryId: z.string().regex(SUMMARY_ID),
  subscriptionId: z.string().regex(SUBSCRIPTION_ID),
});
export type SummaryEmailDueV1 = z.infer<typeof SummaryEmailDueV1Schema>;

export const DigestMessageSchema = z.discriminatedUnion('type', [
  CouncilBandChangedV1Schema,
  SummaryEmailDueV1Schema,
]);
export type DigestMessage = z.infer<typeof DigestMessageSchema>;

/** The DigestQueue message that accompanies a RiskChanged event, when its band changed. */
export function councilBandChangedMessage(riskChanged: {
  eventId: string;
  occurredAt: string;
  la: string;
  assessmentVersion: number;
  from: (typeof RISK_BANDS)[number] | null;
  to: (typeof RISK_BANDS)[number];
}): string {
  return JSON.stringify(
    CouncilBandChangedV1Schema.parse({
      type: 'CouncilBandChanged',
      version: 1,
      eventId: riskChanged.eventId,
      occurredAt: riskChanged.occurredAt,
      la: riskChanged.la,
      assessmentVersion: riskChanged.assessmentVersion,
      from: riskChanged.from,
      to: riskChanged.to,
    }),
  );
}
