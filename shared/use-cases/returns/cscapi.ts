// Use case: the DfE children's social care API payload (docs/cscapi.md): one file of children's documents,
// full or delta, applied to the council's current degraded state and turned into monthly in-year measures.
// The state is kept as this submission's degraded extract (one line a child: keyed id and kept record) and the
// council's current aggregates for the year point at the submission whose state is current
// (docs/adr/0013-cscapi-state.md). A submission whose state was overtaken by another of the council's
// submissions while it was read fails, so the queue reads it again on top of the newer state.
// Ports only: no AWS SDK here.
import { applyPayload, isFullPayload } from '../../domain/cscapi/apply.ts';
import type { KeptChild } from '../../domain/cscapi/degrade.ts';
import { CSCAPI_MEASURES, monthlyMeasures } from '../../domain/cscapi/measures.ts';
import type { CouncilState } from '../../domain/cscapi/state.ts';
import {
  type InYearMonth,
  inyearIndicators,
  latestSnapshot,
  mergeMonths,
} from '../../domain/inyear/months.ts';
import { listInWords, plural } from '../../domain/reading/issues.ts';
import { collectionYearLabel } from '../../domain/returns/catalogue.ts';
import {
  BlockingReadError,
  buildCouncilLevelReport,
  type CouncilNote,
  type ReportContext,
} from '../../domain/returns/report.ts';
import type { IndicatorRatio, ReturnAggregates } from '../../ports/aggregates.ts';
import type { Submission } from '../../ports/submissions.ts';
import type { IngestDeps } from '../ingest-deps.ts';
import { refusedCouncilLevel, renderedCouncilLevel } from './council-level.ts';
import { curatedPrefix, type ReturnDefinition } from './definition.ts';

/** Where a submission's state is kept, under its curated extract. */
export const STATE_TABLE = 'state';
const STATE_COLUMNS = ['ChildKey', 'Record'] as const;

/** How the source of these in-year figures is named beside them. */
export const CSCAPI_PROVENANCE = 'in-year (CSC API)';

/** The council's state was replaced by another submission while this one was read: read it again. */
export class CscapiStateOvertaken extends Error {
  override readonly name = 'CscapiStateOvertaken';
}

function context(submission: Submission, format: 'json' | null): ReportContext {
  return {
    returnType: 'cscapi',
    collectionYear: submission.collectionYear,
    collectionYearLabel: collectionYearLabel(submission.collectionYear),
    format,
    file: submission.files[0]?.fileName ?? null,
    recordKind: 'children',
  };
}

/** The council's current aggregates this year, else last year's: the state to build on. */
async function currentState(
  submission: Submission,
  deps: IngestDeps,
): Promise<{ thisYear: ReturnAggregates | undefined; base: ReturnAggregates | undefined }> {
  const thisYear = await deps.aggregates.currentAggregates(
    submission.la,
    'cscapi',
    submission.collectionYear,
  );
  const base =
    thisYear ??
    (await deps.aggregates.currentAggregates(submission.la, 'cscapi', submission.collectionYear - 1));
  return { thisYear, base };
}

/** Reads a kept state: lines `key,"json"` (CSV, the JSON quoted with its quotes doubled) under a header. */
export async function readState(body: AsyncIterable<Uint8Array>, state: CouncilState): Promise<void> {
  const decoder = new TextDecoder();
  let pending = '';
  let header = true;
  const take = (line: string) => {
    if (line === '') return;
    if (header) {
      header = false;
      return;
    }
    const comma = line.indexOf(',');
    const quoted = line.slice(comma + 1);
    state.set(line.slice(0, comma), JSON.parse(quoted.slice(1, -1).replaceAll('""', '"')) as KeptChild);
  };
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\r\n');
    pending = lines.pop()!;
    for (const line of lines) take(line);
  }
  take(pending + decoder.decode());
}

/** The month a submission was made in, within the collection year ("2026-03" for one made after March 2026). */
function throughMonth(submission: Submission): string {
  const made = submission.createdAt.slice(0, 7);
  const last = `${submission.collectionYear}-03`;
  return made < last ? made : last;
}

/** The year's indicators: the in-year dataset's, and those only child-level records give. */
export function cscapiIndicators(months: readonly InYearMonth[]): Record<string, IndicatorRatio> {
  const indicators: Record<string, IndicatorRatio> = { ...inyearIndicators(months) };
  const cin = latestSnapshot(months, 'cin_open');
  if (cin) indicators['cin-rate'] = { numerator: cin.value, denominator: null };
  const long = latestSnapshot(months, 'cp_plans_over_two_years');
  const open = latestSnapshot(months, 'cp_plans_open');
  if (long && open) indicators['long-cp-plans'] = { numerator: long.value, denominator: open.value };
  return indicators;
}

