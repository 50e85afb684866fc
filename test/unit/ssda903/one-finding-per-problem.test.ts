import { describe, expect, it } from 'vitest';
import { readReturn } from '#domain/ssda903/engine';
import { checkValue } from '#domain/ssda903/field-checks';
import type { TableName } from '#domain/ssda903/model';
import { KNOWN_YEARS, rulesFor } from '#domain/ssda903/rules/registry';
import { type FieldSpec, schemaForYear } from '#domain/ssda903/schema';
import { readSampleTable, sampleFileNames } from './helpers/sample.ts';
import { chunked } from './helpers/streams.ts';
import { childWith, contextFor } from './rules/helpers.ts';

// A value outside a field's code list, or not a date, is one problem: the field check and the DfE rule on the same
// field must not both report it (ADR 0009).

/** Every field whose values a DfE rule reports, with the rule, in a collection year's schema. */
function reportedFields(year: number): { table: TableName; spec: FieldSpec; rule: string }[] {
  return [...schemaForYear(year).tables.values()].flatMap((table) =>
    [...table.fields.values()]
      .filter((spec) => spec.reportedByRule !== undefined)
      .map((spec) => ({ table: table.name, spec, rule: spec.reportedByRule!.rule })),
  );
}

/** A valid row of each table for child C1 (born 1 June 2012, looked after from 1 April 2025), by column. */
const VALID: Record<TableName, Record<string, string>> = {
  Header: { SEX: 'F', DOB: '01/06/2012', ETHNIC: 'WBRI', UPN: 'A123456789012', MOTHER: '0' },
  Episodes: { DECOM: '01/04/2025', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U1', PLACE_PROVIDER: 'PR1' },
  UASC: { SEX: 'F', DOB: '01/06/2012', DUC: '01/06/2030' },
  Reviews: { DOB: '01/06/2012', REVIEW: '01/05/2025', REVIEW_CODE: 'PN1' },
  OC2: { DOB: '01/06/2012', SDQ_REASON: 'SDQ1' },
  OC3: { DOB: '01/06/2012', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' },
  AD1: {
    DOB: '01/06/2012',
    DATE_INT: '01/05/2025',
    DATE_MATCH: '01/06/2025',
    FOSTER_CARE: '0',
    NB_ADOPTR: '1',
    SEX_ADOPTR: 'F1',
    LS_ADOPTR: 'L0',
  },
  PlacedAdoption: { DOB: '01/06/2012', DATE_PLACED: '01/05/2025', REASON_PLACED_CEASED: 'RD1' },
  PrevPerm: { DOB: '01/06/2012', PREV_PERM: 'P1', LA_PERM: '886', DATE_PERM: '01/01/2020' },
  Missing: { DOB: '01/06/2012', MISSING: 'M', MIS_START: '01/06/2025', MIS_END: '02/06/2025' },
  SWEpisodes: { DOB: '01/06/2012', SW_ID: 'SW1', SW_DECOM: '01/03/2025', SW_DEC: '', SW_REASON: 'OTHERS' },
  DoLo: { DOB: '01/06/2012', DOLO_START: '01/05/2025', DOLO_END: '' },
};

/** Fields where a DfE rule in force in 2026/27 reports the value the field check would refuse, and the rule. */
const ONE_FINDING_2027: Readonly<Record<string, string>> = {
  'Header.SEX': '101',
  'Header.DOB': '102',
  'Header.ETHNIC': '103',
  'Header.UPN': '442',
  'Header.MOTHER': '165',
  'Header.MC_DOB': '171',
  'Episodes.DECOM': '141',
  'Episodes.RNE': '143',
  'Episodes.LS': '144',
  'Episodes.CIN': '145',
  'Episodes.PLACE': '146',
  'Episodes.PLACE_PROVIDER': '178',
  'Episodes.DEC': '147',
  'Episodes.REC': '149',
  'Episodes.REASON_PLACE_CHANGE': '1009',
  'UASC.DUC': '104',
  'Reviews.REVIEW': '166',
  'Reviews.REVIEW_CODE': '167',
  'OC2.SDQ_REASON': '196',
  'OC3.IN_TOUCH': '131',
  'OC3.ACTIV': '132',
  'OC3.ACCOM': '133',
  'AD1.DATE_INT': '112',
  'AD1.DATE_MATCH': '113',
  'AD1.FOSTER_CARE': '114',
  'AD1.NB_ADOPTR': '175',
  'AD1.SEX_ADOPTR': '176',
  'AD1.LS_ADOPTR': '177',
  'PlacedAdoption.DATE_PLACED': '115',
  'PlacedAdoption.DATE_PLACED_CEASED': '116',
  'PlacedAdoption.REASON_PLACED_CEASED': '120',
  'PrevPerm.PREV_PERM': '631',
  'PrevPerm.LA_PERM': '633',
  'PrevPerm.DATE_PERM': '632',
  'Missing.MISSING': '1006',
  'Missing.MIS_START': '1004',
  'Missing.MIS_END': '1005',
  'SWEpisodes.SW_DECOM': 'SW04STG1',
  'SWEpisodes.SW_DEC': 'SW05STG1',
  'SWEpisodes.SW_REASON': 'SW13STG1',
  'DoLo.DOLO_START': '700',
  'DoLo.DOLO_END': '701',
};

/** A value of the field's kind that the field check refuses: an unknown code, an impossible date, a word. */
function badValue(spec: FieldSpec): string {
  return spec.type === 'date' ? '31/02/2025' : spec.type === 'integer' ? 'two' : 'XX9';
}

function csvOf(year: number, table: TableName, overrides: Record<string, string> = {}): string {
  const columns = schemaForYear(year).tables.get(table)!.columns;
  const row: Record<string, string> = { CHILD: 'C1', ...VALID[table], ...overrides };
  return `${columns.join(',')}\r\n${columns.map((column) => row[column] ?? '').join(',')}\r\n`;
}

/** The codes of the findings on one field of one table when the return carries `value` there. */
async function findingsOn(
  year: number,
  table: TableName,
  field: string,
  value: string,
  rules = rulesFor(year),
): Promise<string[]> {
  const tables = new Set<TableName>(['Header', 'Episodes', table]);
  const result = await readReturn(
    [...tables].map((name) => ({
      name: `${name}.csv`,
      body: chunked(csvOf(year, name, name === table ? { [field]: value } : {})),
    })),
    { collectionYear: year, rules },
  );
  if (result.status !== 'accepted') throw new Error(`the return should be accepted (${table}.${field})`);
  return result.findings.filter((f) => f.table === table && f.field === field).map((f) => f.code);
}

describe('one finding per problem', () => {
  it.each([2024, 2025, 2026, 2027])('reports a Header sex outside the code list once in %i', async (year) => {
    expect(await findingsOn(year, 'Header', 'SEX', 'X')).toEqual(['101']);
  });

  it('keeps the field check when rule 101 does not run, so nothing is lost', async () => {
    expect(await findingsOn(2027, 'Header', 'SEX', 'X', [])).toEqual(['SCHEMA:code']);
  });

  // Other rules may report the same field for other reasons (a reason for a move on a first episode, say): only
  // the field check and the rule that takes its place are counted here.
  it.each(Object.entries(ONE_FINDING_2027).map(([where, rule]) => ({ where, rule })))(
    'reports a value refused in $where once, by rule $rule, and nothing on a valid one',
    async ({ where, rule }) => {
      const [table, field] = where.split('.') as [TableName, string];
      const spec = schemaForYear(2027).tables.get(table)!.fields.get(field)!;
      const fromCheckOrRule = async (value: string) =>
        (await findingsOn(2027, table, field, value)).filter(
          (code) => code === rule || code.startsWith('SCHEMA:'),
        );
      // A free-text field (UPN) is refused only when blank: its rule takes the blanks, below.
      if (checkValue(spec, badValue(spec)) !== null)
        expect(await fromCheckOrRule(badValue(spec))).toEqual([rule]);
      expect(await fromCheckOrRule(VALID[table][field] ?? '')).toEqual([]);
      if (spec.required)
        expect(await fromCheckOrRule('')).toEqual([spec.reportedByRule?.blank ? rule : 'SCHEMA:required']);
    },
  );

  it('lists in the schema the fields above, and no other', () => {
    const listed = Object.fromEntries(
      reportedFields(2027).map(({ table, spec, rule }) => [`${table}.${spec.name}`, rule]),
    );
    expect(listed).toEqual(ONE_FINDING_2027);
  });

  it('names only rules that read nothing but their own table and the Header and Episodes every return has', () => {
    for (const year of KNOWN_YEARS)
      for (const { table, rule } of reportedFields(year)) {
        const inForce = rulesFor(year).find((candidate) => candidate.code === rule);
        if (!inForce) continue;
        const other = inForce.tables.filter((name) => ![table, 'Header', 'Episodes'].includes(name));
        expect(other, `${year} ${rule}`).toEqual([]);
        expect(inForce.previousTables ?? [], `${year} ${rule}`).toEqual([]);
      }
  });

  it.each(KNOWN_YEARS)('leaves to a rule in %i only values it reports itself', (year) => {
    const context = contextFor(year);
    const missed: string[] = [];
    for (const { table, spec, rule } of reportedFields(year)) {
      const inForce = rulesFor(year).find((candidate) => candidate.code === rule);
      if (!inForce) continue;
      // Every listed code, its lower case, an unknown code, dates well and badly written, words and numbers.
      const probes = [
        ...(spec.codes ?? []),
        ...(spec.codes ?? []).map((code) => code.toLowerCase()),
        'XX9',
        '31/02/2025',
        '2025-05-01',
        '1/5/2025',
        'two',
        '12',
        ...(spec.required && spec.reportedByRule!.blank ? [''] : []),
      ];
      for (const value of probes) {
        const refused = checkValue(spec, value);
        if (refused === null || refused === 'length') continue;
        const child = childWith('C1', {
          Header: [VALID.Header],
          Episodes: [VALID.Episodes],
          [table]: [{ ...VALID[table], [spec.name]: value }],
        });
        const flagged = inForce
          .check(child, context)
          .some((f) => f.table === table && f.field === spec.name && f.value === value);
        if (!flagged) missed.push(`${table}.${spec.name} "${value}" (${rule})`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('reports a blank in a required field once, even for a child some rule also expects the row for', async () => {
    // The sample return with every required field but CHILD left blank in every third row of the tables beyond
    // Header and Episodes: completeness rules (601: an adopted child's AD1 row) point at the same blanks.
    const year = 2027;
    const schema = schemaForYear(year);
    const files = sampleFileNames().map((name) => {
      const { columns, rows } = readSampleTable(name);
      const table = [...schema.tables.values()].find(
        (spec) =>
          spec.columns.length === columns.length && spec.columns.every((column) => columns.includes(column)),
      )!;
      const blanked = rows.map((row, index) => {
        if (['Header', 'Episodes'].includes(table.name) || index % 3 !== 0) return row;
        const copy = { ...row };
        for (const field of table.fields.values())
          if (field.required && field.name !== 'CHILD') copy[field.name] = '';
        return copy;
      });
      const lines = [
        columns.join(','),
        ...blanked.map((row) => columns.map((column) => row[column]).join(',')),
      ];
      return { name, body: chunked(`${lines.join('\r\n')}\r\n`) };
    });
    const result = await readReturn(files, {
      collectionYear: year,
      rules: rulesFor(year),
      maxListedFindings: 1e7,
    });
    if (result.status !== 'accepted') throw new Error('the return should be accepted');
    const codesAt = new Map<string, string[]>();
    for (const found of result.findings) {
      const at = `${found.table}:${found.rowNumber}:${found.field}`;
      codesAt.set(at, [...(codesAt.get(at) ?? []), found.code]);
    }
    const blanks = [...codesAt].filter(([, codes]) => codes.includes('SCHEMA:required'));
    expect(blanks.length).toBeGreaterThan(100);
    expect(blanks.filter(([, codes]) => codes.length > 1)).toEqual([]);
  });
});
