// Event catalogue: IndicatorsRecomputed, sent to AlertQueue (FIFO, one message group per region) when a
// council's indicators have been recomputed after a ReturnIngested. It carries council-level figures and
// their benchmarks only — never anything about a child — for the risk and notify functions.
import * as z from 'zod';
import { RETURN_TYPES } from '../shared/domain/returns/catalogue.ts';

const provenance = z.enum(['published', 'uploaded', 'inyear']);
const side = z.enum(['above', 'within', 'below']);

const RecomputedIndicatorV1Schema = z.object({
  indicator: z.string().min(1),
  period: z.number().int(),
  value: z.number().nullable(),
  provenance: provenance.nullable(),
  band: z.enum(['A', 'B', 'C', 'D']).nullable(),
  rank: z.number().int().positive().nullable(),
  outOf: z.number().int().positive().nullable(),
  england: z.number().nullable(),
  region: z.number().nullable(),
  statNeighbourMean: z.number().nullable(),
  /** Change on the previous period, in the indicator's unit, and how it reads by polarity. */
  change: z.number().nullable(),
  direction: z.enum(['improved', 'worsened', 'unchanged', 'context']).nullable(),
  funnel95: side.nullable(),
  funnel998: side.nullable(),
  belowMinimumDenominator: z.boolean(),
});
export type RecomputedIndicatorV1 = z.infer<typeof RecomputedIndicatorV1Schema>;

export const IndicatorsRecomputedV1Schema = z.object({
  type: z.literal('IndicatorsRecomputed'),
  version: z.literal(1),
  /**
   * The eventId of the ReturnIngested that caused the recompute, so one ingestion gives one event however
   * often it is delivered. Consumers deduplicate on it.
   */
  eventId: z.string().min(8),
  occurredAt: z.iso.datetime(),
  la: z.string().regex(/^\d{3}$/),
  /** Region slug; also the FIFO message group, so a region's alerts are handled in order. */
  region: z.string().min(1),
  returnType: z.enum(RETURN_TYPES),
  collectionYear: z.number().int().min(2013),
  /** The submission whose figures were used (a later correction may have replaced the event's own). */
  submissionId: z.string().min(8),
  baselineVersion: z.string().min(1),
  /** The periods recomputed: the return's year, and the next year when the council has figures for it. */
  periods: z.array(z.number().int()).min(1),
  indicators: z.array(RecomputedIndicatorV1Schema),
  /** Figures in the return that could not become indicator values, with the reason. */
  skipped: z.array(z.object({ indicator: z.string(), reason: z.string() })),
});
export type IndicatorsRecomputedV1 = z.infer<typeof IndicatorsRecomputedV1Schema>;

/** FIFO attributes: one group per region; a repeated send of the same recompute within 5 minutes is dropped. */
export function indicatorsRecomputedMessage(event: IndicatorsRecomputedV1): {
  body: string;
  groupId: string;
  deduplicationId: string;
} {
  return {
    body: JSON.stringify(IndicatorsRecomputedV1Schema.parse(event)),
    groupId: event.region,
    deduplicationId: event.eventId,
  };
}
