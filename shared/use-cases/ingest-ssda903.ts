// Use case: process a complete SSDA903 submission. Reads the council's files as streams, validates them,
// stores the report beside the raw upload (council-only), writes degraded extracts and council-level
// aggregates, and announces the ingestion. Ports only: no AWS SDK here.
import { type ReturnIngestedV1, returnIngestedMessage } from '../../events/return-ingested.ts';
import { councilPseudonymKey } from '../domain/privacy.ts';
import { Ssda903Aggregator } from '../domain/ssda903/aggregates.ts';
import { degradeChild, degradedColumns } from '../domain/ssda903/degrade.ts';
import { readReturn } from '../domain/ssda903/engine.ts';
import type { TableName } from '../domain/ssda903/model.ts';
import { buildReport, renderReportCsv, renderReportJson } from '../domain/ssda903/report.ts';
import { rulesFor } from '../domain/ssda903/rules/registry.ts';
import { schemaForYear } from '../domain/ssda903/schema.ts';
import type { ObjectStore } from '../ports/objects.ts';
import type { Submission, SubmissionOutcome } from '../ports/submissions.ts';
import { duplicateOutcome } from './duplicate-submission.ts';
import { previewIndicators } from './indicator-preview.ts';
import { type IngestDeps, reportKeys } from './ingest-deps.ts';
import { StagedExtract } from './staged-extract.ts';

/** SSDA903 rows as they come from degradeChild (by column name), in each table's curated column order. */
class CuratedExtract {
  private readonly columns = new Map<TableName, string[]>();
  readonly staged: StagedExtract<TableName>;

  constructor(
    objects: ObjectStore,
    bucket: string,
    prefix: string,
    private readonly collectionYear: number,
  ) {
    this.staged = new StagedExtract(objects, bucket, prefix);
  }

  async write(table: TableName, values: Readonly<Record<string, string>>): Promise<void> {
    let columns = this.columns.get(table);
    if (!columns) {
      const spec = schemaForYear(this.collectionYear).tables.get(table);
      columns = degradedColumns(spec?.columns ?? Object.keys(values));
      this.columns.set(table, columns);
    }
    const header = columns;
    await this.staged.write(
      table,
      () => header,
      header.map((column) => values[column] ?? ''),
    );
  }
}

export async function ingestSsda903(submission: Submission, deps: IngestDeps): Promise<SubmissionOutcome> {
  const duplicate = await duplicateOutcome(submission, deps);
  if (duplicate) return duplicate;

  const tooBig = submission.files.find((file) => file.size > deps.maxFileBytes);
  const extract = new CuratedExtract(
    deps.objects,
    deps.dataBucket,
    `curated/${submission.la}/${submission.returnType}/${submission.collectionYear}/${submission.submissionId}`,
    submission.collectionYear,
  );
  try {
    return await readValidateAndStore(submission, deps, extract, tooBig);
  } catch (error) {
    await extract.staged.discard();
    throw error;
  }
}

async function readValidateAndStore(
  submission: Submission,
  deps: IngestDeps,
  extract: CuratedExtract,
  tooBig: Submission['files'][number] | undefined,
): Promise<SubmissionOutcome> {
  const keys = reportKeys(submission);
  const finishedAt = () => deps.now().toISOString();
  const councilKey = councilPseudonymKey(await deps.pseudonymSecret(), submission.la);
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
  await extract.staged.close();

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
  if (report.status === 'rejected') {
    await extract.staged.discard();
    return { ...outcome, finishedAt: finishedAt() };
  }

  await extract.staged.commit();
  const ingestedAt = finishedAt();
  const { superseded } = await deps.aggregates.saveReturnAggregates({
    la: submission.la,
    returnType: submission.returnType,
    collectionYear: submission.collectionYear,
    submissionId: submission.submissionId,
    ingestedAt,
    submittedAt: submission.createdAt,
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
