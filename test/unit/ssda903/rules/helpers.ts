// Test helpers: build a ChildRecord from compact row literals and a default RuleContext.
import type {
  ChildRecord,
  Finding,
  Row,
  Rule,
  RuleContext,
  TableName,
} from '../../../../shared/domain/ssda903/model.ts';
import { collectionPeriod } from '../../../../shared/domain/ssda903/rules/support.ts';

export type RowLiteral = Readonly<Record<string, string>>;

export const ALL_TABLES: readonly TableName[] = [
  'Header',
  'Episodes',
  'Reviews',
  'UASC',
  'OC2',
  'OC3',
  'AD1',
  'PlacedAdoption',
  'PrevPerm',
  'Missing',
  'SWEpisodes',
  'DoLo',
];

/**
 * A child whose rows are given per table as `{ FIELD: 'value' }` literals. CHILD is filled in, and rows are
 * numbered as a spreadsheet shows them: the first data row of each table is row 2.
 */
export function childWith(
  id: string,
  tables: Partial<Record<TableName, readonly RowLiteral[]>>,
): ChildRecord {
  const rows: Partial<Record<TableName, readonly Row[]>> = {};
  for (const [table, literals] of Object.entries(tables) as [TableName, readonly RowLiteral[]][]) {
    rows[table] = literals.map((values, index) => ({
      table,
      rowNumber: index + 2,
      values: { CHILD: id, ...values },
    }));
  }
  return { child: id, rows };
}

/** A RuleContext for a collection year (default 2026 = 1 April 2025 to 31 March 2026), all tables present. */
export function contextFor(collectionYear = 2026, tables: readonly TableName[] = ALL_TABLES): RuleContext {
  const { start, end } = collectionPeriod(collectionYear);
  return { collectionYear, periodStart: start, periodEnd: end, tablesPresent: new Set(tables) };
}

/** Runs one rule on one child and returns where it pointed: "Table:row:FIELD". */
export function flagged(rule: Rule, child: ChildRecord, context: RuleContext = contextFor()): string[] {
  return rule.check(child, context).map(where);
}

export function where(f: Finding): string {
  return `${f.table}:${f.rowNumber}:${f.field}`;
}

/** An episode row with the usual fields filled (a foster placement, care order), overridable. */
export function episode(overrides: RowLiteral = {}): RowLiteral {
  return {
    DECOM: '01/05/2025',
    RNE: 'S',
    LS: 'C2',
    CIN: 'N1',
    PLACE: 'U4',
    PLACE_PROVIDER: 'PR1',
    DEC: '',
    REC: '',
    REASON_PLACE_CHANGE: '',
    HOME_POST: '',
    PL_POST: '',
    URN: '',
    ...overrides,
  };
}

/** A Header row, overridable. */
export function header(overrides: RowLiteral = {}): RowLiteral {
  return {
    SEX: 'F',
    DOB: '01/06/2012',
    ETHNIC: 'WBRI',
    UPN: 'A123456789012',
    MOTHER: '',
    MC_DOB: '',
    ...overrides,
  };
}
