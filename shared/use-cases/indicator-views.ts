// Use case: the indicator views of the API — a council's indicators with benchmarks and history, one
// indicator across all councils, and a region's table — each computed for the caller from the published
// baseline and only the uploaded values the caller may see (indicator-access.ts). Ports only.
import { COUNCILS, type Council, findCouncil, REGIONS } from '../domain/councils.ts';
import { ENGLAND } from '../domain/indicators/baseline.ts';
import { changeOnPreviousPeriod, statisticalNeighbourSummary } from '../domain/indicators/benchmarks.ts';
import {
  type CouncilIndicatorResult,
  computeAll,
  computeCouncilIndicators,
  type IndicatorSources,
  publishedSources,
} from '../domain/indicators/compute.ts';
import { chooseValue } from '../domain/indicators/provenance.ts';
import { findIndicator, INDICATORS, type IndicatorDefinition } from '../domain/indicators/register.ts';
import type { Role } from '../domain/roles.ts';
import type { UploadedValueReader, UploadedValueSet } from '../ports/indicators.ts';
import { accessNote, canSeeUploaded, loadVisibleUploads } from './indicator-access.ts';
import { valueLookups } from './indicator-values.ts';
import { type Refusal, refuse } from './refusal.ts';

export interface ViewDeps {
  readonly uploads: UploadedValueReader;
  /** The published baseline and statistical neighbours; the shipped ones by default. */
  readonly published?: Pick<IndicatorSources, 'published' | 'neighbours'>;
}

export interface ViewQuery {
  /** The period to show (a four-digit year); the latest with figures when absent. */
  readonly period?: string | undefined;
}

export type ViewResult = { readonly ok: true; readonly body: Record<string, unknown> } | Refusal;

const NO_ROLE =
  'Your sign-in carries no Upstream role (a council, a regional adviser, DfE or an administrator), so no ' +
  'figures can be shown. Ask your administrator to add you to the right group.';

const EXAMPLE_COUNCILS = ['886', '202', '330'].map((la) => `${la} (${findCouncil(la)?.name})`).join(', ');

// What the caller may see ---------------------------------------------------------------------------

interface CallerData {
  readonly roles: readonly Role[];
  readonly sets: readonly UploadedValueSet[];
  readonly sources: IndicatorSources;
}

async function callerData(roles: readonly Role[], deps: ViewDeps): Promise<CallerData> {
  const published = deps.published ?? publishedSources();
  const sets = await loadVisibleUploads(roles, deps.uploads);
  return { roles, sets, sources: { ...published, ...valueLookups(sets, (la) => canSeeUploaded(roles, la)) } };
}

/** The requested period, or the latest with figures (published, or uploaded and visible) when none is asked. */
function choosePeriod(
  text: string | undefined,
  data: CallerData,
  latest: number,
): { period: number } | { refusal: ViewResult } {
  const { published } = data.sources;
  const newest = Math.max(published.latestPeriod, ...data.sets.map((set) => set.period));
  if (text === undefined || text === '') return { period: latest };
  const period = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(period >= published.firstPeriod && period <= newest)) {
    return {
      refusal: refuse(
        400,
        `The period must be a year from ${published.firstPeriod} to ${newest}, such as ?period=${published.latestPeriod}; ` +
          `"${text}" is not one.`,
      ),
    };
  }
  return { period };
}

/**
 * The latest period, up to `upTo`, that DfE has published for the indicator: the views across councils
 * compare like with like by default (a council's early upload is one `?period=` away). An indicator DfE
 * does not publish falls back to the latest visible uploaded period.
 */
function latestPeriodOf(indicator: IndicatorDefinition, data: CallerData, upTo = Number.POSITIVE_INFINITY) {
  const published = data.sources.published.periods(indicator.code).filter((period) => period <= upTo);
  if (published.length > 0) return published.at(-1)!;
  const uploaded = data.sets
    .filter((set) => set.period <= upTo && set.values.some((value) => value.indicator === indicator.code))
    .map((set) => set.period);
  return uploaded.length > 0 ? Math.max(...uploaded) : Math.min(upTo, data.sources.published.latestPeriod);
}

