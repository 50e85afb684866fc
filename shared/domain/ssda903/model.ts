// Domain: the shapes every SSDA903 module agrees on (parsing, schema checks, rules, degrade, aggregates).
import type { Day } from '../dates.ts';
import type { AsideSpace } from './aside.ts';

/** Tables of the SSDA903 return; each is recognised by its exact set of column names (DfE's SSDA903 specification). */
export type TableName =
  | 'Header'
  | 'Episodes'
  | 'Reviews'
  | 'UASC'
  | 'OC2'
  | 'OC3'
  | 'AD1'
  | 'PlacedAdoption'
  | 'PrevPerm'
  | 'Missing'
  | 'SWEpisodes'
  | 'DoLo';

/** One data row as uploaded: raw values, trimmed, '' for blank, keyed by the canonical column name. */
export interface Row {
  readonly table: TableName;
  /** 1-based line number in the council's file, counting the header as row 1 (as a spreadsheet shows it). */
  readonly rowNumber: number;
  readonly values: Readonly<Record<string, string>>;
  /**
   * Its date fields parsed once, as the row store builds it (row-days.ts); absent on rows made elsewhere.
   * Rules read them through `daysOf(row)`, which parses a row without them.
   */
  readonly days?: RowDays;
}

/** A row's date fields by name: the Day, or null when blank or not a real calendar date. */
export type RowDays = Readonly<Record<string, Day | null | undefined>>;

/** Everything one child has across the tables of a return, in file order. */
export interface ChildRecord {
  /** The council's own CHILD reference, as uploaded (never leaves ingest). */
  readonly child: string;
  readonly rows: Readonly<Partial<Record<TableName, readonly Row[]>>>;
}

export interface RuleContext {
  /** The year in which the reporting period ends: 2026 means 1 April 2025 to 31 March 2026. */
  readonly collectionYear: number;
  readonly periodStart: Day;
  readonly periodEnd: Day;
  /** Tables present in this upload: rules on absent tables do not run. */
  readonly tablesPresent: ReadonlySet<TableName>;
  /** Last year's return when it was uploaded alongside (see previous-year.ts); only rules read it. */
  readonly previousYear?: PreviousYear;
}

/** Last year's return, held in memory for the checks that compare the two years; never stored. */
export interface PreviousYear {
  readonly collectionYear: number;
  /** Tables last year's files held. */
  readonly tablesPresent: ReadonlySet<TableName>;
  /** The child's rows in one of last year's tables, in file order ([] when the child is not in it). */
  rowsOf(child: string, table: TableName): readonly Row[];
}

/** One failed check on one field of one row. */
export interface Finding {
  readonly code: string;
  readonly table: TableName;
  readonly rowNumber: number;
  readonly field: string;
  readonly value: string;
  readonly child: string;
}

export interface Rule {
  /** DfE rule code, e.g. "103". */
  readonly code: string;
  /** Our own words, for a council data officer. */
  readonly description: string;
  readonly tables: readonly TableName[];
  readonly fields: readonly string[];
  /** Tables of last year's return the rule compares with; it runs only when last year's files hold them. */
  readonly previousTables?: readonly TableName[];
  check(child: ChildRecord, context: RuleContext): Finding[];
  /**
   * For the few checks that compare children with each other (444: one UPN given to two children): a fresh
   * tally for each return, shown every child after `check`, whose findings come once every child has been seen.
   * What it must remember goes to logs of the return's `aside` space (aside.ts), so that its memory stays flat
   * however many children the return has; without one, it makes a space of its own in memory.
   */
  acrossChildren?(aside?: AsideSpace): AcrossChildren;
}

/**
 * A check's memory of the children seen so far in one return. It keeps numbers, not each child's rows or
 * reference, so that it stays small: `number` is the child's number in the return (0 for the first child), and
 * `referenceOf` gives a child's CHILD reference back from its number when the findings are made.
 */
export interface AcrossChildren {
  see(child: ChildRecord, context: RuleContext, number: number): void;
  findings(referenceOf: (number: number) => string): Finding[];
}
