// Port: DfE summaries, each kept under its id (which makes publishing idempotent), the latest one with the
// bands it was built from, and every council's current risk band to build the next one from.
import type { BandsByCouncil, DfeSummary, Materiality } from '../domain/dfe-summary.ts';

export interface StoredSummary {
  /** What DfE sees. */
  readonly summary: DfeSummary;
  /** Internal only, never published: the bands the summary was built from, to measure the next movement. */
  readonly bands: BandsByCouncil;
  readonly materiality: Materiality;
}

export interface SummaryStore {
  /** Every council's current band, by council code; councils never assessed are absent. */
  currentBands(councils: readonly string[]): Promise<BandsByCouncil>;
  get(summaryId: string): Promise<StoredSummary | undefined>;
  latest(): Promise<StoredSummary | undefined>;
  /** The published summaries, newest first. */
  recent(limit: number): Promise<DfeSummary[]>;
  /** 'duplicate' when a summary with this id was already saved: it is never overwritten. */
  save(stored: StoredSummary): Promise<'saved' | 'duplicate'>;
}