/** Checks that no council's uploaded or in-year value reaches a caller who may not see it. */
function guard(result: CouncilIndicatorResult, roles: readonly Role[]): CouncilIndicatorResult {
  const own = result.candidates.uploaded ?? result.candidates.inyear;
  if (own && !canSeeUploaded(roles, result.la)) {
    throw new Error(`Refusing to show council ${result.la}'s uploaded ${result.indicator} to this caller`);
  }
  return result;
}

// Published-only comparisons are the same for every caller who sees no uploads (DfE, most councils'
// views of others), so a warm function works each period out once.
const publishedOnlyResults = new WeakMap<object, Map<number, CouncilIndicatorResult[]>>();

function allResults(period: number, data: CallerData): CouncilIndicatorResult[] {
  if (data.sets.length > 0) return computeAll(period, data.sources);
  let byPeriod = publishedOnlyResults.get(data.sources.published);
  if (!byPeriod) {
    byPeriod = new Map();
    publishedOnlyResults.set(data.sources.published, byPeriod);
  }
  let results = byPeriod.get(period);
  if (!results) {
    results = computeAll(period, data.sources);
    byPeriod.set(period, results);
  }
  return results;
}

// Shapes of the answers -----------------------------------------------------------------------------

function indicatorInfo(indicator: IndicatorDefinition) {
  return {
    code: indicator.code,
    name: indicator.name,
    domain: indicator.domain,
    definition: indicator.definition,
    sourceReturn: indicator.sourceReturn,
    unit: indicator.unit,
    decimals: indicator.decimals,
    polarity: indicator.polarity,
    ...(indicator.polarityNote ? { polarityNote: indicator.polarityNote } : {}),
    minimumDenominator: indicator.minimumDenominator,
  };
}

const councilInfo = (council: Council) => ({
  la: council.la,
  name: council.name,
  region: council.region,
  regionName: REGIONS[council.region],
});

/** A result with every benchmark, as the API shows it. */
function benchmarks(result: CouncilIndicatorResult) {
  const published = result.candidates.published?.value;
  return {
    period: result.period,
    comparatorPeriod: result.comparatorPeriod,
    councilExisted: result.councilExisted,
    value: result.value?.value ?? null,
    provenance: result.value?.provenance ?? null,
    numerator: result.value?.numerator ?? null,
    denominator: result.value?.denominator ?? null,
    candidates: {
      published: published ?? null,
      uploaded: result.candidates.uploaded?.value ?? null,
      inyear: result.candidates.inyear?.value ?? null,
    },
    publishedMissing: result.publishedMissing,
    jointReturnWith: result.jointReturnWith,
    belowMinimumDenominator: result.belowMinimumDenominator,
    englandValue: result.england,
    regionValue: result.region,
    statNeighbours: result.statNeighbours,
    quartile: result.quartile,
    rank: result.rank,
    change: result.change,
    funnel: result.funnel,
    /** Where the uploaded value and DfE's later published figure differ beyond the tolerance. */
    drift: result.drift ?? null,
  };
}

/** The short form used in tables and history. */
function brief(result: CouncilIndicatorResult) {
  return {
    value: result.value?.value ?? null,
    provenance: result.value?.provenance ?? null,
    band: result.quartile?.band ?? null,
    rank: result.rank?.rank ?? null,
    outOf: result.rank?.outOf ?? null,
    direction: result.change?.direction ?? null,
    belowMinimumDenominator: result.belowMinimumDenominator,
  };
}

function baselineInfo(sources: IndicatorSources) {
  return { version: sources.published.version, attribution: sources.published.attribution };
}

