import { parse as parseCsv } from 'csv-parse/sync';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { COUNCILS } from '../../../shared/domain/councils.ts';
import {
  assessMateriality,
  type BandsByCouncil,
  buildDfeSummary,
  changeSummaryId,
  type DfeSummary,
  isoWeekId,
  SUMMARY_ID,
  type SummaryInput,
} from '../../../shared/domain/dfe-summary.ts';
import {
  type Cell,
  oneDecimal,
  percentOfPublished,
  protectCount,
  protectTable,
  roundTotal,
} from '../../../shared/domain/disclosure.ts';
import {
  CSV_COLUMNS,
  JSON_FEED_VERSION,
  renderAtom,
  renderCsv,
  renderJsonFeed,
} from '../../../shared/domain/feeds.ts';
import type { RiskBand } from '../../../shared/domain/risk/model.ts';

const inRegion = (region: string) => COUNCILS.filter((council) => council.region === region).map((c) => c.la);

/** Every council green, except the named ones. */
function bandsWith(overrides: Record<string, RiskBand>): BandsByCouncil {
  return {
    ...Object.fromEntries(COUNCILS.map((council) => [council.la, 'green' as RiskBand])),
    ...overrides,
  };
}

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    summaryId: '2026-W48',
    trigger: 'weekly',
    period: '2026-W48',
    generatedAt: '2026-11-23T07:00:05.000Z',
    bands: bandsWith({}),
    previous: null,
    indicators: [],
    intelligence: {},
    ...overrides,
  };
}

/** In every row and column with a suppressed cell there are at least two: no total gives one away. */
function assertNoLoneSuppression(cells: readonly (readonly Cell[])[]): void {
  const columns = cells[0]?.length ?? 0;
  for (const row of cells) {
    const hidden = row.filter((cell) => cell === 'c').length;
    expect(hidden === 0 || hidden >= 2, JSON.stringify(row)).toBe(true);
  }
  for (let c = 0; c < columns; c += 1) {
    const hidden = cells.filter((row) => row[c] === 'c').length;
    expect(hidden === 0 || hidden >= 2, `column ${c}`).toBe(true);
  }
}

describe('disclosure control', () => {
  it('suppresses counts of 1 to 5 and keeps 0 and 6', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12].map(protectCount)).toEqual([0, 'c', 'c', 'c', 'c', 'c', 6, 12]);
    expect(protectCount(null)).toBe('x');
  });

  it('rounds England and regional totals to the nearest 10, with k for a non-zero total that rounds to 0', () => {
    expect([0, 3, 4, 5, 14, 15, 153].map(roundTotal)).toEqual([0, 'k', 'k', 10, 10, 20, 150]);
  });

  it('gives percentages and rates to one decimal place, from published counts, z when the total is zero, c on a suppressed count', () => {
    expect(oneDecimal(12.345)).toBe(12.3);
    expect(oneDecimal(0.05)).toBe(0.1);
    expect(oneDecimal(0.04)).toBe('k');
    expect(percentOfPublished(20, 150)).toBe(13.3);
    expect(percentOfPublished('k', 150)).toBe('c');
    expect(percentOfPublished('c', 150)).toBe('c');
    expect(percentOfPublished(0, 0)).toBe('z');
  });

  it('adds secondary suppression so that no row or column total reveals a small cell', () => {
    const table = protectTable([
      [9, 3, 0],
      [10, 8, 7],
      [12, 6, 0],
    ]);
    expect(table.cells[0]![1]).toBe('c');
    expect(table.secondary).toBeGreaterThan(0);
    assertNoLoneSuppression(table.cells);
    expect(table.rowTotals).toEqual([10, 30, 20]);
    expect(table.grandTotal).toBe(60);
  });
});

