// Use case: process a complete SSDA903 submission. Reads the council's files as streams, validates them,
// stores the report beside the raw upload (council-only), writes degraded extracts and council-level
// aggregates, and announces the ingestion. Ports only: no AWS SDK here.
import { createHash } from 'node:crypto';
import { type ReturnIngestedV1, returnIngestedMessage } from '../../events/return-ingested.ts';
import { councilPseudonymKey } from '../domain/privacy.ts';
import { Ssda903Aggregator } from '../domain/ssda903/aggregates.ts';
import { degradeChild, degradedColumns } from '../domain/ssda903/degrade.ts';
import { readReturn } from '../domain/ssda903/engine.ts';
import type { TableName } from '../domain/ssda903/model.ts';
import { buildReport, renderReportCsv, renderReportJson } from '../domain/ssda903/report.ts';
import { rulesFor } from '../domain/ssda903/rules/registry.ts';
import { schemaForYear } from '../domain/ssda903/schema.ts';
import type { AggregateStore } from '../ports/aggregates.ts';
import type { ObjectStore, ObjectWriter } from '../ports/objects.ts';
import type { Submission, SubmissionOutcome, SubmissionStore } from '../ports/submissions.ts';
import { duplicateOutcome } from './duplicate-submission.ts';
import { previewIndicators } from './indicator-preview.ts';

export interface IngestDeps {
  readonly objects: ObjectStore;
  readonly submissions: SubmissionStore;
  readonly aggregates: AggregateStore;
  readonly publishRecompute: (message: {
    body: string;
    groupId: string;
    deduplicationId: string;
  }) => Promise<void>;
  readonly pseudonymSecret: () => Promise<Buffer>;
  readonly uploadsBucket: string;
  readonly dataBucket: string;
  readonly maxFileBytes: number;
  readonly now: () => Date;
}

export const reportKeys = (
  submission: Pick<Submission, 'la' | 'returnType' | 'collectionYear' | 'submissionId'>,
) => {
  const base = `reports/${submission.la}/${submission.returnType}/${submission.collectionYear}/${submission.submissionId}/report`;
  return { json: `${base}.json`, csv: `${base}.csv` };
};

/** The same files (by content, whatever their names) give the same fingerprint. */
export function contentFingerprint(submission: Submission): string {
  const hashes = submission.files.map((file) => file.sha256).sort();
  return createHash('sha256').update(hashes.join(',')).digest('hex');
}

function csvLine(values: readonly string[]): string {
  return `${values.map((value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')}\r\n`;
}

/** One streamed CSV per table under curated/, opened when the table's first row arrives. */
class CuratedExtract {
  private readonly writers = new Map<TableName, { writer: ObjectWriter; columns: string[] }>();

  constructor(
    private readonly objects: ObjectStore,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly collectionYear: number,
  ) {}

  async write(table: TableName, values: Readonly<Record<string, string>>): Promise<void> {
    let entry = this.writers.get(table);
    if (!entry) {
      const spec = schemaForYear(this.collectionYear).tables.get(table);
      const columns = degradedColumns(spec?.columns ?? Object.keys(values));
      entry = {
        writer: this.objects.openWriter(
          this.bucket,
          `${this.prefix}/${table}.csv`,
          'text/csv; charset=utf-8',
        ),
        columns,
      };
      this.writers.set(table, entry);
      await entry.writer.write(csvLine(columns));
    }
    await entry.writer.write(csvLine(entry.columns.map((column) => values[column] ?? '')));
  }

  async close(): Promise<void> {
    await Promise.all([...this.writers.values()].map(({ writer }) => writer.close()));
  }
}

export async function ingestSsda903(submission: Submission, deps: IngestDeps): Promise<SubmissionOutcome> {
  const keys = reportKeys(submission);
  const finishedAt = () => deps.now().toISOString();

  const duplicate = await duplicateOutcome(submission, deps);
  if (duplicate) return duplicate;

  const tooBig = submission.files.find((file) => file.size > deps.maxFileBytes);
  const councilKey = councilPseudonymKey(await deps.pseudonymSecret(), submission.la);
  const extract = new CuratedExtract(
    deps.objects,
    deps.dataBucket,
    `curated/${submission.la}/${submission.returnType}/${submission.collectionYear}/${submission.submissionId}`,
    submission.collectionYear,
  );
  let aggregator: Ssda903Aggregator | undefined;
  const result = await readReturn(
    tooBig
      ? []
      : submission.files.map((file) => ({
          name: file.fileName,
          body: {
            [Symbol.asyncIterator]: async function* () {
              yield* await deps.objects.open(file.bucket, file.key);
            },
          },
        })),
    {
      collectionYear: submission.collectionYear,
      rules: rulesFor(submission.collectionYear),
      onChild: async (child, context) => {
        aggregator ??= new Ssda903Aggregator(submission.collectionYear, context.tablesPresent);
        aggregator.add(child);
        for (const row of degradeChild(child, councilKey)) await extract.write(row.table, row.values);
      },
    },
  );
  await extract.close();

  const aggregates = (aggregator ?? new Ssda903Aggregator(submission.collectionYear, new Set())).result();
  const indicators = aggregates.indicators as Record<
    string,
    { numerator: number; denominator: number | null }
  >;
  const report = buildReport(
    tooBig
      ? {
          status: 'rejected',
          collectionYear: submission.collectionYear,
          format: null,
          tables: [],
          notices: [],
          blocking: [
            {
              kind: 'file-too-large',
              file: tooBig.fileName,
              message: `${tooBig.fileName} is ${(tooBig.size / 1_048_576).toFixed(1)} MB, over the ${(deps.maxFileBytes / 1_048_576).toFixed(0)} MB limit for one file. Send it as a ZIP, or split the tables into separate files.`,
            },
          ],
        }
      : result,
    previewIndicators({ ...submission, indicators }),
  );
  await deps.objects.putText(
    deps.uploadsBucket,
    keys.json,
    renderReportJson(report),
    'application/json; charset=utf-8',
  );
  await deps.objects.putText(
    deps.uploadsBucket,
    keys.csv,
    renderReportCsv(report, { byteOrderMark: true }),
    'text/csv; charset=utf-8',
  );

  const outcome = {
    status: report.status,
    summary: report.summary,
    problems: report.totals.problems,
    children: report.children,
    reportKeys: keys,
  };
  if (report.status === 'rejected') return { ...outcome, finishedAt: finishedAt() };

  const ingestedAt = finishedAt();
  const { superseded } = await deps.aggregates.saveReturnAggregates({
    la: submission.la,
    returnType: submission.returnType,
    collectionYear: submission.collectionYear,
    submissionId: submission.submissionId,
    ingestedAt,
    children: aggregates.children,
    indicators,
  });
  const event: ReturnIngestedV1 = {
    type: 'ReturnIngested',
    version: 1,
    eventId: submission.submissionId,
    occurredAt: ingestedAt,
    la: submission.la,
    returnType: submission.returnType,
    collectionYear: submission.collectionYear,
    submissionId: submission.submissionId,
    status: report.status,
    ...(superseded ? { supersedes: superseded } : {}),
  };
  await deps.publishRecompute(returnIngestedMessage(event));
  return { ...outcome, ...(superseded ? { supersedes: superseded } : {}), finishedAt: ingestedAt };
}
