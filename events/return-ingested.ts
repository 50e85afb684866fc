// Event catalogue: ReturnIngested, sent to RecomputeQueue (FIFO, one message group per council) when a
// return has been accepted and its aggregates stored. It carries no child-level data.
import * as z from 'zod';
import { RETURN_TYPES } from '../shared/domain/returns/catalogue.ts';

export const ReturnIngestedV1Schema = z.object({
  type: z.literal('ReturnIngested'),
  version: z.literal(1),
  /** Unique per ingestion: the submission id. Consumers deduplicate on it. */
  eventId: z.string().min(8),
  occurredAt: z.iso.datetime(),
  la: z.string().regex(/^\d{3}$/),
  returnType: z.enum(RETURN_TYPES),
  collectionYear: z.number().int().min(2013),
  submissionId: z.string().min(8),
  status: z.enum(['accepted', 'accepted_with_issues']),
  /** The submission whose figures this one replaces for the same council, return and year. */
  supersedes: z.string().optional(),
});
export type ReturnIngestedV1 = z.infer<typeof ReturnIngestedV1Schema>;

/** FIFO attributes: recomputes for one council run in order; a repeated send within 5 minutes is dropped. */
export function returnIngestedMessage(event: ReturnIngestedV1): {
  body: string;
  groupId: string;
  deduplicationId: string;
} {
  return {
    body: JSON.stringify(ReturnIngestedV1Schema.parse(event)),
    groupId: event.la,
    deduplicationId: event.eventId,
  };
}
