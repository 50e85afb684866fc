// Use case: the report of the council-level returns (workforce census, in-year dataset), as the pipeline
// stores it. Their reports share one shape (domain/returns/report.ts) with their own context.
import {
  type Blocking,
  buildCouncilLevelReport,
  type CouncilLevelReport,
  type CouncilNote,
  type ReportContext,
  renderCouncilLevelReportCsv,
  renderCouncilLevelReportJson,
} from '../../domain/returns/report.ts';
import type { IngestReport } from './definition.ts';

export function renderedCouncilLevel(report: CouncilLevelReport): IngestReport {
  return {
    status: report.status,
    summary: report.summary,
    problems: report.totals.problems,
    children: null,
    json: renderCouncilLevelReportJson(report),
    csv: renderCouncilLevelReportCsv(report),
  };
}

/** The report of a return refused before (or while) its file is read. */
export function refusedCouncilLevel(
  context: ReportContext,
  blocking: Blocking,
  notices: readonly CouncilNote[] = [],
): IngestReport {
  return renderedCouncilLevel(
    buildCouncilLevelReport(context, { status: 'rejected', blocking: [blocking], notices }),
  );
}
