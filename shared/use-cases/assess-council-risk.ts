// Use case: reassess a council's risk after anything that can move it (an ingested return, a change to
// soft intelligence), keep every assessment, and tell the region's advisers (RiskChanged on AlertQueue)
// when the band changes or a new red driver appears. Ports only.
//
// A council's first assessment is a data-only baseline (no intelligence): the first event is then compared
// with what the published and uploaded figures alone say, so an intelligence item that moves the band
// alerts, and merely being assessed for the first time does not.
import { councilBandChangedMessage } from '../../events/dfe-digest.ts';
import { type RiskChangedV1, riskChangedMessage } from '../../events/risk-changed.ts';
import { findCouncil, REGIONS } from '../domain/councils.ts';
import { withCscapiMonths } from '../domain/cscapi/measures.ts';
import {
  type CouncilIndicatorResult,
  computeCouncilIndicators,
  type IndicatorSources,
  publishedSources,
} from '../domain/indicators/compute.ts';
import type { InYearMonth } from '../domain/inyear/months.ts';
import { assessRisk, type RiskAssessment, riskChanged } from '../domain/risk/assess.ts';
import type { AggregateStore } from '../ports/aggregates.ts';
import type { IndicatorStore, UploadedValueSet } from '../ports/indicators.ts';
import type { IntelligenceStore } from '../ports/intelligence.ts';
import type { RiskStore, StoredAssessment } from '../ports/risk.ts';
import { valueLookups } from './indicator-values.ts';

export interface RiskDeps {
  readonly risk: RiskStore;
  readonly intelligence: Pick<IntelligenceStore, 'activeSignals'>;
  readonly uploads: Pick<IndicatorStore, 'uploadedInRegion'>;
  /** The council's in-year months, for the control charts' "why now" drivers. */
  readonly inyear: Pick<AggregateStore, 'currentAggregates'>;
  readonly publishRiskChanged: (message: {
    body: string;
    groupId: string;
    deduplicationId: string;
  }) => Promise<void>;
  /** A changed band may change the national picture: DfE's summary is then checked (dfe-digest). */
  readonly publishBandChanged: (message: { body: string }) => Promise<void>;
  readonly published?: Pick<IndicatorSources, 'published' | 'neighbours'>;
  readonly now: () => Date;
}

export interface RiskCause {
  readonly type: string;
  readonly eventId: string;
}

export type RiskOutcome =
  | { readonly kind: 'duplicate'; readonly version: number; readonly alert: RiskChangedV1 | null }
  | { readonly kind: 'assessed'; readonly stored: StoredAssessment; readonly alert: RiskChangedV1 | null };

/** How often to reassess when a concurrent recompute took the version first. */
const ATTEMPTS = 3;
const TOP_DRIVERS = 5;

/** The published baseline with every council's uploaded values (they move ranks and neighbour means). */
async function riskSources(deps: RiskDeps): Promise<{ sources: IndicatorSources; sets: UploadedValueSet[] }> {
  const published = deps.published ?? publishedSources();
  const sets = (
    await Promise.all(Object.keys(REGIONS).map((region) => deps.uploads.uploadedInRegion(region)))
  ).flat();
  return { sources: { ...published, ...valueLookups(sets) }, sets };
}

/**
 * Each indicator at the latest period the council has a value for: returns are published at different
 * times, and a council's own upload can be a year ahead of the published figures.
 */
export function latestResults(
  la: string,
  sources: IndicatorSources,
  uploadedPeriods: readonly number[],
): CouncilIndicatorResult[] {
  const latest = sources.published.latestPeriod;
  const periods = [...new Set(uploadedPeriods.filter((period) => period > latest))].sort((a, b) => b - a);
  const chosen = new Map<string, CouncilIndicatorResult>();
  for (const period of periods) {
    for (const result of computeCouncilIndicators(la, period, sources)) {
      if (!chosen.has(result.indicator) && result.value?.value != null) chosen.set(result.indicator, result);
    }
  }
  for (const result of computeCouncilIndicators(la, latest, sources)) {
    if (!chosen.has(result.indicator)) chosen.set(result.indicator, result);
  }
  return [...chosen.values()];
}

function alertFor(
  la: string,
  version: number,
  assessment: RiskAssessment,
  previous: RiskAssessment,
  cause: RiskCause,
  occurredAt: string,
): RiskChangedV1 | null {
  const change = riskChanged(previous, assessment);
  if (!change.changed) return null;
  return {
    type: 'RiskChanged',
    version: 1,
    eventId: `${la}#${version}`,
    occurredAt,
    la,
    region: findCouncil(la)!.region,
    assessmentVersion: version,
    modelVersion: assessment.modelVersion,
    asOf: assessment.asOf,
    from: change.from,
    to: change.to,
    bandChanged: change.bandChanged,
    topDrivers: assessment.drivers.slice(0, TOP_DRIVERS).map((driver) => ({
      kind: driver.kind,
      text: driver.text,
      red: driver.red,
    })),
    newRedDrivers: change.newRedDrivers.map((driver) => driver.text),
    cause: { type: cause.type, eventId: cause.eventId },
    ...(assessment.override?.applied
      ? {
          override: {
            band: assessment.override.band,
            by: assessment.override.by,
            reason: assessment.override.reason,
            expiresOn: assessment.override.expiresOn,
            modelBand: assessment.modelBand,
          },
        }
      : {}),
  };
}

