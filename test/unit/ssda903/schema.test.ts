import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUkDate } from '#domain/dates';
import {
  checkValue,
  createRowChecker,
  describeSchemaFinding,
  isUkDate,
  SCHEMA_DESCRIPTIONS,
} from '#domain/ssda903/field-checks';
import type { Finding, TableName } from '#domain/ssda903/model';
import { identifyTable, schemaForYear } from '#domain/ssda903/schema';
import { REPO_ROOT } from './helpers/sample.ts';

const SCHEMA_DIR = join(REPO_ROOT, 'shared', 'reference', 'schemas');

interface YmlField {
  type: string;
  required: boolean;
  codes: string[];
}

/**
 * Reads the column map of SSDA903_schema_2024.yml. The file is regular (tables at 4 spaces, fields at 6,
 * properties at 7), so a line reader is enough for a test to compare our transcription with it.
 */
function readSchemaYml(): Map<string, Map<string, YmlField>> {
  const tables = new Map<string, Map<string, YmlField>>();
  let table: Map<string, YmlField> | undefined;
  let field: YmlField | undefined;
  for (const line of readFileSync(join(SCHEMA_DIR, 'SSDA903_schema_2024.yml'), 'utf8').split(/\r?\n/)) {
    const tableMatch = /^ {4}(\w+):\s*$/.exec(line);
    const fieldMatch = /^ {6}(\w+):\s*$/.exec(line);
    const property = /^ {7}(string|date|numeric|category|canbeblank):\s*(.*)$/.exec(line);
    const code = /^ {7}- code: "([^"]*)"/.exec(line);
    if (tableMatch) {
      table = new Map();
      tables.set(tableMatch[1]!, table);
    } else if (fieldMatch && table) {
      field = { type: '', required: false, codes: [] };
      table.set(fieldMatch[1]!, field);
    } else if (property && field) {
      if (property[1] === 'canbeblank') field.required = property[2]!.trim() === 'no';
      else field.type = property[1]!;
    } else if (code && field) {
      field.codes.push(code[1]!.trim());
    }
  }
  return tables;
}

