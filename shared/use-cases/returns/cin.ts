// Use case: the CIN census: one XML file read as a stream and checked child by child against the census
// year's schema and rules; each child degraded into the curated extract and counted into the council's
// aggregates, with re-referrals linked to the council's previous census where it is on record.
// Ports only: no AWS SDK here.
import { CinAggregator } from '../../domain/cin/aggregates.ts';
import {
  CIN_CURATED_TABLES,
  type CinCuratedTable,
  childKey,
  degradeCinChild,
} from '../../domain/cin/degrade.ts';
import { type CinNotice, type CinReadResult, readCinReturn } from '../../domain/cin/engine.ts';
import {
  buildCinReport,
  type CinValidationReport,
  renderCinReportCsv,
  renderCinReportJson,
} from '../../domain/cin/report.ts';
import { cinYearLabel } from '../../domain/cin/schema.ts';
import { type Day, parseIsoDate } from '../../domain/dates.ts';
import type { Submission } from '../../ports/submissions.ts';
import { previewIndicators } from '../indicator-preview.ts';
import type { IngestDeps } from '../ingest-deps.ts';
import { handedOverTogether } from '../staged-extract.ts';
import { curatedPrefix, type IngestReport, type ReturnDefinition } from './definition.ts';

/** Referral dates by keyed child ID from a curated CINdetails.csv (ours: no quoted values). */
export async function readCuratedReferrals(body: AsyncIterable<Uint8Array>): Promise<Map<string, Day[]>> {
  const referrals = new Map<string, Day[]>();
  const decoder = new TextDecoder();
  let pending = '';
  let columns: string[] | null = null;
  const take = (line: string): void => {
    if (line === '') return;
    const cells = line.split(',');
    if (!columns) {
      columns = cells;
      return;
    }
    const key = cells[columns.indexOf('ChildKey')] ?? '';
    const date = parseIsoDate(cells[columns.indexOf('CINreferralDate')] ?? '');
    if (key === '' || date === null) return;
    const list = referrals.get(key);
    if (list) list.push(date);
    else referrals.set(key, [date]);
  };
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\r\n');
    pending = lines.pop()!;
    for (const line of lines) take(line);
  }
  take(pending + decoder.decode());
  return referrals;
}

/** The previous year's referrals for linking re-referrals, or why there are none. */
async function previousReferrals(
  submission: Submission,
  deps: IngestDeps,
): Promise<{ referrals: Map<string, Day[]> | null; notice: CinNotice }> {
  const year = submission.collectionYear - 1;
  const previous = await deps.aggregates.currentAggregates(submission.la, 'cin', year);
  if (!previous) {
    return {
      referrals: null,
      notice: {
        kind: 'previous-year',
        severity: 'info',
        file: null,
        message: `No ${cinYearLabel(year)} CIN census is on record for this council, so re-referrals within 12 months cannot be linked to last year's referrals and are not worked out. Send the ${cinYearLabel(year)} return too to have them.`,
      },
    };
  }
  const key = `${curatedPrefix({ ...previous, returnType: 'cin' })}/CINdetails.csv`;
  let referrals: Map<string, Day[]>;
  try {
    referrals = await readCuratedReferrals(await deps.objects.open(deps.dataBucket, key));
  } catch {
    return {
      referrals: null,
      notice: {
        kind: 'previous-year',
        severity: 'warning',
        file: null,
        message: `The referrals of this council's ${cinYearLabel(year)} return (submission ${previous.submissionId}) could not be read, so re-referrals were not worked out. Send this return again later; if it happens again, send the ${cinYearLabel(year)} return again first.`,
      },
    };
  }
  return {
    referrals,
    notice: {
      kind: 'previous-year',
      severity: 'info',
      file: null,
      message: `Re-referrals were linked to the referrals in this council's ${cinYearLabel(year)} return (submission ${previous.submissionId}).`,
    },
  };
}

function rendered(report: CinValidationReport): IngestReport {
  return {
    status: report.status,
    summary: report.summary,
    problems: report.totals.problems,
    children: report.children,
    json: renderCinReportJson(report),
    csv: renderCinReportCsv(report),
  };
}

export const cinReturn: ReturnDefinition & { returnType: 'cin' } = {
  returnType: 'cin',

  refused: (submission, blocking) =>
    rendered(
      buildCinReport({
        status: 'rejected',
        collectionYear: submission.collectionYear,
        file: blocking.file,
        notices: [],
        blocking: [blocking],
      }),
    ),

  async check({ submission, files, deps, councilKey, extract }) {
    const year = submission.collectionYear;
    const linking = await previousReferrals(submission, deps);
    const key = await councilKey();
    const staged = extract<CinCuratedTable>();
    const aggregator = new CinAggregator(year, linking.referrals);
    let result: CinReadResult = await readCinReturn(files, {
      collectionYear: year,
      la: submission.la,
      // Synchronous for most children: the reader awaits only what returns a promise.
      onChild: (child) => {
        const keyed = childKey(child, key);
        aggregator.add(child, keyed);
        let handedOver: Promise<void> | undefined;
        for (const row of degradeCinChild(child, keyed))
          handedOver = handedOverTogether(
            handedOver,
            staged.write(row.table, () => CIN_CURATED_TABLES[row.table], row.values),
          );
        return handedOver;
      },
    });
    if (result.status === 'accepted') result = { ...result, notices: [...result.notices, linking.notice] };
    const aggregates = aggregator.result();
    const indicators = aggregates.indicators as Record<
      string,
      { numerator: number; denominator: number | null }
    >;
    const report = rendered(buildCinReport(result, previewIndicators({ ...submission, indicators })));
    if (report.status === 'rejected') return { status: 'rejected', report };
    return { status: 'accepted', report, aggregates: { children: aggregates.children, indicators } };
  },
};
