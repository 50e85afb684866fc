// Test helper: reads the fake SSDA903 sample return (shared/demo/ssda903) into ChildRecords.
// The sample has no quoted fields, so a line split on commas is enough; the reader refuses quotes rather than
// mis-reading them. It copes with a UTF-8 BOM, Windows line endings and a missing final newline.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildRecord, Row, TableName } from '../../../../shared/domain/ssda903/model.ts';

export const SAMPLE_DIR = resolve(import.meta.dirname, '../../../../shared/demo/ssda903');

/** Tables are recognised by their exact set of column names (DfE's SSDA903 specification), not by file name. */
const TABLE_COLUMNS: Readonly<Record<TableName, string>> = {
  Header: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
  Episodes: 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  Reviews: 'CHILD,DOB,REVIEW,REVIEW_CODE',
  UASC: 'CHILD,SEX,DOB,DUC',
  OC2: 'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED',
  OC3: 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM',
  AD1: 'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR',
  PlacedAdoption: 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED',
  PrevPerm: 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM',
  Missing: 'CHILD,DOB,MISSING,MIS_START,MIS_END',
  SWEpisodes: 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON',
  DoLo: 'CHILD,DOB,DOLO_START,DOLO_END',
};

function sortedColumns(columns: readonly string[]): string {
  return [...columns].sort().join(',');
}

function tableFor(columns: readonly string[]): TableName {
  const key = sortedColumns(columns);
  const match = (Object.entries(TABLE_COLUMNS) as [TableName, string][]).find(
    ([, list]) => sortedColumns(list.split(',')) === key,
  );
  if (!match) throw new Error(`no SSDA903 table has the columns ${columns.join(',')}`);
  return match[0];
}

/** Splits a CSV file into trimmed cells per line. */
export function readSimpleCsv(text: string): string[][] {
  if (text.includes('"')) throw new Error('quoted CSV fields are not handled by this reader');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines.map((line) => line.split(',').map((cell) => cell.trim()));
}

/** One CSV file as rows of a table, numbered as a spreadsheet shows them (header = row 1). */
export function readTable(path: string): { table: TableName; rows: Row[] } {
  const [columns = [], ...records] = readSimpleCsv(readFileSync(path, 'utf8'));
  const table = tableFor(columns);
  const rows = records.map((cells, index) => {
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      values[column] = cells[i] ?? '';
    });
    return { table, rowNumber: index + 2, values };
  });
  return { table, rows };
}

/** Every table in the sample folder, grouped by CHILD. */
export function readSampleReturn(dir: string = SAMPLE_DIR): {
  tables: Set<TableName>;
  children: ChildRecord[];
  files: Map<TableName, string>;
} {
  const byChild = new Map<string, Partial<Record<TableName, Row[]>>>();
  const tables = new Set<TableName>();
  const files = new Map<TableName, string>();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.csv'))) {
    const { table, rows } = readTable(join(dir, name));
    tables.add(table);
    files.set(table, name);
    for (const row of rows) {
      const child = row.values.CHILD ?? '';
      const tablesOfChild = byChild.get(child) ?? {};
      const list = tablesOfChild[table] ?? [];
      list.push(row);
      tablesOfChild[table] = list;
      byChild.set(child, tablesOfChild);
    }
  }
  const children = [...byChild.entries()].map(([child, rows]) => ({ child, rows }));
  return { tables, children, files };
}
