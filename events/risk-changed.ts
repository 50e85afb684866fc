// Event catalogue: RiskChanged, sent to AlertQueue (FIFO, one message group per region) when a council's
// risk band changes or a new red driver appears. For regional advisers only: it names the band and the
// drivers (intelligence by its narrative-free label), never a narrative, and never reaches DfE feeds.
import * as z from 'zod';
import { RISK_BANDS } from '../shared/domain/risk/model.ts';

const band = z.enum(RISK_BANDS);

export const RiskChangedV1Schema = z.strictObject({
  type: z.literal('RiskChanged'),
  version: z.literal(1),
  /** `{la}#{assessmentVersion}`: the business key consumers deduplicate on. */
  eventId: z.string().regex(/^\d{3}#\d+$/),
  occurredAt: z.iso.datetime(),
  la: z.string().regex(/^\d{3}$/),
  region: z.string().min(1),
  assessmentVersion: z.number().int().positive(),
  modelVersion: z.string().min(1),
  asOf: z.iso.date(),
  from: band.nullable(),
  to: band,
  bandChanged: z.boolean(),
  /** The largest contributions, worst first, worded for a person. */
  topDrivers: z
    .array(
      z.strictObject({
        kind: z.enum(['indicator', 'intelligence', 'inyear']),
        text: z.string(),
        red: z.boolean(),
      }),
    )
    .max(5),
  newRedDrivers: z.array(z.string()),
  /** What caused the reassessment: a ReturnIngested, IntelligenceChanged or scheduled review. */
  cause: z.strictObject({ type: z.string(), eventId: z.string() }),
  /**
   * Present when the band is an adviser's override, not the model's: who set it, why (the adviser's own
   * words, for the region's advisers only) and until when, and the band the model gives.
   */
  override: z
    .strictObject({
      band,
      by: z.string().min(1),
      reason: z.string().min(1),
      expiresOn: z.iso.date(),
      modelBand: band,
    })
    .optional(),
});
export type RiskChangedV1 = z.infer<typeof RiskChangedV1Schema>;

/** FIFO attributes: one group per region (its advisers' alerts in order); dedup on council + version. */
export function riskChangedMessage(event: RiskChangedV1): {
  body: string;
  groupId: string;
  deduplicationId: string;
} {
  return {
    body: JSON.stringify(RiskChangedV1Schema.parse(event)),
    groupId: event.region,
    deduplicationId: event.eventId,
  };
}
