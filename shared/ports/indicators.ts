// Port: indicator values derived from councils' returns, the recomputed indicators with their benchmarks,
// and the record that a recompute has been done (for idempotency). Council-level figures only.
import type { CouncilIndicatorResult } from '../domain/indicators/compute.ts';
import type { ReturnType } from '../domain/returns/catalogue.ts';

/** One indicator value worked out from a council's return. */
export interface UploadedIndicatorValue {
  readonly indicator: string;
  readonly value: number;
  readonly numerator?: number;
  readonly denominator?: number;
  /**
   * Where the denominator came from: the return itself, or DfE's published child population for the
   * council (a rate per 10,000 children needs a population the return does not carry).
   */
  readonly denominatorSource?: 'return' | 'published-population';
}

/** Every value derived from a council's current return of one type for one period. */
export interface UploadedValueSet {
  readonly la: string;
  readonly region: string;
  readonly period: number;
  /** 'inyear' sets are provisional in-year values; the others are statutory returns (uploaded). */
  readonly returnType: ReturnType;
  readonly submissionId: string;
  readonly ingestedAt: string;
  readonly values: readonly UploadedIndicatorValue[];
}

/** A recomputed indicator as stored: the domain result and the recompute that made it. */
export interface StoredIndicatorResult extends CouncilIndicatorResult {
  /** The council's region slug (`region` is the region's published figure). */
  readonly regionSlug: string;
  readonly eventId: string;
  readonly computedAt: string;
}

/** Proof that the recompute for an event finished (its IndicatorsRecomputed was sent). */
export interface RecomputeRecord {
  readonly eventId: string;
  readonly la: string;
  readonly periods: readonly number[];
  readonly submissionId: string;
  readonly completedAt: string;
  /** Epoch seconds after which the record may be deleted (the table's TTL attribute). */
  readonly expiresAt: number;
}

/** The reads the API needs: uploaded values, for the councils a caller may see. */
export interface UploadedValueReader {
  /** All of one council's value sets, every period and return type. */
  uploadedForCouncil(la: string): Promise<UploadedValueSet[]>;
  /** The value sets of every council in a region, optionally only for periods from..to (inclusive). */
  uploadedInRegion(region: string, periods?: { from: number; to: number }): Promise<UploadedValueSet[]>;
}

export interface IndicatorStore extends UploadedValueReader {
  recomputeRecord(eventId: string): Promise<RecomputeRecord | undefined>;
  /** Replaces the council's set for the period and return type (a later submission replaces an earlier one). */
  saveUploadedValues(set: UploadedValueSet): Promise<void>;
  /** Replaces the stored results of these indicators for the council and period. */
  saveResults(results: readonly StoredIndicatorResult[]): Promise<void>;
  /** Records the recompute as done; false when it was already recorded. */
  markRecomputed(record: RecomputeRecord): Promise<boolean>;
  results(la: string, period: number): Promise<StoredIndicatorResult[]>;
  resultsForIndicator(indicator: string, period: number): Promise<StoredIndicatorResult[]>;
}
