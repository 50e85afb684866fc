// Use case: process a complete workforce census (CSWW) submission: one XML file, read as a stream and
// checked against the census schema, with a report for the council, council-level workforce figures
// and ReturnIngested for the recompute. No worker-level data is stored: no extract, no SWENo anywhere.
import { buildCouncilLevelReport, type ReportContext } from '../domain/returns/report.ts';
import { CswwAggregator, cswwIndicators, cswwReportFigures } from '../domain/workforce/csww-aggregates.ts';
import { readCswwXml } from '../domain/workforce/csww-reader.ts';
import type { Submission, SubmissionOutcome } from '../ports/submissions.ts';
import { duplicateOutcome } from './duplicate-submission.ts';
import { previewIndicators } from './indicator-preview.ts';
import { announce, fileBody, rejectedOutcome, singleFile, writeReport } from './ingest-council-level.ts';
import type { IngestDeps } from './ingest-deps.ts';

export async function ingestCsww(submission: Submission, deps: IngestDeps): Promise<SubmissionOutcome> {
  const duplicate = await duplicateOutcome(submission, deps);
  if (duplicate) return duplicate;

  const context: ReportContext = {
    returnType: 'csww',
    collectionYear: submission.collectionYear,
    collectionYearLabel: `census at 30 September ${submission.collectionYear}`,
    format: 'xml',
    file: submission.files[0]?.fileName ?? null,
    recordKind: 'workers',
  };
  const chosen = singleFile(submission, deps, {
    extension: /\.xml$/i,
    what: 'workforce census as one XML file (Message > Header, LALevelVacancies, CSWWWorker)',
  });
  if ('blocking' in chosen)
    return rejectedOutcome(
      submission,
      deps,
      { ...context, format: null },
      {
        status: 'rejected',
        blocking: [chosen.blocking],
        notices: [],
      },
    );

  const aggregator = new CswwAggregator(submission.collectionYear);
  const read = await readCswwXml(fileBody(chosen.file, deps), {
    fileName: chosen.file.fileName,
    collectionYear: submission.collectionYear,
    la: submission.la,
    onWorker: (worker) => aggregator.add(worker),
  });
  if (read.status === 'rejected')
    return rejectedOutcome(submission, deps, context, {
      status: 'rejected',
      blocking: [read.blocking],
      notices: read.notices,
    });

  const figures = aggregator.figures(read.laLevel);
  const indicators = cswwIndicators(figures);
  const report = buildCouncilLevelReport(
    context,
    { status: 'accepted', records: read.workers, findings: read.findings, notices: read.notices },
    { figures: cswwReportFigures(figures), indicators: previewIndicators({ ...submission, indicators }) },
  );
  const keys = await writeReport(submission, deps, report);
  const status = report.status === 'accepted_with_issues' ? 'accepted_with_issues' : 'accepted';
  const ingestedAt = deps.now().toISOString();
  const { superseded } = await deps.aggregates.saveReturnAggregates({
    la: submission.la,
    returnType: 'csww',
    collectionYear: submission.collectionYear,
    submissionId: submission.submissionId,
    ingestedAt,
    submittedAt: submission.createdAt,
    children: 0,
    indicators,
    figures: { ...figures },
  });
  await announce(submission, deps, status, ingestedAt, superseded);
  return {
    status,
    summary: report.summary,
    problems: report.totals.problems,
    children: null,
    reportKeys: keys,
    ...(superseded ? { supersedes: superseded } : {}),
    finishedAt: ingestedAt,
  };
}
