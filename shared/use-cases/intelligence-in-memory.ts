// In-memory implementation of the intelligence port, for unit tests of the use cases (the risk engine's
// too). It keeps the store's contract: a change is saved whole or not at all, only from the version read,
// and audit entries are never overwritten.

import type { IntelligenceChangedV1 } from '../../events/intelligence-changed.ts';
import { findCouncil } from '../domain/councils.ts';
import {
  type AuditEntry,
  countsOn,
  type IntelligenceItem,
  type IntelligenceSignal,
  toSignal,
} from '../domain/intelligence.ts';
import type { IntelligenceChange, IntelligenceStore, ListOptions } from '../ports/intelligence.ts';

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryIntelligenceStore implements IntelligenceStore {
  readonly items = new Map<string, IntelligenceItem>();
  readonly audit = new Map<string, AuditEntry[]>();
  readonly unsent = new Map<string, IntelligenceChangedV1>();

  async saveChange(change: IntelligenceChange): Promise<'saved' | 'conflict'> {
    const { item, audit, event, expectedVersion } = change;
    const current = this.items.get(item.itemId);
    if (expectedVersion === undefined ? current !== undefined : current?.version !== expectedVersion)
      return 'conflict';
    const trail = this.audit.get(item.itemId) ?? [];
    if (trail.some((entry) => entry.version === audit.version))
      throw new Error(`Audit entry ${item.itemId} v${audit.version} already exists`);
    this.items.set(item.itemId, copy(item));
    this.audit.set(item.itemId, [...trail, copy(audit)]);
    this.unsent.set(event.eventId, copy(event));
    return 'saved';
  }

  async getItem(itemId: string): Promise<IntelligenceItem | undefined> {
    const item = this.items.get(itemId);
    return item && copy(item);
  }

  async getWithAudit(itemId: string): Promise<{ item: IntelligenceItem; audit: AuditEntry[] } | undefined> {
    const item = this.items.get(itemId);
    return item && { item: copy(item), audit: copy(this.audit.get(itemId) ?? []) };
  }

  async listForCouncil(la: string, options: ListOptions): Promise<IntelligenceItem[]> {
    return [...this.items.values()]
      .filter((item) => item.la === la && (options.includeWithdrawn || item.status === 'active'))
      .map(copy);
  }

  async listForRegion(region: string, options: ListOptions): Promise<IntelligenceItem[]> {
    return [...this.items.values()]
      .filter(
        (item) =>
          findCouncil(item.la)?.region === region && (options.includeWithdrawn || item.status === 'active'),
      )
      .map(copy);
  }

  async activeSignals(la: string, asOf: string): Promise<IntelligenceSignal[]> {
    return (await this.listForCouncil(la, { includeWithdrawn: false }))
      .filter((item) => countsOn(item, asOf))
      .map(toSignal);
  }

  async unsentChanges(limit: number): Promise<IntelligenceChangedV1[]> {
    return [...this.unsent.values()]
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId))
      .slice(0, limit)
      .map(copy);
  }

  async markChangeSent(event: IntelligenceChangedV1): Promise<void> {
    this.unsent.delete(event.eventId);
  }
}
