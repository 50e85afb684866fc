// Port: where soft intelligence items, their audit trails and their unsent change events are kept.
import type { IntelligenceChangedV1 } from '../../events/intelligence-changed.ts';
import type { AuditEntry, IntelligenceItem, IntelligenceSignal } from '../domain/intelligence.ts';

/** One create, amendment or withdrawal: stored together, or not at all. */
export interface IntelligenceChange {
  readonly item: IntelligenceItem;
  readonly audit: AuditEntry;
  /** Kept as unsent until `markChangeSent`, so a change whose event was lost is sent later. */
  readonly event: IntelligenceChangedV1;
  /** The version the adviser last read; absent for a new item. */
  readonly expectedVersion?: number;
}

export interface ListOptions {
  readonly includeWithdrawn: boolean;
}

export interface IntelligenceStore {
  /** 'conflict' when the item changed since `expectedVersion` (or already exists, for a new item). */
  saveChange(change: IntelligenceChange): Promise<'saved' | 'conflict'>;
  getItem(itemId: string): Promise<IntelligenceItem | undefined>;
  /** The item with its audit trail, oldest entry first. */
  getWithAudit(itemId: string): Promise<{ item: IntelligenceItem; audit: AuditEntry[] } | undefined>;
  /** Newest observation first. */
  listForCouncil(la: string, options: ListOptions): Promise<IntelligenceItem[]>;
  listForRegion(region: string, options: ListOptions): Promise<IntelligenceItem[]>;
  /** What the risk engine sees: the council's items that count on `asOf` (yyyy-mm-dd), without narratives. */
  activeSignals(la: string, asOf: string): Promise<IntelligenceSignal[]>;
  /** Change events saved but not yet known to be sent, oldest first. */
  unsentChanges(limit: number): Promise<IntelligenceChangedV1[]>;
  markChangeSent(event: IntelligenceChangedV1): Promise<void>;
}

/** Sends one message to the recompute queue. */
export type PublishChange = (message: {
  body: string;
  groupId: string;
  deduplicationId: string;
}) => Promise<void>;
