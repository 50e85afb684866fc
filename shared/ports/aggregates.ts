// Port: council-level aggregates from ingested returns (numerators and denominators; nothing child-level).
import type { InYearMonth } from '../domain/inyear/months.ts';
import type { ReturnType } from '../domain/returns/catalogue.ts';

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
  /**
   * When the council declared the return (the submission's createdAt): corrections take effect in the order
   * they were sent, whatever order they are ingested in. Figures stored before it was kept have none.
   */
  readonly submittedAt?: string;
  readonly children: number;
  readonly indicators: Readonly<Record<string, IndicatorRatio>>;
  /** Council-level figures a return yields besides the indicators (workforce FTEs, in-year totals). */
  readonly figures?: Readonly<Record<string, number | null>>;
  /** In-year returns: the council's current figures for each month of the year (revisions applied). */
  readonly months?: readonly InYearMonth[];
}

/** Another ingestion changed the council's current figures between reading and writing them. */
export class StaleAggregatesError extends Error {
  override readonly name = 'StaleAggregatesError';
}

export interface AggregateStore {
  /**
   * Keeps these aggregates (history is never overwritten) and makes them the council's current figures
   * for the year. Returns the submission whose figures they replace, if any.
   */
  saveReturnAggregates(
    aggregates: ReturnAggregates,
    options?: {
      /**
       * Write the current figures only if they are still those of this submission (null: none yet); otherwise
       * throw StaleAggregatesError. For returns merged with the current figures (in-year months).
       */
      readonly expectCurrent?: string | null;
    },
  ): Promise<{ superseded?: string }>;
  currentAggregates(
    la: string,
    returnType: ReturnType,
    collectionYear: number,
  ): Promise<ReturnAggregates | undefined>;
}
