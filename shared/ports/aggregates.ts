// Port: council-level aggregates from ingested returns (numerators and denominators; nothing child-level).
import type { ReturnType } from '../domain/upload-key.ts';

export interface IndicatorRatio {
  readonly numerator: number;
  readonly denominator: number | null;
}

export interface ReturnAggregates {
  readonly la: string;
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly submissionId: string;
  readonly ingestedAt: string;
  readonly children: number;
  readonly indicators: Readonly<Record<string, IndicatorRatio>>;
}

export interface AggregateStore {
  /**
   * Keeps these aggregates (history is never overwritten) and makes them the council's current figures
   * for the year. Returns the submission whose figures they replace, if any.
   */
  saveReturnAggregates(aggregates: ReturnAggregates): Promise<{ superseded?: string }>;
  currentAggregates(
    la: string,
    returnType: ReturnType,
    collectionYear: number,
  ): Promise<ReturnAggregates | undefined>;
}
