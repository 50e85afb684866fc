// Use case: process a complete CIN census submission through the same steps as SSDA903 (ingest-ssda903.ts):
// duplicate check on the content fingerprint, streamed reading and validation, the report beside the raw
// upload, degraded extracts under curated/, council-level aggregates, and a ReturnIngested announcement.
// Ports only: no AWS SDK here.
import { type ReturnIngestedV1, returnIngestedMessage } from '../../events/return-ingested.ts';
import { CinAggregator } from '../domain/cin/aggregates.ts';
import {
  CIN_CURATED_TABLES,
  type CinCuratedTable,
  childKey,
  degradeCinChild,
} from '../domain/cin/degrade.ts';
import { type CinNotice, type CinReadResult, readCinReturn } from '../domain/cin/engine.ts';
import { buildCinReport, renderCinReportCsv, renderCinReportJson } from '../domain/cin/report.ts';
import { cinYearLabel } from '../domain/cin/schema.ts';
import { type Day, parseIsoDate } from '../domain/dates.ts';
import { councilPseudonymKey } from '../domain/privacy.ts';
import { yearRefusal } from '../domain/returns/years.ts';
import type { Submission, SubmissionOutcome } from '../ports/submissions.ts';
import { duplicateOutcome } from './duplicate-submission.ts';
import { previewIndicators } from './indicator-preview.ts';
import { type IngestDeps, reportKeys } from './ingest-deps.ts';
import { StagedExtract } from './staged-extract.ts';

export const curatedPrefix = (la: string, collectionYear: number, submissionId: string): string =>
  `curated/${la}/cin/${collectionYear}/${submissionId}`;

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
  const key = `${curatedPrefix(submission.la, year, previous.submissionId)}/CINdetails.csv`;
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

function withNotice(result: CinReadResult, notice: CinNotice): CinReadResult {
  return { ...result, notices: [...result.notices, notice] };
}

export async function ingestCin(submission: Submission, deps: IngestDeps): Promise<SubmissionOutcome> {
  const duplicate = await duplicateOutcome(submission, deps);
  if (duplicate) return duplicate;

  let staged: StagedExtract<CinCuratedTable> | null = null;
  try {
    return await readValidateAndStore(submission, deps, (extract) => {
      staged = extract;
    });
  } catch (error) {
    await (staged as StagedExtract<CinCuratedTable> | null)?.discard();
    throw error;
  }
}

async function readValidateAndStore(
  submission: Submission,
  deps: IngestDeps,
  onStaged: (extract: StagedExtract<CinCuratedTable>) => void,
): Promise<SubmissionOutcome> {
  const keys = reportKeys(submission);
  const finishedAt = () => deps.now().toISOString();
  const year = submission.collectionYear;
  const tooBig = submission.files.find((file) => file.size > deps.maxFileBytes);
  let staged: StagedExtract<CinCuratedTable> | null = null;
  let result: CinReadResult;
  let aggregator: CinAggregator | null = null;
  const refusal = yearRefusal('cin', year, deps.now());
  if (refusal) {
    result = {
      status: 'rejected',
      collectionYear: year,
      file: null,
      notices: [],
      blocking: [
        {
          kind: 'no-files',
          file: null,
          message: refusal,
        },
      ],
    };
  } else if (tooBig) {
    result = {
      status: 'rejected',
      collectionYear: year,
      file: tooBig.fileName,
      notices: [],
      blocking: [
        {
          kind: 'file-too-large',
          file: tooBig.fileName,
          message: `${tooBig.fileName} is ${(tooBig.size / 1_048_576).toFixed(1)} MB, over the ${(deps.maxFileBytes / 1_048_576).toFixed(0)} MB limit for one file.`,
        },
      ],
    };
  } else {
    const linking = await previousReferrals(submission, deps);
    const councilKey = councilPseudonymKey(await deps.pseudonymSecret(), submission.la);
    const extract = new StagedExtract<CinCuratedTable>(
      deps.objects,
      deps.dataBucket,
      curatedPrefix(submission.la, year, submission.submissionId),
    );
    staged = extract;
    onStaged(extract);
    const active = new CinAggregator(year, linking.referrals);
    aggregator = active;
    result = await readCinReturn(
      submission.files.map((file) => ({
        name: file.fileName,
        body: {
          [Symbol.asyncIterator]: async function* () {
            yield* await deps.objects.open(file.bucket, file.key);
          },
        },
      })),
      {
        collectionYear: year,
        la: submission.la,
        onChild: async (child) => {
          const key = childKey(child, councilKey);
          active.add(child, key);
          for (const row of degradeCinChild(child, key))
            await extract.write(row.table, () => CIN_CURATED_TABLES[row.table], row.values);
        },
      },
    );
    await extract.close();
    if (result.status === 'accepted') result = withNotice(result, linking.notice);
  }

  const aggregates = aggregator?.result();
  const indicators = (aggregates?.indicators ?? {}) as Record<
    string,
    { numerator: number; denominator: number | null }
  >;
  const report = buildCinReport(
    result,
    previewIndicators({ ...submission, collectionYear: year, indicators }),
  );
  await deps.objects.putText(
    deps.uploadsBucket,
    keys.json,
    renderCinReportJson(report),
    'application/json; charset=utf-8',
  );
  await deps.objects.putText(
    deps.uploadsBucket,
    keys.csv,
    renderCinReportCsv(report),
    'text/csv; charset=utf-8',
  );

  const outcome = {
    status: report.status,
    summary: report.summary,
    problems: report.totals.problems,
    children: report.children,
    reportKeys: keys,
  };
  if (report.status === 'rejected' || !aggregates) {
    await staged?.discard();
    return { ...outcome, finishedAt: finishedAt() };
  }

  await staged?.commit();
  const ingestedAt = finishedAt();
  const { superseded } = await deps.aggregates.saveReturnAggregates({
    la: submission.la,
    returnType: submission.returnType,
    collectionYear: year,
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
    collectionYear: year,
    submissionId: submission.submissionId,
    status: report.status,
    ...(superseded ? { supersedes: superseded } : {}),
  };
  await deps.publishRecompute(returnIngestedMessage(event));
  return { ...outcome, ...(superseded ? { supersedes: superseded } : {}), finishedAt: ingestedAt };
}