/** The PLACE (or SEX) code list a diff file sets, by the key it is under. */
function readDiffCodes(file: string, key: string): string[] {
  const text = readFileSync(join(SCHEMA_DIR, file), 'utf8');
  const start = text.indexOf(`${key}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + key.length + 1);
  const block = rest.split(/\n(?=\S)/)[0]!;
  return [...block.matchAll(/- code: "([^"]*)"/g)].map((match) => match[1]!);
}

const YML_TABLE: Record<string, TableName> = { SocialWorker: 'SWEpisodes' };
const TYPE: Record<string, string> = { string: 'string', date: 'date', numeric: 'integer', category: 'code' };

describe('schema.ts against the schema files', () => {
  it('has every table, column, type, blank rule and code list of SSDA903_schema_2024.yml', () => {
    const yml = readSchemaYml();
    const schema = schemaForYear(2024);
    expect(yml.size).toBe(11);
    for (const [ymlTable, fields] of yml) {
      const spec = schema.tables.get(YML_TABLE[ymlTable] ?? (ymlTable as TableName))!;
      expect(spec, ymlTable).toBeDefined();
      expect(new Set(spec.columns)).toEqual(new Set(fields.keys()));
      for (const [name, field] of fields) {
        const ours = spec.fields.get(name)!;
        expect(ours.type, `${ymlTable}.${name}`).toBe(TYPE[field.type]);
        expect(ours.required, `${ymlTable}.${name}`).toBe(field.required);
        if (field.type === 'category')
          expect(new Set(ours.codes), `${ymlTable}.${name}`).toEqual(new Set(field.codes));
      }
    }
  });

  it('applies the 2025 and 2026 diffs to PLACE and SEX', () => {
    const place = (year: number) =>
      new Set(schemaForYear(year).tables.get('Episodes')!.fields.get('PLACE')!.codes);
    expect(place(2025)).toEqual(
      new Set(readDiffCodes('SSDA903_schema_2025.diff.yml', 'column_map.episodes.PLACE.category')),
    );
    // The 2026 diff still lists Z1, but DfE replaced it with Z11–Z14 from 2025/26 (as rule 178 has it): one story.
    expect(place(2026)).toEqual(
      new Set(
        readDiffCodes('SSDA903_schema_2026.diff.yml', 'column_map.episodes.PLACE.category').filter(
          (code) => code !== 'Z1',
        ),
      ),
    );
    expect(place(2025).has('Z1') && !place(2026).has('Z1')).toBe(true);
    expect(place(2024).has('H5') && place(2024).has('P2') && !place(2024).has('K3')).toBe(true);
    expect(place(2025).has('K3') && !place(2025).has('H5') && !place(2025).has('P2')).toBe(true);
    expect(
      ['Z11', 'Z12', 'Z13', 'Z14'].every((code) => place(2026).has(code) && !place(2025).has(code)),
    ).toBe(true);

    const sex = (year: number, table: TableName) =>
      schemaForYear(year).tables.get(table)!.fields.get('SEX')!.codes;
    expect(sex(2024, 'Header')).toEqual(['1', '2']);
    expect(sex(2024, 'UASC')).toEqual(['1', '2']);
    expect(sex(2025, 'Header')).toEqual(
      readDiffCodes('SSDA903_schema_2025.diff.yml', 'column_map.header.SEX.category'),
    );
    expect(sex(2025, 'UASC')).toEqual(['M', 'F', 'U']);
  });

  it('adds SWEpisodes from 2023/24 and DoLo from 2026/27; later years use the newest schema', () => {
    const tables = (year: number) => [...schemaForYear(year).tables.keys()];
    expect(tables(2023)).not.toContain('SWEpisodes');
    expect(tables(2024)).toContain('SWEpisodes');
    expect(tables(2026)).not.toContain('DoLo');
    expect(tables(2027)).toContain('DoLo');
    expect(schemaForYear(2031).tables.get('Episodes')!.fields.get('PLACE')!.codes).toContain('Z14');
    expect(tables(2031)).toEqual(tables(2027));
    expect(schemaForYear(2027).tables.get('DoLo')!.columns).toEqual([
      'CHILD',
      'DOB',
      'DOLO_START',
      'DOLO_END',
    ]);
  });

  it('lists the columns in the order of the DfE specification', () => {
    expect(schemaForYear(2026).tables.get('Episodes')!.columns.join(',')).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    );
    expect(schemaForYear(2026).tables.get('Header')!.columns.join(',')).toBe(
      'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
    );
  });
});

describe('identifyTable', () => {
  const schema = schemaForYear(2026);
  it('matches exact column sets only', () => {
    expect(identifyTable(['DOB', 'CHILD', 'REVIEW_CODE', 'REVIEW'], schema)).toEqual({
      kind: 'match',
      table: 'Reviews',
    });
    expect(identifyTable(['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE', 'EXTRA'], schema)).toEqual({
      kind: 'unknown',
      closest: { table: 'Reviews', missing: [], unexpected: ['EXTRA'] },
    });
  });

  it('does not guess a table from two shared columns', () => {
    expect(identifyTable(['CHILD', 'DOB'], schema).kind).toBe('unknown');
  });
});

describe('field checks', () => {
  const episodes = schemaForYear(2026).tables.get('Episodes')!;
  const field = (name: string) => episodes.fields.get(name)!;

  it.each([
    ['DECOM', '', 'required'],
    ['DEC', '', null],
    ['DECOM', '31/03/2025', null],
    ['DECOM', '1/4/2025', null],
    ['DECOM', '29/02/2024', null],
    ['DECOM', '29/02/2025', 'date'],
    ['DECOM', '2025-03-31', 'date'],
    ['DECOM', '31/3/25', 'date'],
    ['PLACE', 'Z11', null],
    ['PLACE', 'H5', 'code'],
    ['PLACE', 'u1', 'code'],
    ['URN', 'SC1234567', 'length'],
    ['URN', 'SC123456', null],
  ])('%s %j → %s', (name, value, kind) => {
    expect(checkValue(field(name), value)).toBe(kind);
  });

  it('checks integers', () => {
    const nb = schemaForYear(2026).tables.get('AD1')!.fields.get('NB_ADOPTR')!;
    expect(checkValue(nb, '2')).toBeNull();
    expect(checkValue(nb, '2.0')).toBe('integer');
    expect(checkValue(nb, 'two')).toBe('integer');
  });

  it('agrees with parseUkDate on which texts are dates', () => {
    const samples = [
      '01/01/2000',
      '31/12/1999',
      '00/01/2000',
      '32/01/2000',
      '29/02/1900',
      '29/02/2000',
      '1/1/0099',
      '1/1/0100',
      '10/10/10000',
      '1/13/2020',
      'a1/01/2020',
      '01/01/20a0',
      '01-01-2020',
      '',
      '///',
      '01/1/2020',
      '001/01/2020',
      '31/04/2021',
      '30/04/2021',
    ];
    for (let year = 1996; year <= 2028; year++) {
      for (const day of ['28', '29', '30', '31'])
        samples.push(`${day}/02/${year}`, `${day}/${year % 12 || 12}/${year}`);
    }
    for (const text of samples) expect(isUkDate(text), text).toBe(parseUkDate(text) !== null);
  });

  it('reports every failing field of a row as a SCHEMA finding with the child reference', () => {
    const check = createRowChecker(episodes);
    const findings: Finding[] = [];
    check(
      {
        table: 'Episodes',
        rowNumber: 7,
        values: {
          CHILD: 'C1',
          DECOM: '31/02/2025',
          RNE: 'S',
          LS: 'C2',
          CIN: 'N1',
          PLACE: 'P2',
          PLACE_PROVIDER: '',
          DEC: '',
          REC: '',
          REASON_PLACE_CHANGE: '',
          HOME_POST: '',
          PL_POST: '',
          URN: '',
        },
      },
      (finding) => findings.push(finding),
    );
    expect(findings).toEqual([
      {
        code: 'SCHEMA:date',
        table: 'Episodes',
        rowNumber: 7,
        field: 'DECOM',
        value: '31/02/2025',
        child: 'C1',
      },
      { code: 'SCHEMA:code', table: 'Episodes', rowNumber: 7, field: 'PLACE', value: 'P2', child: 'C1' },
    ]);
  });

  it('words messages for one finding, suggesting the code meant', () => {
    const finding = (table: TableName, field: string, value: string, code = 'SCHEMA:code'): Finding => ({
      code,
      table,
      rowNumber: 2,
      field,
      value,
      child: 'C1',
    });
    expect(describeSchemaFinding(finding('Header', 'SEX', 'Male'), schemaForYear(2024))).toBe(
      'SEX "Male" is not a code used in 2023/24. Did you mean "1"? Allowed codes: 1, 2.',
    );
    expect(describeSchemaFinding(finding('Header', 'SEX', 'f'), schemaForYear(2025))).toBe(
      'SEX "f" is not a code used in 2024/25. Did you mean "F"? Allowed codes: M, F, U.',
    );
    expect(describeSchemaFinding(finding('UASC', 'SEX', '1'), schemaForYear(2025))).toMatch(
      /Did you mean "M"\?/,
    );
    expect(
      describeSchemaFinding(finding('Episodes', 'DECOM', '2025-04-01', 'SCHEMA:date'), schemaForYear(2026)),
    ).toBe('DECOM "2025-04-01" is written year first; write dates as dd/mm/yyyy.');
    expect(
      describeSchemaFinding(finding('Episodes', 'DECOM', '', 'SCHEMA:required'), schemaForYear(2026)),
    ).toBe('DECOM is blank, but it must be filled in.');
    expect(Object.keys(SCHEMA_DESCRIPTIONS)).toContain('field-count');
  });
});
