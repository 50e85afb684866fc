// Domain: DfE's disclosure control for anything sent to DfE (DfE's disclosure guidance; README, DfE feeds). Pure functions.
//
//   c  suppressed: a small count (1–5), or a cell suppressed so that a published total cannot reveal one
//   x  not available
//   z  not applicable (e.g. a rate whose denominator is zero)
//   k  rounds to zero, but is not zero
//
// Small cells are suppressed; England and regional totals are rounded to the nearest 10; percentages and
// rates are given to one decimal place. Percentages of published counts are worked out from the rounded
// counts, so that they cannot undo the suppression.
import { DISCLOSURE_RULES } from './indicators/register.ts';

export type DisclosureSymbol = 'c' | 'x' | 'z' | 'k';
/** A published figure: a number that has passed disclosure control, or a symbol saying why there is none. */
export type Cell = number | DisclosureSymbol;

const RULE = DISCLOSURE_RULES.childCounts;
export const SUPPRESS_FROM = RULE.suppressCountsBetween[0];
export const SUPPRESS_TO = RULE.suppressCountsBetween[1];
export const ROUND_TOTALS_TO = RULE.roundTotalsTo;
export const DECIMALS = RULE.decimals;

export const SYMBOL_MEANINGS: Readonly<Record<DisclosureSymbol, string>> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available',
  z: 'not applicable',
  k: 'rounds to zero, but is not zero',
};

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`A count must be a whole number ≥ 0: ${count}`);
}

function isSmallCount(count: number): boolean {
  return count >= SUPPRESS_FROM && count <= SUPPRESS_TO;
}

/** A cell count: 1–5 is `c`; an unknown count is `x`. */
export function protectCount(count: number | null | undefined): Cell {
  if (count === null || count === undefined) return 'x';
  checkCount(count);
  return isSmallCount(count) ? 'c' : count;
}

/** An England or regional total, rounded to the nearest 10 (halves up); a non-zero total that rounds to 0 is `k`. */
export function roundTotal(total: number | null | undefined): Cell {
  if (total === null || total === undefined) return 'x';
  checkCount(total);
  const rounded = Math.round(total / ROUND_TOTALS_TO) * ROUND_TOTALS_TO;
  return rounded === 0 && total !== 0 ? 'k' : rounded;
}

/** A rate or percentage to one decimal place; a non-zero value that rounds to 0.0 is `k`. */
export function oneDecimal(value: number | null | undefined): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'x';
  const factor = 10 ** DECIMALS;
  // Rounds halves away from zero, on the decimal the reader sees (0.05 → 0.1), not the binary one.
  const rounded =
    (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(12)))) / factor;
  if (rounded === 0 && value !== 0) return 'k';
  return rounded === 0 ? 0 : rounded;
}

/**
 * A share of a published total, worked out from the published (rounded) counts, never the exact ones: from
 * exact counts, one-decimal percentages of ~150 councils pin every count, suppressed ones included (a reader
 * solves the equations). From the published counts a percentage says nothing they do not already say. `z`
 * when the total is zero; `c` when the count (or total) is itself suppressed.
 */
export function percentOfPublished(count: Cell, total: Cell): Cell {
  if (total === 0) return 'z';
  if (typeof count !== 'number' || typeof total !== 'number') return 'c';
  return oneDecimal((100 * count) / total);
}

export interface ProtectedTable {
  /** Cells in the same shape as the input, rows then columns. */
  readonly cells: Cell[][];
  /** Row totals (e.g. a region's total), rounded to the nearest 10. */
  readonly rowTotals: Cell[];
  /** Column totals (e.g. England's count per band), rounded to the nearest 10. */
  readonly columnTotals: Cell[];
  readonly grandTotal: Cell;
  /** How many cells were suppressed to protect another one. */
  readonly secondary: number;
}

/**
 * Protects a table of counts whose row and column totals are published. Cells of 1–5 are suppressed
 * (primary). Then, while some row or column has exactly one suppressed cell, a total would let a reader
 * work it out by subtraction, so the smallest other cell in that line is suppressed too (secondary) — a
 * non-zero one where there is one, because a zero is the least informative cell to give up. Repeats until
 * every line with a suppressed cell has at least two, since each secondary cell can expose another line.
 *
 * Totals are rounded to the nearest 10 as England and regional totals; rounding alone is not relied on to
 * protect the cells, so a small cell can never be recovered even to within the rounding.
 */
export function protectTable(counts: readonly (readonly number[])[]): ProtectedTable {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== columns) throw new RangeError('Every row of the table must have the same columns');
    for (const count of row) checkCount(count);
  }
  const suppressed = counts.map((row) => row.map(isSmallCount));
  let secondary = 0;

  const lines: { cells: [number, number][] }[] = [
    ...Array.from({ length: rows }, (_, r) => ({
      cells: Array.from({ length: columns }, (_, c) => [r, c] as [number, number]),
    })),
    ...Array.from({ length: columns }, (_, c) => ({
      cells: Array.from({ length: rows }, (_, r) => [r, c] as [number, number]),
    })),
  ];

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = line.cells.filter(([r, c]) => suppressed[r]![c]!);
      if (hidden.length !== 1) continue;
      const candidates = line.cells
        .filter(([r, c]) => !suppressed[r]![c]!)
        .sort(([r1, c1], [r2, c2]) => {
          const a = counts[r1]![c1]!;
          const b = counts[r2]![c2]!;
          // Non-zero before zero, then smallest first; ties in a fixed order so the result is repeatable.
          if ((a === 0) !== (b === 0)) return a === 0 ? 1 : -1;
          return a - b || r1 - r2 || c1 - c2;
        });
      const next = candidates[0];
      if (!next) continue; // A line of one cell: its total is rounded, and it is already suppressed.
      suppressed[next[0]]![next[1]] = true;
      secondary += 1;
      changed = true;
    }
  }

  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return {
    cells: counts.map((row, r) => row.map((count, c) => (suppressed[r]![c] ? 'c' : count))),
    rowTotals: counts.map((row) => roundTotal(sum(row))),
    columnTotals: Array.from({ length: columns }, (_, c) => roundTotal(sum(counts.map((row) => row[c]!)))),
    grandTotal: roundTotal(sum(counts.map(sum))),
    secondary,
  };
}