describe('the DfE summary', () => {
  it('suppresses a region with 3 red councils, and a second cell so that the region total cannot give them away', () => {
    const northEast = inRegion('north-east');
    const summary = buildDfeSummary(
      input({ bands: bandsWith({ [northEast[0]!]: 'red', [northEast[1]!]: 'red', [northEast[2]!]: 'red' }) }),
    );
    const region = summary.regions.find((each) => each.region === 'north-east')!;
    expect(region.bands.red).toBe('c');
    // 9 green, 0 amber, 3 red: the zero is the least informative cell, so the 9 goes with the 3.
    expect(region.bands.green).toBe('c');
    expect(region.councils).toBe(10);
    assertNoLoneSuppression(
      summary.regions.map((each) => [each.bands.green, each.bands.amber, each.bands.red]),
    );
    const red = summary.england.find((figure) => figure.band === 'red')!;
    expect(red.councils).toBe('k');
    expect(red.percent).toBe('c');
    expect(summary.councilsAssessed).toBe(150);
  });

  it('reports movement since the last summary under the same control, and newly assessed councils', () => {
    const london = inRegion('london');
    const previous = bandsWith({ [london[0]!]: 'amber', [london[1]!]: 'amber' });
    delete (previous as Record<string, RiskBand>)[london[2]!];
    const summary = buildDfeSummary(
      input({
        bands: bandsWith({ [london[0]!]: 'red', [london[1]!]: 'green' }),
        previous: { summaryId: '2026-W47', bands: previous },
      }),
    );
    expect(summary.previousSummaryId).toBe('2026-W47');
    const movement = summary.movement!;
    expect(movement.england.escalated).toBe('k');
    expect(movement.england.newlyAssessed).toBe('k');
    const londonMoves = movement.regions.find((each) => each.region === 'london')!;
    expect(londonMoves.movement.escalated).toBe('c');
    expect(londonMoves.movement.deEscalated).toBe('c');
    assertNoLoneSuppression(
      movement.regions.map((each) => [
        each.movement.escalated,
        each.movement.deEscalated,
        each.movement.unchanged,
      ]),
    );
  });

  it('has no movement for the first summary', () => {
    expect(buildDfeSummary(input()).movement).toBeNull();
  });

  it('gives indicator quartiles at the latest period with enough councils, to one decimal place', () => {
    const values = COUNCILS.slice(0, 40).map((_, index) => ({
      indicator: 'assessment-timeliness',
      period: 2025,
      value: { value: 50 + index + 0.26 },
    }));
    // Ten early uploads for a later year are not yet a national picture.
    const fewer = COUNCILS.slice(0, 10).map(() => ({
      indicator: 'assessment-timeliness',
      period: 2026,
      value: { value: 99 },
    }));
    const summary = buildDfeSummary(input({ indicators: [...values, ...fewer] }));
    const figure = summary.indicators.find((each) => each.code === 'assessment-timeliness');
    expect(figure).toBeDefined();
    expect(figure!.period).toBe(2025);
    expect(figure!.councils).toBe(40);
    expect(figure!.median).toBe(69.8);
  });

  it('rounds England intelligence counts and never mentions a narrative', () => {
    const summary = buildDfeSummary(
      input({ intelligence: { 'leadership-change': 3, 'workforce-pressure': 26 } }),
    );
    const items = Object.fromEntries(summary.intelligence.map((entry) => [entry.category, entry.items]));
    expect(items['leadership-change']).toBe('k');
    expect(items['workforce-pressure']).toBe(30);
    expect(items['financial-distress']).toBe(0);
  });
});

describe('material national change', () => {
  const base = bandsWith({});
  const la = COUNCILS[10]!.la;

  it('is material when a council enters or leaves red', () => {
    expect(assessMateriality(base, bandsWith({ [la]: 'red' })).material).toBe(true);
    expect(assessMateriality(bandsWith({ [la]: 'red' }), bandsWith({ [la]: 'amber' })).material).toBe(true);
    expect(assessMateriality(base, bandsWith({ [la]: 'red' })).regions).toEqual([COUNCILS[10]!.region]);
  });

  it('is material when five councils change band, not four', () => {
    const moved = (n: number) =>
      bandsWith(Object.fromEntries(COUNCILS.slice(0, n).map((c) => [c.la, 'amber' as RiskBand])));
    expect(assessMateriality(base, moved(4)).material).toBe(false);
    expect(assessMateriality(base, moved(5)).material).toBe(true);
  });

  it('is not material without an earlier summary, nor for a newly assessed council', () => {
    expect(assessMateriality(null, bandsWith({ [la]: 'red' })).material).toBe(false);
    const without = { ...base };
    delete (without as Record<string, RiskBand>)[la];
    expect(assessMateriality(without, bandsWith({ [la]: 'red' })).material).toBe(false);
  });
});

