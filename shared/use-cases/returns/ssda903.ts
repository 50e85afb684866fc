// Use case: the SSDA903 return (children looked after): CSV tables, a ZIP of them or one XML file, read as
// streams and checked child by child against the year's schema and rules; each child degraded into the
// curated extract and counted into the council's aggregates. Ports only: no AWS SDK here.
import { Ssda903Aggregator } from '../../domain/ssda903/aggregates.ts';
import { degradeChild, degradedColumns } from '../../domain/ssda903/degrade.ts';
import { readReturn } from '../../domain/ssda903/engine.ts';
import type { TableName } from '../../domain/ssda903/model.ts';
import {
  buildReport,
  renderReportCsv,
  renderReportJson,
  type ValidationReport,
} from '../../domain/ssda903/report.ts';
import { rulesFor } from '../../domain/ssda903/rules/registry.ts';
import { schemaForYear } from '../../domain/ssda903/schema.ts';
import { previewIndicators } from '../indicator-preview.ts';
import { handedOverTogether, type StagedExtract } from '../staged-extract.ts';
import type { IngestReport, ReturnDefinition } from './definition.ts';

function rendered(report: ValidationReport): IngestReport {
  return {
    status: report.status,
    summary: report.summary,
    problems: report.totals.problems,
    children: report.children,
    json: renderReportJson(report),
    csv: renderReportCsv(report, { byteOrderMark: true }),
  };
}

/**
 * Degraded rows (by column name) written in each table's curated column order for the year. Returns a
 * promise only when the store has to be waited for (see StagedExtract.write).
 */
function curatedWriter(extract: StagedExtract<TableName>, collectionYear: number) {
  const columns = new Map<TableName, string[]>();
  return (table: TableName, values: Readonly<Record<string, string>>): Promise<void> | undefined => {
    let header = columns.get(table);
    if (!header) {
      const spec = schemaForYear(collectionYear).tables.get(table);
      header = degradedColumns(spec?.columns ?? Object.keys(values));
      columns.set(table, header);
    }
    const fixed = header;
    return extract.write(
      table,
      () => fixed,
      fixed.map((column) => values[column] ?? ''),
    );
  };
}

export const ssda903Return: ReturnDefinition & { returnType: 'ssda903' } = {
  returnType: 'ssda903',

  refused: (submission, blocking) =>
    rendered(
      buildReport({
        status: 'rejected',
        collectionYear: submission.collectionYear,
        format: null,
        tables: [],
        notices: [],
        blocking: [blocking],
      }),
    ),

  async check({ submission, files, councilKey, extract }) {
    const year = submission.collectionYear;
    const key = await councilKey();
    const write = curatedWriter(extract<TableName>(), year);
    let aggregator: Ssda903Aggregator | undefined;
    const result = await readReturn(files, {
      collectionYear: year,
      la: submission.la,
      rules: rulesFor(year),
      // Synchronous for most children: the reader awaits only what returns a promise.
      onChild: (child, context) => {
        aggregator ??= new Ssda903Aggregator(year, context.tablesPresent);
        aggregator.add(child);
        let handedOver: Promise<void> | undefined;
        for (const row of degradeChild(child, key))
          handedOver = handedOverTogether(handedOver, write(row.table, row.values));
        return handedOver;
      },
    });
    const aggregates = (aggregator ?? new Ssda903Aggregator(year, new Set())).result();
    const indicators = aggregates.indicators as Record<
      string,
      { numerator: number; denominator: number | null }
    >;
    const report = rendered(buildReport(result, previewIndicators({ ...submission, indicators })));
    if (report.status === 'rejected') return { status: 'rejected', report };
    return { status: 'accepted', report, aggregates: { children: aggregates.children, indicators } };
  },
};
