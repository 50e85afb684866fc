// Event catalogue: RiskOverrideChanged, sent to RecomputeQueue (FIFO, group = council) when an adviser sets
// or lifts an override of a council's band, so the council is reassessed with it at once.
import * as z from 'zod';

export const RiskOverrideChangedV1Schema = z.strictObject({
  type: z.literal('RiskOverrideChanged'),
  version: z.literal(1),
  /** `{la}#override#{setAt}`: the same change always has the same id. */
  eventId: z.string().regex(/^\d{3}#override#.+$/),
  occurredAt: z.iso.datetime(),
  la: z.string().regex(/^\d{3}$/),
  change: z.enum(['set', 'lifted']),
});
export type RiskOverrideChangedV1 = z.infer<typeof RiskOverrideChangedV1Schema>;

export function riskOverrideChangedMessage(event: RiskOverrideChangedV1): {
  body: string;
  groupId: string;
  deduplicationId: string;
} {
  return {
    body: JSON.stringify(RiskOverrideChangedV1Schema.parse(event)),
    groupId: event.la,
    deduplicationId: event.eventId,
  };
}