describe('summary ids', () => {
  it('numbers weeks as ISO 8601 in UK time', () => {
    expect(isoWeekId(new Date('2026-11-23T07:00:00Z'))).toBe('2026-W48');
    expect(isoWeekId(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekId(new Date('2025-12-29T12:00:00Z'))).toBe('2026-W01');
    // Monday 00:30 BST is still Sunday in UTC: the UK week has begun.
    expect(isoWeekId(new Date('2026-03-29T23:30:00Z'))).toBe('2026-W14');
    expect(isoWeekId(new Date('2026-03-29T23:30:00Z'), 'UTC')).toBe('2026-W13');
  });

  it('derives a change summary id from the day of the triggering change alone', () => {
    const id = changeSummaryId('2026-11-23T13:45:12.123Z');
    expect(id).toBe('change-2026-11-23');
    expect(SUMMARY_ID.test(id)).toBe(true);
    expect(SUMMARY_ID.test('2026-W48')).toBe(true);
    expect(SUMMARY_ID.test('change-886')).toBe(false);
  });
});

describe('the feeds', () => {
  const london = inRegion('london');
  const first = buildDfeSummary(
    input({
      bands: bandsWith({ [london[0]!]: 'red', [london[1]!]: 'red', [london[2]!]: 'amber' }),
      intelligence: { 'serious-incident': 2 },
    }),
  );
  const second: DfeSummary = buildDfeSummary(
    input({
      summaryId: 'change-20261124T101500000Z',
      trigger: 'material-change',
      period: '2026-11-24',
      generatedAt: '2026-11-24T10:15:03.000Z',
      bands: bandsWith({ [london[0]!]: 'red', [london[1]!]: 'amber', [london[2]!]: 'amber' }),
      previous: { summaryId: first.summaryId, bands: bandsWith({}) },
    }),
  );
  const atom = renderAtom([second, first], { baseUrl: 'https://api.example.org/' });
  const jsonFeed = renderJsonFeed([second, first], { baseUrl: 'https://api.example.org' });
  const csv = renderCsv(second);

  it('is valid Atom 1.0 to a real feed parser: one entry per summary, newest first, stable ids', () => {
    const feed = parseAtomFeed(atom);
    expect(feed.id).toBe('tag:upstream,2026:feeds/dfe/summary');
    expect(feed.title?.value).toContain('national summary for DfE');
    expect(feed.updated).toBe(second.generatedAt);
    expect(feed.links?.find((link) => link.rel === 'self')?.href).toBe(
      'https://api.example.org/feeds/dfe.atom',
    );
    expect(feed.entries?.map((entry) => entry.id)).toEqual([
      'tag:upstream,2026:feeds/dfe/summary/change-20261124T101500000Z',
      'tag:upstream,2026:feeds/dfe/summary/2026-W48',
    ]);
    const [latest, older] = feed.entries!;
    expect(latest!.categories?.[0]?.term).toBe('material-change');
    expect(older!.title?.value).toBe('Weekly national summary 2026-W48');
    // London's 1 amber and 2 red are suppressed, and so are East Midlands' zeros, so the columns hold.
    expect(older!.content?.value).toContain('London: green 30, amber c, red c');
    expect(older!.content?.value).toContain('East Midlands: green 10, amber c, red c');
    expect(older!.content?.value).toContain('c: suppressed to protect confidentiality.');
  });

  it('is a JSON Feed 1.1 with the figures in an extension', () => {
    const raw = JSON.parse(jsonFeed);
    expect(raw.version).toBe(JSON_FEED_VERSION);
    expect(raw.feed_url).toBe('https://api.example.org/feeds/dfe.json');
    const feed = parseJsonFeed(jsonFeed);
    expect(feed.title).toBe(raw.title);
    expect(feed.items?.map((item) => item.id)).toEqual([
      'tag:upstream,2026:feeds/dfe/summary/change-20261124T101500000Z',
      'tag:upstream,2026:feeds/dfe/summary/2026-W48',
    ]);
    for (const item of raw.items) {
      expect(typeof item.content_text).toBe('string');
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(item._upstream.summary.summaryId).toBeTypeOf('string');
    }
  });

  it('is a tidy CSV, one figure a row, with suppressed cells as c', () => {
    const rows: string[][] = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const cell = (level: string, code: string, measure: string, breakdown: string) =>
      rows.find(
        (row) => row[3] === level && row[4] === code && row[6] === measure && row[7] === breakdown,
      )?.[8];
    expect(cell('Regional', 'london', 'councils_in_band', 'amber')).toBe('c');
    expect(cell('National', 'england', 'councils_assessed', 'total')).toBe('150');
    expect(cell('National', 'england', 'councils_moving', 'escalated')).toBe('k');
  });

  it('names no council and gives no council code, anywhere', () => {
    for (const text of [atom, jsonFeed, csv, renderCsv(first)]) {
      for (const council of COUNCILS) {
        // Whole words: York is a council, and Yorkshire and the Humber a region.
        const name = council.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(new RegExp(`\\b${name}\\b`).test(text), council.name).toBe(false);
        expect(text.includes(council.ons), council.ons).toBe(false);
        expect(new RegExp(`(?<![\\d.])${council.la}(?![\\d.])`).test(text), council.la).toBe(false);
      }
    }
  });
});
