// Use case: what defines a return type's ingestion. Every return goes through the same pipeline (pipeline.ts):
// claim, refuse what cannot be read, read and check, degrade, aggregate, report, announce. A definition
// supplies the parts that differ: how its files are read and checked (with its schema for the year), what
// is kept of them (the degraded extract), its aggregates and the shape of its report. Its name, years and
// file kinds are in the catalogue (domain/returns/catalogue.ts) under the same key.
import type { BlockingError } from '../../domain/reading/issues.ts';
import type { ReturnType } from '../../domain/returns/catalogue.ts';
import type { ReturnAggregates } from '../../ports/aggregates.ts';
import type { Submission } from '../../ports/submissions.ts';
import type { IngestDeps } from '../ingest-deps.ts';
import type { StagedExtract } from '../staged-extract.ts';

/** A report as the pipeline stores and summarises it, whatever its shape. */
export interface IngestReport {
  readonly status: 'accepted' | 'accepted_with_issues' | 'rejected';
  readonly summary: string;
  readonly problems: number;
  /** Children in the return; null for council-level returns. */
  readonly children: number | null;
  readonly json: string;
  readonly csv: string;
}

/** The council-level figures a return stores, before the pipeline says whose they are. */
export type AggregatesDraft = Omit<
  ReturnAggregates,
  'la' | 'returnType' | 'collectionYear' | 'submissionId' | 'ingestedAt' | 'submittedAt'
>;

/** A file of the submission, streamed from storage when first read. */
export interface ReturnFile {
  readonly name: string;
  readonly body: AsyncIterable<Uint8Array>;
}

/** What a definition is given to read and check one submission. */
export interface IngestRun {
  /** The submission, its files in the order the council declared them. */
  readonly submission: Submission;
  readonly files: readonly ReturnFile[];
  readonly deps: IngestDeps;
  /** The key that pseudonymises this council's children in its extracts. */
  councilKey(): Promise<Buffer>;
  /**
   * This submission's degraded extract, staged while it is read: the pipeline moves it under curated/ if
   * the return is accepted and removes it otherwise.
   */
  extract<Table extends string>(): StagedExtract<Table>;
}

export type Checked =
  | { readonly status: 'rejected'; readonly report: IngestReport }
  | { readonly status: 'accepted'; readonly report: IngestReport; readonly aggregates: AggregatesDraft }
  | {
      readonly status: 'accepted';
      /**
       * For a return that adds to the council's current figures for the year (in-year months): the figures
       * and report given those current figures. Stored only if they are still current, else worked out again.
       */
      merge(
        current: ReturnAggregates | undefined,
        ingestedAt: string,
      ): { aggregates: AggregatesDraft; report: IngestReport };
    };

export interface ReturnDefinition {
  readonly returnType: ReturnType;
  /** The report of a submission refused before any file is read (its year, or its files' number, kind or size). */
  refused(submission: Submission, blocking: BlockingError): IngestReport;
  /** Reads and checks the files, stages the degraded extract and works out the aggregates. */
  check(run: IngestRun): Promise<Checked>;
}

/** Where an accepted return's degraded extract is kept. */
export const curatedPrefix = (
  submission: Pick<Submission, 'la' | 'returnType' | 'collectionYear' | 'submissionId'>,
): string =>
  `curated/${submission.la}/${submission.returnType}/${submission.collectionYear}/${submission.submissionId}`;
