// Use case: the in-year core dataset: one CSV file of monthly council-level counts (docs/inyear-format.md).
// Its months are merged into the council's current months for the year — a month sent again replaces that
// month's earlier figures, so nothing is counted twice — and the year's indicators are worked out from the
// merged months. Every submission's merged state is kept as history. Ports only: no AWS SDK here.
import { inyearIndicators, mergeMonths, missingMonths, yearToDate } from '../../domain/inyear/months.ts';
import { readInyearCsv } from '../../domain/inyear/reader.ts';
import { listInWords } from '../../domain/reading/issues.ts';
import { collectionYearLabel } from '../../domain/returns/catalogue.ts';
import {
  buildCouncilLevelReport,
  type CouncilNote,
  type ReportContext,
} from '../../domain/returns/report.ts';
import type { Submission } from '../../ports/submissions.ts';
import { refusedCouncilLevel, renderedCouncilLevel } from './council-level.ts';
import type { ReturnDefinition } from './definition.ts';

function context(submission: Submission, format: 'csv' | null): ReportContext {
  return {
    returnType: 'inyear',
    collectionYear: submission.collectionYear,
    collectionYearLabel: collectionYearLabel(submission.collectionYear),
    format,
    file: submission.files[0]?.fileName ?? null,
    recordKind: 'months',
  };
}

export const inyearReturn: ReturnDefinition & { returnType: 'inyear' } = {
  returnType: 'inyear',

  refused: (submission, blocking) => refusedCouncilLevel(context(submission, null), blocking),

  async check({ submission, files }) {
    const file = files[0]!;
    const read = await readInyearCsv(file.body, {
      fileName: file.name,
      collectionYear: submission.collectionYear,
      la: submission.la,
    });
    if (read.status === 'rejected')
      return {
        status: 'rejected',
        report: refusedCouncilLevel(context(submission, 'csv'), read.blocking, read.notices),
      };
    return {
      status: 'accepted',
      merge(current, ingestedAt) {
        const merged = mergeMonths(current?.months ?? [], read.rows, submission.submissionId, ingestedAt);
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
          context(submission, 'csv'),
          { status: 'accepted', records: read.rows.length, findings: read.findings, notices },
          { figures: yearToDate(merged.months), months: [...merged.changes] },
        );
        return {
          report: renderedCouncilLevel(report),
          aggregates: {
            children: 0,
            indicators: inyearIndicators(merged.months),
            figures: yearToDate(merged.months),
            months: merged.months,
          },
        };
      },
    };
  },
};