/**
 * The council's value in each period up to `period`, with England, its region and its statistical
 * neighbours' mean beside it (the series LAIT draws). Values are chosen as for the benchmarks, but a full
 * benchmark per period would cost a comparison with every council for every year.
 */
function history(
  council: Council,
  indicator: IndicatorDefinition,
  period: number,
  sources: IndicatorSources,
  roles: readonly Role[],
) {
  const { published } = sources;
  const chosenValue = (la: string, year: number) => {
    const choice = chooseValue({
      published: published.cell(indicator.code, la, year),
      uploaded: sources.uploaded?.get(la, indicator.code, year),
      inyear: sources.inyear?.get(la, indicator.code, year),
    });
    if (choice.chosen && choice.chosen.provenance !== 'published' && !canSeeUploaded(roles, la)) {
      throw new Error(`Refusing to show council ${la}'s uploaded ${indicator.code} to this caller`);
    }
    return choice.chosen;
  };
  const figure = (area: string, year: number) => {
    const value = published.cell(indicator.code, area, year)?.value;
    return typeof value === 'number' ? value : null;
  };
  const entries = [];
  let previous: number | null = null;
  for (let year = published.firstPeriod; year <= period; year += 1) {
    const chosen = chosenValue(council.la, year);
    const neighbours = sources.neighbours.of(council.la).map((la) => chosenValue(la, year)?.value);
    const value = chosen?.value ?? null;
    const entry = {
      period: year,
      value,
      provenance: chosen?.provenance ?? null,
      direction: changeOnPreviousPeriod(value, previous, indicator.polarity)?.direction ?? null,
      englandValue: figure(ENGLAND, year),
      regionValue: figure(council.region, year),
      statNeighbourMean: statisticalNeighbourSummary(neighbours)?.mean ?? null,
    };
    previous = value;
    if (value !== null || entry.englandValue !== null) entries.push(entry);
  }
  return entries;
}

// The views -------------------------------------------------------------------------------------------

/** GET /indicators/councils/{la}: every indicator for the council, with benchmarks and history. */
export async function councilIndicatorsView(
  la: string,
  roles: readonly Role[],
  query: ViewQuery,
  deps: ViewDeps,
): Promise<ViewResult> {
  if (roles.length === 0) return refuse(403, NO_ROLE);
  const council = findCouncil(la);
  if (!council) {
    return refuse(
      404,
      `There is no council with number "${la}". Use DfE's three-digit council number, for example ${EXAMPLE_COUNCILS}; ` +
        'GET /indicators/regions/{region} lists the councils of a region.',
    );
  }
  const data = await callerData(roles, deps);
  const ownPeriods = data.sets.filter((set) => set.la === la).map((set) => set.period);
  const chosen = choosePeriod(
    query.period,
    data,
    Math.max(data.sources.published.latestPeriod, ...ownPeriods),
  );
  if ('refusal' in chosen) return chosen.refusal;
  const { period } = chosen;

  const current = computeCouncilIndicators(la, period, data.sources);
  return {
    ok: true,
    body: {
      council: councilInfo(council),
      period,
      uploadedValuesVisible: canSeeUploaded(roles, la),
      access: accessNote(roles, la),
      baseline: baselineInfo(data.sources),
      indicators: current.map((result) => {
        guard(result, roles);
        const indicator = findIndicator(result.indicator)!;
        return {
          ...indicatorInfo(indicator),
          ...benchmarks(result),
          history: history(council, indicator, period, data.sources, roles),
        };
      }),
    },
  };
}

