// In-memory implementations of the indicator and aggregate ports: for unit tests of the use cases and for
// timing a recompute in-process (scripts/bench-recompute.ts). They keep the stores' contracts, including
// the recompute record that can be written only once.
import { findCouncil } from '../domain/councils.ts';
import type { ReturnType } from '../domain/returns/catalogue.ts';
import { type AggregateStore, type ReturnAggregates, StaleAggregatesError } from '../ports/aggregates.ts';
import type {
  IndicatorStore,
  RecomputeRecord,
  StoredIndicatorResult,
  UploadedValueSet,
} from '../ports/indicators.ts';
import { setKey } from './indicator-values.ts';

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryIndicatorStore implements IndicatorStore {
  readonly sets = new Map<string, UploadedValueSet>();
  readonly stored = new Map<string, StoredIndicatorResult>();
  readonly records = new Map<string, RecomputeRecord>();
  /** Every write, in order, so a test can check that a redelivery wrote nothing. */
  readonly writes: string[] = [];

  async recomputeRecord(eventId: string): Promise<RecomputeRecord | undefined> {
    const record = this.records.get(eventId);
    return record && copy(record);
  }

  async saveUploadedValues(set: UploadedValueSet): Promise<void> {
    this.writes.push(`uploaded ${setKey(set)}`);
    this.sets.set(setKey(set), copy(set));
  }

  async saveResults(results: readonly StoredIndicatorResult[]): Promise<void> {
    for (const result of results) {
      this.writes.push(`result ${result.la}|${result.period}|${result.indicator}`);
      this.stored.set(`${result.la}|${result.period}|${result.indicator}`, copy(result));
    }
  }

  async markRecomputed(record: RecomputeRecord): Promise<boolean> {
    if (this.records.has(record.eventId)) return false;
    this.writes.push(`record ${record.eventId}`);
    this.records.set(record.eventId, copy(record));
    return true;
  }

  async uploadedForCouncil(la: string): Promise<UploadedValueSet[]> {
    return [...this.sets.values()].filter((set) => set.la === la).map(copy);
  }

  async uploadedInRegion(
    region: string,
    periods?: { from: number; to: number },
  ): Promise<UploadedValueSet[]> {
    return [...this.sets.values()]
      .filter(
        (set) =>
          set.region === region && (!periods || (set.period >= periods.from && set.period <= periods.to)),
      )
      .map(copy);
  }

  async results(la: string, period: number): Promise<StoredIndicatorResult[]> {
    return [...this.stored.values()].filter((r) => r.la === la && r.period === period).map(copy);
  }

  async resultsForIndicator(indicator: string, period: number): Promise<StoredIndicatorResult[]> {
    return [...this.stored.values()]
      .filter((r) => r.indicator === indicator && r.period === period)
      .map(copy);
  }
}

/** Whether `current` was declared after `incoming` (by ingestion time where either predates submittedAt). */
function declaredLater(current: ReturnAggregates, incoming: ReturnAggregates): boolean {
  return current.submittedAt && incoming.submittedAt
    ? current.submittedAt > incoming.submittedAt
    : current.ingestedAt > incoming.ingestedAt;
}

export class InMemoryAggregateStore implements AggregateStore {
  private readonly current = new Map<string, ReturnAggregates>();
  /** Every set of aggregates saved, in order (the history items). */
  readonly history: ReturnAggregates[] = [];

  async saveReturnAggregates(
    aggregates: ReturnAggregates,
    options: { readonly expectCurrent?: string | null } = {},
  ): Promise<{ superseded?: string }> {
    if (!findCouncil(aggregates.la)) throw new Error(`Unknown council ${aggregates.la}`);
    const key = `${aggregates.la}|${aggregates.returnType}|${aggregates.collectionYear}`;
    const previous = this.current.get(key);
    this.history.push(copy(aggregates));
    if (previous?.submissionId === aggregates.submissionId) return {};
    if (options.expectCurrent !== undefined && (previous?.submissionId ?? null) !== options.expectCurrent)
      throw new StaleAggregatesError(`The current figures for ${key} changed while merging`);
    if (options.expectCurrent === undefined && previous && declaredLater(previous, aggregates)) return {};
    this.current.set(key, copy(aggregates));
    return previous && previous.submissionId !== aggregates.submissionId
      ? { superseded: previous.submissionId }
      : {};
  }

  async currentAggregates(
    la: string,
    returnType: ReturnType,
    collectionYear: number,
  ): Promise<ReturnAggregates | undefined> {
    const found = this.current.get(`${la}|${returnType}|${collectionYear}`);
    return found && copy(found);
  }
}
