// Event catalogue: RiskReviewDue, sent to RecomputeQueue (FIFO, group = council) for every council by the
// daily risk review, so that time alone moves a band when it should: intelligence decays, overrides end,
// dwell periods run out, and councils that have sent nothing yet are assessed on published figures.
import * as z from 'zod';

export const RiskReviewDueV1Schema = z.strictObject({
  type: z.literal('RiskReviewDue'),
  version: z.literal(1),
  /** `{la}#review#{yyyy-mm-dd}`: one review per council per day, however often the schedule fires. */
  eventId: z.string().regex(/^\d{3}#review#\d{4}-\d{2}-\d{2}$/),
  occurredAt: z.iso.datetime(),
  la: z.string().regex(/^\d{3}$/),
});
export type RiskReviewDueV1 = z.infer<typeof RiskReviewDueV1Schema>;

export function riskReviewDueMessage(event: RiskReviewDueV1): {
  body: string;
  groupId: string;
  deduplicationId: string;
} {
  return {
    body: JSON.stringify(RiskReviewDueV1Schema.parse(event)),
    groupId: event.la,
    deduplicationId: event.eventId,
  };
}
