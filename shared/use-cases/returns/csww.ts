// Use case: the workforce census (CSWW): one XML file, read as a stream and checked against the census
// schema, giving council-level workforce figures. No worker-level data is stored: no extract, no SWENo
// anywhere. Ports only: no AWS SDK here.
import { returnKind } from '../../domain/returns/catalogue.ts';
import { buildCouncilLevelReport, type ReportContext } from '../../domain/returns/report.ts';
import { CswwAggregator, cswwIndicators, cswwReportFigures } from '../../domain/workforce/csww-aggregates.ts';
import { readCswwXml } from '../../domain/workforce/csww-reader.ts';
import type { Submission } from '../../ports/submissions.ts';
import { previewIndicators } from '../indicator-preview.ts';
import { refusedCouncilLevel, renderedCouncilLevel } from './council-level.ts';
import type { ReturnDefinition } from './definition.ts';

function context(submission: Submission, format: 'xml' | null): ReportContext {
  return {
    returnType: 'csww',
    collectionYear: submission.collectionYear,
    collectionYearLabel: `census at 30 September ${returnKind('csww').yearInWords(submission.collectionYear)}`,
    format,
    file: submission.files[0]?.fileName ?? null,
    recordKind: 'workers',
  };
}

export const cswwReturn: ReturnDefinition & { returnType: 'csww' } = {
  returnType: 'csww',

  refused: (submission, blocking) => refusedCouncilLevel(context(submission, null), blocking),

  async check({ submission, files }) {
    const file = files[0]!;
    const aggregator = new CswwAggregator(submission.collectionYear);
    const read = await readCswwXml(file.body, {
      fileName: file.name,
      collectionYear: submission.collectionYear,
      la: submission.la,
      onWorker: (worker) => aggregator.add(worker),
    });
    if (read.status === 'rejected')
      return {
        status: 'rejected',
        report: refusedCouncilLevel(context(submission, 'xml'), read.blocking, read.notices),
      };
    const figures = aggregator.figures(read.laLevel);
    const indicators = cswwIndicators(figures);
    const report = buildCouncilLevelReport(
      context(submission, 'xml'),
      { status: 'accepted', records: read.workers, findings: read.findings, notices: read.notices },
      { figures: cswwReportFigures(figures), indicators: previewIndicators({ ...submission, indicators }) },
    );
    return {
      status: 'accepted',
      report: renderedCouncilLevel(report),
      aggregates: { children: 0, indicators, figures: { ...figures } },
    };
  },
};