/** GET /indicators/{code}: one indicator for every council, with England and each region. */
export async function indicatorAcrossCouncilsView(
  code: string,
  roles: readonly Role[],
  query: ViewQuery,
  deps: ViewDeps,
): Promise<ViewResult> {
  if (roles.length === 0) return refuse(403, NO_ROLE);
  const indicator = findIndicator(code);
  if (!indicator) {
    return refuse(
      404,
      `There is no indicator "${code}". The indicators are: ${INDICATORS.map((each) => each.code).join(', ')}.`,
    );
  }
  const data = await callerData(roles, deps);
  const chosen = choosePeriod(query.period, data, latestPeriodOf(indicator, data));
  if ('refusal' in chosen) return chosen.refusal;
  const { period } = chosen;

  const results = allResults(period, data).filter((result) => result.indicator === code);
  const comparatorPeriod = results[0]?.comparatorPeriod ?? period;
  const figure = (area: string) => {
    const value = data.sources.published.cell(code, area, comparatorPeriod)?.value;
    return typeof value === 'number' ? value : null;
  };
  return {
    ok: true,
    body: {
      indicator: indicatorInfo(indicator),
      period,
      comparatorPeriod,
      access: accessNote(roles),
      baseline: baselineInfo(data.sources),
      englandValue: figure(ENGLAND),
      regions: Object.entries(REGIONS).map(([region, name]) => ({ region, name, value: figure(region) })),
      councils: results.map((result) => {
        guard(result, roles);
        const council = findCouncil(result.la)!;
        return {
          la: council.la,
          name: council.name,
          region: council.region,
          uploadedValuesVisible: canSeeUploaded(roles, council.la),
          ...benchmarks(result),
        };
      }),
    },
  };
}

/** GET /indicators/regions/{region}: every indicator for each council of the region, latest period of each. */
export async function regionTableView(
  region: string,
  roles: readonly Role[],
  query: ViewQuery,
  deps: ViewDeps,
): Promise<ViewResult> {
  if (roles.length === 0) return refuse(403, NO_ROLE);
  if (!Object.hasOwn(REGIONS, region)) {
    return refuse(
      404,
      `There is no region "${region}". The regions are: ${Object.keys(REGIONS).join(', ')}.`,
    );
  }
  const data = await callerData(roles, deps);
  const chosen = choosePeriod(query.period, data, Number.POSITIVE_INFINITY);
  if ('refusal' in chosen) return chosen.refusal;
  // Each indicator is shown for its own latest period up to the one asked for: DfE publishes the returns
  // at different times, and a table of blanks helps no one.
  const upTo = query.period ? chosen.period : Number.POSITIVE_INFINITY;
  const periodOf = new Map(
    INDICATORS.map((indicator) => [indicator.code, latestPeriodOf(indicator, data, upTo)]),
  );

  const byPeriod = new Map<number, CouncilIndicatorResult[]>();
  for (const period of new Set(periodOf.values())) {
    byPeriod.set(
      period,
      allResults(period, data).filter(
        (result) => findCouncil(result.la)?.region === region && periodOf.get(result.indicator) === period,
      ),
    );
  }
  const members = COUNCILS.filter((council) => council.region === region);
  const cells = new Map<string, CouncilIndicatorResult>();
  for (const result of [...byPeriod.values()].flat())
    cells.set(`${result.la}|${result.indicator}`, guard(result, roles));

  return {
    ok: true,
    body: {
      region: { region, name: REGIONS[region] },
      access: accessNote(roles),
      baseline: baselineInfo(data.sources),
      indicators: INDICATORS.map((indicator) => {
        const sample = members.map((council) => cells.get(`${council.la}|${indicator.code}`)).find(Boolean);
        return {
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          decimals: indicator.decimals,
          polarity: indicator.polarity,
          period: periodOf.get(indicator.code),
          comparatorPeriod: sample?.comparatorPeriod ?? periodOf.get(indicator.code),
          englandValue: sample?.england ?? null,
          regionValue: sample?.region ?? null,
        };
      }),
      councils: members.map((council) => ({
        ...councilInfo(council),
        uploadedValuesVisible: canSeeUploaded(roles, council.la),
        values: Object.fromEntries(
          INDICATORS.map((indicator) => {
            const result = cells.get(`${council.la}|${indicator.code}`);
            return [indicator.code, result ? brief(result) : null];
          }),
        ),
      })),
    },
  };
}