/** Year-to-date figures: flows summed over the months, snapshots at the latest month. */
function yearToDate(months: readonly InYearMonth[]): Record<string, number | null> {
  const figures: Record<string, number | null> = { monthsReceived: months.length };
  for (const measure of CSCAPI_MEASURES) {
    figures[measure.column] =
      months.length === 0
        ? null
        : measure.timing === 'flow'
          ? months.reduce((sum, month) => sum + (month.figures[measure.column] ?? 0), 0)
          : (latestSnapshot(months, measure.column)?.value ?? null);
  }
  return figures;
}

export const cscapiReturn: ReturnDefinition & { returnType: 'cscapi' } = {
  returnType: 'cscapi',

  refused: (submission, blocking) => refusedCouncilLevel(context(submission, null), blocking),

  async check({ submission, files, deps, councilKey, extract }) {
    const file = files[0]!;
    const { thisYear, base } = await currentState(submission, deps);
    const state: CouncilState = new Map();
    if (base)
      await readState(
        await deps.objects.open(deps.dataBucket, `${curatedPrefix(base)}/${STATE_TABLE}.csv`),
        state,
      );
    const before = state.size;
    const full = isFullPayload(file.name);
    let outcome: Awaited<ReturnType<typeof applyPayload>>;
    try {
      outcome = await applyPayload(file.body, state, {
        fileName: file.name,
        la: submission.la,
        councilKey: await councilKey(),
      });
    } catch (error) {
      if (!(error instanceof BlockingReadError)) throw error;
      return {
        status: 'rejected',
        report: refusedCouncilLevel(context(submission, 'json'), {
          kind: error.kind,
          file: error.file,
          message: error.message,
        }),
      };
    }
    const staged = extract<typeof STATE_TABLE>();
    for (const key of [...state.keys()].sort()) {
      // Awaited only when a chunk went to the store: a turn of the event loop per child adds up.
      const handedOver = staged.write(STATE_TABLE, () => STATE_COLUMNS, [
        key,
        JSON.stringify(state.get(key)),
      ]);
      if (handedOver) await handedOver;
    }
    const rows = monthlyMeasures(state.values(), submission.collectionYear, throughMonth(submission)).map(
      (month, index) => ({ ...month, rowNumber: index + 1 }),
    );
    const notices: CouncilNote[] = [
      {
        kind: 'payload',
        severity: 'info',
        file: file.name,
        message: full
          ? `A full payload: it replaced the council’s children as a whole (${plural(before, 'child', 'children')} before, ${plural(state.size, 'child', 'children')} now; ${plural(outcome.removed, 'child', 'children')} not in it or purged were removed).`
          : `A delta: ${plural(outcome.applied, 'child’s changes', 'children’s changes')} applied to the ${plural(before, 'child', 'children')} on record (${plural(state.size, 'child', 'children')} now; ${plural(outcome.removed, 'child', 'children')} purged).`,
      },
      {
        kind: 'provenance',
        severity: 'info',
        file: null,
        message: `The monthly figures are worked out from every child on record and replace the earlier ones for the same months; they are shown as ${CSCAPI_PROVENANCE}.`,
      },
    ];
    const unread = outcome.documents - outcome.applied;
    if (unread > 0)
      notices.push({
        kind: 'children-not-applied',
        severity: 'warning',
        file: file.name,
        message: `${plural(unread, 'child’s document', 'children’s documents')} had problems and changed nothing: those children stay as they were. Put the problems right and send them again.`,
      });
    const truncated = outcome.findings.truncationNote();
    if (truncated) notices.push(truncated);
    return {
      status: 'accepted',
      merge(current, ingestedAt) {
        if ((current?.submissionId ?? null) !== (thisYear?.submissionId ?? null))
          throw new CscapiStateOvertaken(
            `The council's CSC API state changed (submission ${current?.submissionId}) while submission ${submission.submissionId} was read; it is read again.`,
          );
        const merged = mergeMonths(current?.months ?? [], rows, submission.submissionId, ingestedAt);
        const revised = merged.changes.filter((change) => change.change === 'revised').map((c) => c.month);
        const report = buildCouncilLevelReport(
          context(submission, 'json'),
          {
            status: 'accepted',
            records: outcome.documents,
            findings: outcome.findings,
            notices:
              revised.length > 0
                ? [
                    ...notices,
                    {
                      kind: 'months-revised',
                      severity: 'info',
                      file: null,
                      message: `The figures changed for ${listInWords(revised)}.`,
                    },
                  ]
                : notices,
          },
          { figures: yearToDate(merged.months), months: [...merged.changes] },
        );
        return {
          report: { ...renderedCouncilLevel(report), children: outcome.documents },
          aggregates: {
            children: state.size,
            indicators: cscapiIndicators(merged.months),
            figures: yearToDate(merged.months),
            months: merged.months,
          },
        };
      },
    };
  },
};
