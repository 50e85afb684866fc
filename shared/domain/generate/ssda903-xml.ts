// Domain: an SSDA903 return's CSV tables written in the XML form (EXPSSDA903, SSDA903_CLA.xsd), for
// `upstream generate --format xml` and for tests that check both forms of a return give the same rows. Tables the
// XSD has no place for (SWEpisodes, DoLo) are left out. Children in Header order; their elements in XSD order.
import type { TableName } from '../ssda903/model.ts';
import type { GeneratedFile } from './ssda903.ts';

export type CsvTables = Partial<Record<TableName, readonly Record<string, string>[]>>;

export interface ToXmlOptions {
  /** Write dates as yyyy-mm-dd (the reader must turn them back into dd/mm/yyyy). */
  readonly isoDates?: boolean;
}

const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function groupByChild(rows: readonly Record<string, string>[] = []): Map<string, Record<string, string>[]> {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const child = row.CHILD ?? '';
    const list = groups.get(child) ?? [];
    list.push(row);
    groups.set(child, list);
  }
  return groups;
}

export function toXml(tables: CsvTables, options: ToXmlOptions = {}): string {
  const value = (raw: string | undefined): string => {
    const text = raw ?? '';
    const date = options.isoDates ? DATE.exec(text) : null;
    return escapeXml(date ? `${date[3]}-${date[2]}-${date[1]}` : text);
  };
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<EXPSSDA903>'];
  const element = (indent: number, name: string, raw: string | undefined): void => {
    const text = value(raw);
    lines.push(`${' '.repeat(indent)}${text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`}`);
  };
  const group = (
    indent: number,
    name: string,
    row: Record<string, string>,
    fields: readonly string[],
  ): void => {
    lines.push(`${' '.repeat(indent)}<${name}>`);
    for (const field of fields) element(indent + 2, field === 'PLACE' ? 'PL' : field, row[field]);
    lines.push(`${' '.repeat(indent)}</${name}>`);
  };

  const by = Object.fromEntries(
    (Object.keys(tables) as TableName[]).map((table) => [table, groupByChild(tables[table])]),
  ) as Partial<Record<TableName, Map<string, Record<string, string>[]>>>;
  const first = (table: TableName, child: string) => by[table]?.get(child)?.[0];
  const all = (table: TableName, child: string) => by[table]?.get(child) ?? [];

  for (const header of tables.Header ?? []) {
    const child = header.CHILD ?? '';
    const uasc = first('UASC', child);
    const ad1 = first('AD1', child);
    const oc3 = first('OC3', child);
    const permanence = first('PrevPerm', child);
    const oc2 = first('OC2', child);
    lines.push('  <CHILD>', '    <HEADER>');
    element(6, 'CHILDID', child);
    for (const field of ['UPN', 'SEX', 'DOB', 'ETHNIC']) element(6, field, header[field]);
    element(6, 'UASC', uasc ? '1' : '0');
    if (uasc) element(6, 'DUC', uasc.DUC);
    if (ad1) {
      for (const field of ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR']) {
        element(6, field, ad1[field]);
      }
    }
    if (oc3) for (const field of ['IN_TOUCH', 'ACTIV', 'ACCOM']) element(6, field, oc3[field]);
    for (const row of all('Missing', child)) group(6, 'AMISSING', row, ['MISSING', 'MIS_START', 'MIS_END']);
    for (const row of all('Reviews', child)) group(6, 'AREVIEW', row, ['REVIEW', 'REVIEW_CODE']);
    element(6, 'MOTHER', header.MOTHER);
    element(6, 'MC_DOB', header.MC_DOB);
    if (permanence) group(6, 'PERMANENCE', permanence, ['PREV_PERM', 'LA_PERM', 'DATE_PERM']);
    if (oc2) {
      group(6, 'OC2', oc2, [
        'SDQ_SCORE',
        'SDQ_REASON',
        'CONVICTED',
        'HEALTH_CHECK',
        'IMMUNISATIONS',
        'TEETH_CHECK',
        'HEALTH_ASSESSMENT',
        'SUBSTANCE_MISUSE',
        'INTERVENTION_RECEIVED',
        'INTERVENTION_OFFERED',
      ]);
    }
    for (const row of all('PlacedAdoption', child)) {
      group(6, 'AD_PLACED', row, ['DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED']);
    }
    lines.push('    </HEADER>');
    for (const row of all('Episodes', child)) {
      group(4, 'EPISODE', row, [
        'DECOM',
        'RNE',
        'LS',
        'CIN',
        'PLACE',
        'PL_POST',
        'HOME_POST',
        'URN',
        'PLACE_PROVIDER',
        'DEC',
        'REC',
        'REASON_PLACE_CHANGE',
      ]);
    }
    lines.push('  </CHILD>');
  }
  lines.push('</EXPSSDA903>', '');
  return lines.join('\n');
}

/** The tables of generated CSV files (plain values, no quoting), keyed by the table each file holds. */
function tablesOf(files: readonly GeneratedFile[], tableOfFile: ReadonlyMap<string, TableName>): CsvTables {
  const tables: CsvTables = {};
  for (const file of files) {
    const table = tableOfFile.get(file.name);
    if (!table) continue;
    const [header = '', ...lines] = file.content.split(/\r?\n/).filter((line) => line !== '');
    const columns = header.split(',');
    tables[table] = lines.map((line) => {
      const values = line.split(',');
      return Object.fromEntries(columns.map((column, index) => [column, values[index] ?? '']));
    });
  }
  return tables;
}

/** One XML file in place of the CSV files of a generated return; dates as xs:date (yyyy-mm-dd), as the XSD has them. */
export function asXmlReturn(
  files: readonly GeneratedFile[],
  tableOfFile: ReadonlyMap<string, TableName>,
  name: string,
): GeneratedFile {
  return { name, content: toXml(tablesOf(files, tableOfFile), { isoDates: true }) };
}
