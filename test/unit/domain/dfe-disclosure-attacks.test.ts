// Attacks on the published DfE summary: a reader who knows how it is made re-publishes every possible set of
// counts and keeps those that give exactly what was published. A suppressed cell (c or k) that takes only one
// value across them is disclosed. Also across two consecutive summaries (one council's band changed between
// them), and the ids and times published with a summary.
import { describe, expect, it } from 'vitest';
import { COUNCILS } from '../../../shared/domain/councils.ts';
import {
  type BandsByCouncil,
  buildDfeSummary,
  changeSummaryId,
  type DfeSummary,
  SUMMARY_ID,
  type SummaryInput,
} from '../../../shared/domain/dfe-summary.ts';
import type { Cell } from '../../../shared/domain/disclosure.ts';
import { RISK_BANDS, type RiskBand } from '../../../shared/domain/risk/model.ts';

const LAS = COUNCILS.map((council) => council.la);

/** Councils in bands by count (green, amber, red), councils taken in a fixed order. */
function bandsOf([green, amber, red]: readonly number[]): BandsByCouncil {
  const bands: Record<string, RiskBand> = {};
  LAS.slice(0, green! + amber! + red!).forEach((la, index) => {
    bands[la] = index < green! ? 'green' : index < green! + amber! ? 'amber' : 'red';
  });
  return bands;
}

function summaryOf(bands: BandsByCouncil, previous: BandsByCouncil | null = null): DfeSummary {
  const input: SummaryInput = {
    summaryId: '2026-W48',
    trigger: 'weekly',
    period: '2026-W48',
    generatedAt: '2026-11-23T07:00:05.000Z',
    bands,
    previous: previous ? { summaryId: '2026-W47', bands: previous } : null,
    indicators: [],
    intelligence: {},
  };
  return buildDfeSummary(input);
}

/** What a summary publishes about England's bands, as one comparable list of cells. */
const englandCells = (summary: DfeSummary): Cell[] => [
  summary.councilsAssessed,
  ...summary.england.flatMap((figure) => [figure.councils, figure.percent]),
];

/** The counts a published count cell allows: a number rounded to 10 is within 5; k is 1–4; c is 1–5. */
function countsAllowedBy(cell: Cell, max: number): number[] {
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, Math.min(to, max) - from + 1) }, (_, index) => from + index);
  if (cell === 'k') return range(1, 4);
  if (cell === 'c') return range(1, 5);
  if (typeof cell === 'number') return range(Math.max(0, cell - 5), cell + 4);
  return range(0, max);
}

/** Every (green, amber, red) that, published, gives exactly the same England figures. */
function solutions(published: DfeSummary): number[][] {
  const [green, amber, red] = published.england.map((figure) => figure.councils);
  const found: number[][] = [];
  for (const g of countsAllowedBy(green!, LAS.length))
    for (const a of countsAllowedBy(amber!, LAS.length - g))
      for (const r of countsAllowedBy(red!, LAS.length - g - a)) {
        const candidate = summaryOf(bandsOf([g, a, r]));
        if (JSON.stringify(englandCells(candidate)) === JSON.stringify(englandCells(published)))
          found.push([g, a, r]);
      }
  return found;
}

/** Fails when a suppressed band count or percentage takes a single value across the solutions. */
function expectSuppressedCellsUndetermined(published: DfeSummary, found: readonly number[][]): void {
  expect(found.length).toBeGreaterThan(0);
  published.england.forEach((figure, band) => {
    const hidden = typeof figure.councils !== 'number' || typeof figure.percent !== 'number';
    if (!hidden) return;
    const values = new Set(found.map((counts) => counts[band]));
    expect(values.size, `${figure.band}: ${JSON.stringify(figure)} has only ${[...values]}`).toBeGreaterThan(
      1,
    );
  });
}

describe('the DfE summary against a reader solving for its suppressed cells', () => {
  it('does not let the band percentages give away a suppressed red count (116 green, 35 amber, 2 red)', () => {
    const counts = [LAS.length - 37, 35, 2];
    const published = summaryOf(bandsOf(counts));
    const red = published.england.find((figure) => figure.band === 'red')!;
    expect(typeof red.councils === 'number' && typeof red.percent === 'number').toBe(false);
    expectSuppressedCellsUndetermined(published, solutions(published));
  });

  it('holds for every small red count, and for small amber counts', () => {
    for (const counts of [
      [LAS.length - 41, 40, 1],
      [LAS.length - 20, 15, 5],
      [LAS.length - 3, 3, 0],
      [LAS.length - 10, 4, 6],
    ]) {
      const published = summaryOf(bandsOf(counts));
      expectSuppressedCellsUndetermined(published, solutions(published));
    }
  });

  it('does not let the difference of two consecutive summaries (one council turned red) give a count away', () => {
    const before = [LAS.length - 37, 35, 2];
    const first = summaryOf(bandsOf(before));
    // The council at the end of the amber run turns red.
    const afterBands = { ...bandsOf(before), [LAS[before[0]! + before[1]! - 1]!]: 'red' as RiskBand };
    const second = summaryOf(afterBands, bandsOf(before));
    const pairs: number[][][] = [];
    for (const counts of solutions(first))
      for (const from of RISK_BANDS.keys())
        for (const to of RISK_BANDS.keys()) {
          if (from === to || counts[from]! === 0) continue;
          const next = [...counts];
          next[from]! -= 1;
          next[to]! += 1;
          const candidate = summaryOf(bandsOf(next));
          if (JSON.stringify(englandCells(candidate)) === JSON.stringify(englandCells(second)))
            pairs.push([counts, next]);
        }
    expectSuppressedCellsUndetermined(
      first,
      pairs.map(([counts]) => counts!),
    );
    expectSuppressedCellsUndetermined(
      second,
      pairs.map(([, next]) => next!),
    );
  });
});

describe('what a change summary says about when the change happened', () => {
  it('is named by its day, not the moment of the change', () => {
    const id = changeSummaryId('2026-11-23T13:45:12.123Z');
    expect(id).toBe('change-2026-11-23');
    expect(SUMMARY_ID.test(id)).toBe(true);
    expect(changeSummaryId('2026-11-23T23:30:00.000Z')).toBe('change-2026-11-23');
    // Europe/London: 23:30 UTC on 30 June is already 1 July in the UK.
    expect(changeSummaryId('2026-06-30T23:30:00.000Z')).toBe('change-2026-07-01');
  });

  it('publishes the day it was made, not the time', () => {
    const summary = buildDfeSummary({
      summaryId: 'change-2026-11-24',
      trigger: 'material-change',
      period: '2026-11-24',
      generatedAt: '2026-11-24T10:15:03.456Z',
      bands: bandsOf([LAS.length, 0, 0]),
      previous: null,
      indicators: [],
      intelligence: {},
    });
    expect(summary.generatedAt).toBe('2026-11-24T00:00:00.000Z');
  });
});
