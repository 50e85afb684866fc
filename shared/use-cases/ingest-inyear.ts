// Use case: process a complete in-year core dataset submission: one CSV file of monthly council-level
// counts (docs/inyear-format.md). Its months are merged into the council's current months for the year —
// a month sent again replaces that month's earlier figures, so nothing is counted twice — and the year's
// indicators are worked out from the merged months. Every submission's merged state is kept as history.
import { inyearIndicators, mergeMonths, missingMonths, yearToDate } from '../domain/inyear/months.ts';
import { readInyearCsv } from '../domain/inyear/reader.ts';
import { listInWords } from '../domain/reading/issues.ts';
import { buildCouncilLevelReport, type CouncilNote, type ReportContext } from '../domain/returns/report.ts';
import { collectionYearLabel } from '../domain/returns/years.ts';
import { StaleAggregatesError } from '../ports/aggregates.ts';
import type { Submission, SubmissionOutcome } from '../ports/submissions.ts';
import { duplicateOutcome } from './duplicate-submission.ts';
import { announce, fileBody, rejectedOutcome, singleFile, writeReport } from './ingest-council-level.ts';
import type { IngestDeps } from './ingest-deps.ts';

/** Attempts at merging when another in-year submission for the council changes the months meanwhile. */
const MERGE_ATTEMPTS = 5;

export async function ingestInyear(submission: Submission, deps: IngestDeps): Promise<SubmissionOutcome> {
  const duplicate = await duplicateOutcome(submission, deps);
  if (duplicate) return duplicate;

  const context: ReportContext = {
    returnType: 'inyear',
    collectionYear: submission.collectionYear,
    collectionYearLabel: collectionYearLabel(submission.collectionYear),
    format: 'csv',
    file: submission.files[0]?.fileName ?? null,
    recordKind: 'months',
  };
  const chosen = singleFile(submission, deps, {
    extension: /\.csv$/i,
    what: 'in-year dataset as one CSV file (see docs/inyear-format.md)',
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

  const read = await readInyearCsv(fileBody(chosen.file, deps), {
    fileName: chosen.file.fileName,
    collectionYear: submission.collectionYear,
    la: submission.la,
  });
  if (read.status === 'rejected')
    return rejectedOutcome(submission, deps, context, {
      status: 'rejected',
      blocking: [read.blocking],
      notices: read.notices,
    });

  const ingestedAt = deps.now().toISOString();
  for (let attempt = 1; ; attempt++) {
    const current = await deps.aggregates.currentAggregates(
      submission.la,
      'inyear',
      submission.collectionYear,
    );
    const merged = mergeMonths(current?.months ?? [], read.rows, submission.submissionId, ingestedAt);
    try {
      const { superseded } = await deps.aggregates.saveReturnAggregates(
        {
          la: submission.la,
          returnType: 'inyear',
          collectionYear: submission.collectionYear,
          submissionId: submission.submissionId,
          ingestedAt,
          children: 0,
          indicators: inyearIndicators(merged.months),
          figures: yearToDate(merged.months),
          months: merged.months,
        },
        { expectCurrent: current?.submissionId ?? null },
      );
      const notices: CouncilNote[] = [...read.notices];
      const gaps = missingMonths(merged.months, submission.collectionYear);
      if (gaps.length > 0)
        notices.push({
          kind: 'months-missing',
          severity: 'info',
          file: null,
          message: `No figures have been received yet for ${listInWords(gaps)}. The year's indicators are worked out from the months received; send the missing months when you have them.`,
        });
      const revised = merged.changes.filter((change) => change.change === 'revised').map((c) => c.month);
      if (revised.length > 0)
        notices.push({
          kind: 'months-revised',
          severity: 'info',
          file: null,
          message: `These months replace the figures sent before for them (the earlier figures are kept in the history): ${listInWords(revised)}.`,
        });
      const report = buildCouncilLevelReport(
        context,
        { status: 'accepted', records: read.rows.length, findings: read.findings, notices },
        { figures: yearToDate(merged.months), months: [...merged.changes] },
      );
      const keys = await writeReport(submission, deps, report);
      const status = report.status === 'accepted_with_issues' ? 'accepted_with_issues' : 'accepted';
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
    } catch (error) {
      if (!(error instanceof StaleAggregatesError) || attempt >= MERGE_ATTEMPTS) throw error;
    }
  }
}
