// Test helpers: a rule context that carries last year's return, built from ChildRecords (see helpers.ts).
import type { ChildRecord, Row, RuleContext, TableName } from '../../../../shared/domain/ssda903/model.ts';
import { ALL_TABLES, contextFor } from './helpers.ts';

/**
 * The context of `collectionYear` (default 2026) with last year's return holding `lastYear`'s records; every
 * table is present last year unless `tables` says otherwise.
 */
export function withLastYear(
  lastYear: readonly ChildRecord[],
  collectionYear = 2026,
  tables: readonly TableName[] = ALL_TABLES,
): RuleContext {
  const byChild = new Map(lastYear.map((record) => [record.child, record]));
  const none: readonly Row[] = [];
  return {
    ...contextFor(collectionYear),
    previousYear: {
      collectionYear: collectionYear - 1,
      tablesPresent: new Set(tables),
      rowsOf: (child, table) => byChild.get(child)?.rows[table] ?? none,
    },
  };
}
