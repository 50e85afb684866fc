// The indicator views on an in-memory store and the shipped baseline: who sees which values, for every
// role, and the errors a caller can act on.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeAll,
  computeCouncilIndicators,
  publishedSources,
} from '../../../shared/domain/indicators/compute.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { UploadedValueSet } from '../../../shared/ports/indicators.ts';
import { canSeeUploaded, loadVisibleUploads } from '../../../shared/use-cases/indicator-access.ts';
import { InMemoryIndicatorStore } from '../../../shared/use-cases/indicator-in-memory.ts';
import {
  councilIndicatorsView,
  indicatorAcrossCouncilsView,
  regionTableView,
  type ViewDeps,
  type ViewResult,
} from '../../../shared/use-cases/indicator-views.ts';

const published = publishedSources();
const KENT = '886'; // south-east
const SURREY = '936'; // south-east
const CAMDEN = '202'; // london

// Values no published figure has, so any leak is recognisable.
const UPLOADED: Record<string, number> = { [KENT]: 41.23, [SURREY]: 37.91, [CAMDEN]: 55.17 };
const KENT_2026 = 70.13;

function set(la: string, region: string, period: number, value: number): UploadedValueSet {
  return {
    la,
    region,
    period,
    returnType: 'ssda903',
    submissionId: `SUB-${la}-${period}`,
    ingestedAt: '2026-11-23T10:00:00.000Z',
    values: [{ indicator: 'placement-instability', value, numerator: value * 10, denominator: 1000 }],
  };
}

const roles = {
  kent: [{ kind: 'council', la: KENT }],
  camden: [{ kind: 'council', la: CAMDEN }],
  southEastAdviser: [{ kind: 'adviser', region: 'south-east' }],
  londonAdviser: [{ kind: 'adviser', region: 'london' }],
  dfe: [{ kind: 'dfe' }],
  admin: [{ kind: 'admin' }],
  none: [],
} satisfies Record<string, Role[]>;

let deps: ViewDeps;

beforeAll(async () => {
  const store = new InMemoryIndicatorStore();
  await store.saveUploadedValues(set(KENT, 'south-east', 2025, UPLOADED[KENT]!));
  await store.saveUploadedValues(set(SURREY, 'south-east', 2025, UPLOADED[SURREY]!));
  await store.saveUploadedValues(set(CAMDEN, 'london', 2025, UPLOADED[CAMDEN]!));
  await store.saveUploadedValues(set(KENT, 'south-east', 2026, KENT_2026));
  deps = { uploads: store, published };
});