/**
 * The council's in-year months for this collection year and the one before (the charts' limits come from the
 * earlier months, so a year's first months are judged against the previous year's).
 */
export async function inyearMonths(
  la: string,
  now: Date,
  store: Pick<AggregateStore, 'currentAggregates'>,
): Promise<InYearMonth[]> {
  // The collection year ends in March: from April, months belong to the year ending next March.
  const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const [previous, current, apiPrevious, apiCurrent] = await Promise.all([
    store.currentAggregates(la, 'inyear', year - 1),
    store.currentAggregates(la, 'inyear', year),
    store.currentAggregates(la, 'cscapi', year - 1),
    store.currentAggregates(la, 'cscapi', year),
  ]);
  // The CSC API payload's months, where the council sends it, replace the monthly CSV's (docs/cscapi.md).
  return withCscapiMonths(
    [...(previous?.months ?? []), ...(current?.months ?? [])],
    [...(apiPrevious?.months ?? []), ...(apiCurrent?.months ?? [])],
  );
}

export async function assessCouncilRisk(la: string, cause: RiskCause, deps: RiskDeps): Promise<RiskOutcome> {
  if (!findCouncil(la)) throw new Error(`Council ${la} is not an English council`);
  const [{ sources, sets }, months] = await Promise.all([
    riskSources(deps),
    inyearMonths(la, deps.now(), deps.inyear),
  ]);
  const indicators = latestResults(
    la,
    sources,
    sets.filter((set) => set.la === la).map((set) => set.period),
  );

  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    let current = await deps.risk.current(la);
    const resent = current?.alertPending ? await sendPendingAlert(la, current, deps) : null;
    if (current?.cause.eventId === cause.eventId)
      return { kind: 'duplicate', version: current.version, alert: resent };
    const now = deps.now();
    const asOf = now.toISOString().slice(0, 10);
    const assessedAt = now.toISOString();

    if (!current) {
      const baseline: StoredAssessment = {
        version: 1,
        assessment: assessRisk({ la, asOf, indicators, inyearMonths: months }),
        cause: { type: 'Baseline', eventId: `${la}#baseline` },
        assessedAt,
      };
      if ((await deps.risk.save(la, baseline)) === 'conflict') continue;
      current = baseline;
    }

    const [signals, override] = await Promise.all([
      deps.intelligence.activeSignals(la, asOf),
      deps.risk.override(la),
    ]);
    const assessment = assessRisk({
      la,
      asOf,
      indicators,
      inyearMonths: months,
      signals,
      previous: current.assessment,
      override: override
        ? { band: override.band, reason: override.reason, expiresOn: override.expiresOn, by: override.by }
        : null,
    });
    const version = current.version + 1;
    const alert = alertFor(la, version, assessment, current.assessment, cause, assessedAt);
    // Stored first, marked as owing its alert, then sent: if the send fails or the invocation stops, the
    // redelivered event (or, if it is given up, the council's next one) sends that assessment's alert from
    // what was stored, never one from a later reassessment under the same id.
    const stored: StoredAssessment = {
      version,
      assessment,
      cause,
      assessedAt,
      ...(alert ? { alertPending: true } : {}),
    };
    if ((await deps.risk.save(la, stored)) === 'conflict') continue;
    if (alert) await sendAlert(la, alert, deps);
    return { kind: 'assessed', stored, alert };
  }
  throw new Error(`Council ${la}'s risk was reassessed concurrently ${ATTEMPTS} times; retrying later`);
}

async function sendAlert(la: string, alert: RiskChangedV1, deps: RiskDeps): Promise<void> {
  await deps.publishRiskChanged(riskChangedMessage(alert));
  if (alert.bandChanged) await deps.publishBandChanged({ body: councilBandChangedMessage(alert) });
  await deps.risk.alertSent(la, alert.assessmentVersion);
}

/**
 * The current assessment owes its alert (an invocation stopped, or the send failed, after it was stored). The
 * alert is worked out again from what was stored (that version against the one before), so it is the same
 * message under the same id: if it did go out, the queue's deduplication and notify's ledger drop the copy.
 */
async function sendPendingAlert(
  la: string,
  current: StoredAssessment,
  deps: RiskDeps,
): Promise<RiskChangedV1 | null> {
  const [, previous] = await deps.risk.history(la, 2);
  const alert =
    previous?.version === current.version - 1
      ? alertFor(
          la,
          current.version,
          current.assessment,
          previous.assessment,
          current.cause,
          current.assessedAt,
        )
      : null;
  if (alert) await sendAlert(la, alert, deps);
  else await deps.risk.alertSent(la, current.version);
  return alert;
}
