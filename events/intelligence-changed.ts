// Event catalogue: IntelligenceChanged, sent to RecomputeQueue (FIFO, one message group per council) when an
// adviser creates, amends or withdraws a soft intelligence item, so the council's risk rating is recomputed.
// It names the item and the kind of change only: never its narrative, source or ratings, which the
// recompute reads from the store.
import * as z from 'zod';
import { INTELLIGENCE_ITEM_ID, itemIdCouncil } from '../shared/domain/intelligence.ts';

const INTELLIGENCE_CHANGE_KINDS = ['created', 'amended', 'withdrawn'] as const;
export type IntelligenceChangeKind = (typeof INTELLIGENCE_CHANGE_KINDS)[number];

// Strict, so a field added by mistake (a narrative) fails here rather than reaching the queue.
export const IntelligenceChangedV1Schema = z
  .strictObject({
    type: z.literal('IntelligenceChanged'),
    version: z.literal(1),
    /** `{itemId}#{itemVersion}`: the same change always has the same id. Consumers deduplicate on it. */
    eventId: z.string().regex(/^INT-\d{3}-\d{8}-[0-9A-F]{10}#\d+$/),
    occurredAt: z.iso.datetime(),
    la: z.string().regex(/^\d{3}$/),
    itemId: z.string().regex(INTELLIGENCE_ITEM_ID),
    /** The item's version after the change. */
    itemVersion: z.number().int().positive(),
    change: z.enum(INTELLIGENCE_CHANGE_KINDS),
  })
  .refine((event) => event.eventId === `${event.itemId}#${event.itemVersion}`, {
    message: 'eventId must be {itemId}#{itemVersion}',
    path: ['eventId'],
  })
  .refine((event) => itemIdCouncil(event.itemId) === event.la, {
    message: 'la must be the council the item id names',
    path: ['la'],
  });
export type IntelligenceChangedV1 = z.infer<typeof IntelligenceChangedV1Schema>;

export function intelligenceChangedEventId(itemId: string, itemVersion: number): string {
  return `${itemId}#${itemVersion}`;
}

/** FIFO attributes: a council's recomputes run in order; a repeated send within 5 minutes is dropped. */
export function intelligenceChangedMessage(event: IntelligenceChangedV1): {
  body: string;
  groupId: string;
  deduplicationId: string;
} {
  return {
    body: JSON.stringify(IntelligenceChangedV1Schema.parse(event)),
    groupId: event.la,
    deduplicationId: event.eventId,
  };
}