function body(result: ViewResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected an answer, got ${result.status}: ${result.message}`);
  return result.body;
}

type Row = { la: string; value: number | null; provenance: string | null; rank: { rank: number } | null };

async function placementRows(who: readonly Role[]): Promise<Map<string, Row>> {
  const answer = body(
    await indicatorAcrossCouncilsView('placement-instability', who, { period: '2025' }, deps),
  );
  return new Map((answer.councils as Row[]).map((row) => [row.la, row]));
}

/** Which of the three uploads the caller sees in the indicator across all councils. */
async function uploadsSeen(who: readonly Role[]): Promise<string[]> {
  const rows = await placementRows(who);
  return [KENT, SURREY, CAMDEN].filter((la) => {
    const row = rows.get(la)!;
    if (row.provenance === 'uploaded') expect(row.value).toBe(UPLOADED[la]);
    else expect(row.value).not.toBe(UPLOADED[la]);
    return row.provenance === 'uploaded';
  });
}

describe('who sees uploaded values', () => {
  it.each([
    ['a council, its own only', roles.kent, [KENT]],
    ['another council, its own only', roles.camden, [CAMDEN]],
    ['an adviser, every council of their region', roles.southEastAdviser, [KENT, SURREY]],
    ['an adviser of another region, none of these', roles.londonAdviser, [CAMDEN]],
    ['DfE, none', roles.dfe, []],
    ['an administrator, all', roles.admin, [KENT, SURREY, CAMDEN]],
  ])('%s', async (_who, who, expected) => {
    expect(await uploadsSeen(who)).toEqual(expected);
  });

  it('adds roles up', async () => {
    expect(await uploadsSeen([...roles.camden, ...roles.dfe, ...roles.southEastAdviser])).toEqual([
      KENT,
      SURREY,
      CAMDEN,
    ]);
  });

  it('has the same rule for every council, region and role', () => {
    expect(canSeeUploaded(roles.kent, KENT)).toBe(true);
    expect(canSeeUploaded(roles.kent, SURREY)).toBe(false);
    expect(canSeeUploaded(roles.southEastAdviser, SURREY)).toBe(true);
    expect(canSeeUploaded(roles.southEastAdviser, CAMDEN)).toBe(false);
    expect(canSeeUploaded(roles.dfe, KENT)).toBe(false);
    expect(canSeeUploaded(roles.admin, CAMDEN)).toBe(true);
    expect(canSeeUploaded(roles.admin, '999')).toBe(false);
    expect(canSeeUploaded(roles.none, KENT)).toBe(false);
  });

  it('reads only the values the roles allow', async () => {
    const reads: string[] = [];
    const reader = {
      uploadedForCouncil: async (la: string) => {
        reads.push(`council ${la}`);
        return [set(la, 'london', 2025, 1), set(SURREY, 'south-east', 2025, 2)];
      },
      uploadedInRegion: async (region: string) => {
        reads.push(`region ${region}`);
        return [];
      },
    };
    // Even if a store answered with too much, another council's set is dropped.
    const sets = await loadVisibleUploads(roles.camden, reader);
    expect(sets.map((each) => each.la)).toEqual([CAMDEN]);
    expect(reads).toEqual([`council ${CAMDEN}`]);
    await loadVisibleUploads(roles.dfe, reader);
    expect(reads).toHaveLength(1);
    await loadVisibleUploads([...roles.southEastAdviser, ...roles.kent], reader);
    expect(reads.slice(1)).toEqual(['region south-east']);
  });
});

describe('benchmarks use only values the caller may see', () => {
  it('DfE sees exactly the published comparison', async () => {
    const rows = await placementRows(roles.dfe);
    const publishedOnly = computeAll(2025, published).filter((r) => r.indicator === 'placement-instability');
    for (const result of publishedOnly) {
      expect(rows.get(result.la)?.value).toBe(result.value?.value ?? null);
      expect(rows.get(result.la)?.rank?.rank ?? null).toBe(result.rank?.rank ?? null);
    }
  });

  it('a council’s own view of another council is not moved by a third council’s upload', async () => {
    const camdenView = body(await councilIndicatorsView(SURREY, roles.camden, { period: '2025' }, deps));
    const dfeView = body(await councilIndicatorsView(SURREY, roles.dfe, { period: '2025' }, deps));
    type Entry = { code: string; rank: unknown; quartile: unknown; statNeighbours: unknown; value: unknown };
    const pick = (view: Record<string, unknown>, code: string) =>
      (view.indicators as Entry[]).find((entry) => entry.code === code)!;
    // Camden's own upload may shape what Camden sees; Kent's (a Surrey neighbour) never does.
    const surreyForCamden = pick(camdenView, 'placement-instability');
    const surreyForDfe = pick(dfeView, 'placement-instability');
    expect(surreyForCamden.value).toBe(surreyForDfe.value);
    expect(surreyForCamden.statNeighbours).toEqual(surreyForDfe.statNeighbours);
    const text = JSON.stringify(camdenView);
    for (const value of [UPLOADED[KENT], UPLOADED[SURREY]]) {
      expect(new RegExp(`[:,\\[]${value}[,}\\]]`).test(text)).toBe(false);
    }
  });

  it('nothing DfE receives contains an uploaded value', async () => {
    const answers = await Promise.all([
      councilIndicatorsView(KENT, roles.dfe, {}, deps),
      indicatorAcrossCouncilsView('placement-instability', roles.dfe, {}, deps),
      regionTableView('south-east', roles.dfe, {}, deps),
      regionTableView('london', roles.dfe, {}, deps),
    ]);
    for (const answer of answers) {
      const text = JSON.stringify(body(answer));
      const leaks = [...Object.values(UPLOADED), KENT_2026].filter((value) =>
        new RegExp(`[:,\\[]${value}[,}\\]]`).test(text),
      );
      expect(leaks).toEqual([]);
      expect(text.includes('"provenance":"uploaded"')).toBe(false);
    }
  });
});

describe('a council’s indicators', () => {
  it('shows its own upload with every benchmark, the published figure beside it, and history', async () => {
    const view = body(await councilIndicatorsView(KENT, roles.kent, { period: '2025' }, deps));
    expect(view).toMatchObject({
      council: { la: KENT, name: 'Kent', region: 'south-east' },
      period: 2025,
      uploadedValuesVisible: true,
    });
    const indicators = view.indicators as Record<string, unknown>[];
    expect(indicators).toHaveLength(29);
    const placement = indicators.find((entry) => entry.code === 'placement-instability')!;
    expect(placement).toMatchObject({
      value: UPLOADED[KENT],
      provenance: 'uploaded',
      candidates: { published: 12, uploaded: UPLOADED[KENT], inyear: null },
      quartile: { band: 'D' },
      rank: { outOf: expect.any(Number) },
    });
    expect(placement.englandValue).toBeTypeOf('number');
    expect(placement.regionValue).toBeTypeOf('number');
    expect(placement.funnel).toMatchObject({ position: { at998: 'above' } });
    const expected = computeCouncilIndicators(KENT, 2024, published).find(
      (r) => r.indicator === 'placement-instability',
    );
    const history = placement.history as { period: number; value: number; provenance: string }[];
    expect(history.at(0)?.period).toBe(2016);
    expect(history.find((entry) => entry.period === 2024)?.value).toBe(expected?.value?.value);
    expect(history.at(-1)).toMatchObject({ period: 2025, value: UPLOADED[KENT], provenance: 'uploaded' });
  });

  it('defaults to the latest period with figures the caller may see', async () => {
    expect(body(await councilIndicatorsView(KENT, roles.kent, {}, deps)).period).toBe(2026);
    expect(body(await councilIndicatorsView(KENT, roles.dfe, {}, deps)).period).toBe(2025);
  });

  it('shows another council’s published figures only', async () => {
    const view = body(await councilIndicatorsView(KENT, roles.camden, { period: '2025' }, deps));
    expect(view.uploadedValuesVisible).toBe(false);
    expect(view.access).toMatch(/Published statistics only/);
    const placement = (view.indicators as Record<string, unknown>[]).find(
      (entry) => entry.code === 'placement-instability',
    );
    expect(placement).toMatchObject({ value: 12, provenance: 'published', candidates: { uploaded: null } });
  });
});

describe('a region’s table', () => {
  it('lists the region’s councils, with uploads only for those the caller may see', async () => {
    const view = body(await regionTableView('south-east', roles.southEastAdviser, {}, deps));
    const councils = view.councils as {
      la: string;
      values: Record<string, { value: number; provenance: string } | null>;
    }[];
    expect(councils).toHaveLength(19);
    const kent = councils.find((council) => council.la === KENT)!;
    expect(kent.values['placement-instability']).toMatchObject({
      value: UPLOADED[KENT],
      provenance: 'uploaded',
    });
    const indicators = view.indicators as { code: string; period: number; englandValue: number | null }[];
    expect(indicators.find((entry) => entry.code === 'placement-instability')).toMatchObject({
      period: 2025,
    });
    expect(indicators.find((entry) => entry.code === 'placement-instability')?.englandValue).toBeTypeOf(
      'number',
    );

    const forKent = body(await regionTableView('south-east', roles.kent, {}, deps));
    const surrey = (forKent.councils as typeof councils).find((council) => council.la === SURREY)!;
    expect(surrey.values['placement-instability']?.provenance).toBe('published');
  });
});

describe('refusals in words', () => {
  it('refuses a caller with no role', async () => {
    for (const answer of [
      await councilIndicatorsView(KENT, roles.none, {}, deps),
      await indicatorAcrossCouncilsView('cla-rate', roles.none, {}, deps),
      await regionTableView('london', roles.none, {}, deps),
    ]) {
      expect(answer).toMatchObject({
        ok: false,
        status: 403,
        message: expect.stringMatching(/no Upstream role/),
      });
    }
  });

  it('names known councils, indicators and regions when one is unknown', async () => {
    expect(await councilIndicatorsView('999', roles.admin, {}, deps)).toMatchObject({
      ok: false,
      status: 404,
      message: expect.stringMatching(/no council with number "999".*886 \(Kent\)/),
    });
    expect(await indicatorAcrossCouncilsView('caseload', roles.admin, {}, deps)).toMatchObject({
      ok: false,
      status: 404,
      message: expect.stringMatching(/no indicator "caseload".*average-caseload/),
    });
    expect(await regionTableView('wessex', roles.admin, {}, deps)).toMatchObject({
      ok: false,
      status: 404,
      message: expect.stringMatching(/no region "wessex".*south-east/),
    });
  });

  it('refuses a period it has no figures for', async () => {
    expect(await councilIndicatorsView(KENT, roles.dfe, { period: '2026' }, deps)).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/from 2013 to 2025/),
    });
    expect(
      await indicatorAcrossCouncilsView('cla-rate', roles.kent, { period: 'latest' }, deps),
    ).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(body(await councilIndicatorsView(KENT, roles.kent, { period: '2026' }, deps)).period).toBe(2026);
  });
});
