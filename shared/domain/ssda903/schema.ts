// Domain: the SSDA903 tables, their columns and the type of every field, by collection year.
//
// Sources (facts transcribed by hand, no code copied):
// - shared/reference/schemas/SSDA903_schema_2024.yml — columns, field types, "canbeblank", code lists and the
//   words councils sometimes type instead of codes ("dictionary"/"name"). Its table "SocialWorker" is our
//   SWEpisodes. Its SW_REASON list spells "PCCHAN " with a trailing space; the code is PCCHAN.
// - shared/reference/schemas/SSDA903_schema_2025.diff.yml — SEX in Header and UASC becomes M/F/U (UASC also
//   lists "1" and "2" as old spellings of M and F); PLACE gains K3 and loses H5 and P2.
// - shared/reference/schemas/SSDA903_schema_2026.diff.yml — PLACE gains Z11, Z12, Z13 and Z14.
// - shared/reference/schemas/SSDA903_CLA.xsd — maximum lengths of CHILD (CHILDID), UPN, postcodes, URN, LA_PERM.
// - DfE's SSDA903 guidance — SWEpisodes collected from 2023/24, DoLo (CHILD, DOB, DOLO_START, DOLO_END)
//   from 2026/27; shared/reference/rules/ssda903_rules_2026_27.csv (rules 700, 701, 707) — DoLo dates are
//   dd/mm/yyyy, a DoLo must have a start date and may be open.
//
// "Collection year" is the year the reporting period ends: 2026 is 1 April 2025 to 31 March 2026, the
// schema files' 2024/2025/2026 are such years. We hold no schema older than 2024: earlier years use the
// 2024 lists without SWEpisodes. Years after the newest known change use the newest schema.
import { COUNCILS } from '../councils.ts';
import { SUPERSEDED_CODES } from '../indicators/superseded-codes.ts';
import type { TableName } from './model.ts';

export type FieldType = 'string' | 'date' | 'integer' | 'code';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** "canbeblank: no" in the schema: a blank value is a finding. */
  readonly required: boolean;
  /** The allowed codes, for type 'code'. */
  readonly codes?: readonly string[];
  /** Words a council may have typed instead of a code (schema "dictionary"), mapped to the code. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Longest value the DfE XML schema allows. */
  readonly maxLength?: number;
  /**
   * The DfE rule that reports this field's unlisted codes and unreadable dates or numbers (and its blanks, when
   * `blank`). While that rule runs on the return, the field check leaves those values to it: one problem, one
   * finding (ADR 0009).
   */
  readonly reportedByRule?: RuleReport;
}

export interface RuleReport {
  /** The rule's DfE code, e.g. "103". */
  readonly rule: string;
  /** The rule also reports the field left blank (where the field must be filled in). */
  readonly blank: boolean;
}

export interface TableSpec {
  readonly name: TableName;
  /** Canonical column order (as DfE's SSDA903 specification lists them). */
  readonly columns: readonly string[];
  readonly fields: ReadonlyMap<string, FieldSpec>;
}

export interface YearSchema {
  readonly collectionYear: number;
  /** "2025/26" for collection year 2026. */
  readonly label: string;
  readonly tables: ReadonlyMap<TableName, TableSpec>;
}

/** Every table the return has ever had, in the order reports list them. */
export const ALL_TABLES: readonly TableName[] = [
  'Header',
  'Episodes',
  'UASC',
  'Reviews',
  'OC2',
  'OC3',
  'AD1',
  'PlacedAdoption',
  'PrevPerm',
  'Missing',
  'SWEpisodes',
  'DoLo',
];

/** Tables without which a return cannot be processed. */
export const REQUIRED_TABLES: readonly TableName[] = ['Header', 'Episodes'];

/** First collection year in which a table is part of the return (absent: every year). */
const FIRST_YEAR: Partial<Record<TableName, number>> = { SWEpisodes: 2024, DoLo: 2027 };

export function yearLabel(collectionYear: number): string {
  return `${collectionYear - 1}/${String(collectionYear % 100).padStart(2, '0')}`;
}

export function firstYearOf(table: TableName): number | null {
  return FIRST_YEAR[table] ?? null;
}

// ---- field builders -------------------------------------------------------------------------------

const text = (name: string, required: boolean, maxLength?: number): FieldSpec =>
  maxLength === undefined
    ? { name, type: 'string', required }
    : { name, type: 'string', required, maxLength };
const date = (name: string, required: boolean): FieldSpec => ({ name, type: 'date', required });
const integer = (name: string, required: boolean): FieldSpec => ({ name, type: 'integer', required });
const code = (
  name: string,
  required: boolean,
  codes: readonly string[],
  labels?: Readonly<Record<string, string>>,
): FieldSpec =>
  labels ? { name, type: 'code', required, codes, labels } : { name, type: 'code', required, codes };

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${from + index}`);

const FLAG = ['0', '1'];
const CHILD = text('CHILD', true, 10);
const DOB = date('DOB', true);

// ---- code lists (SSDA903_schema_2024.yml unless noted) ---------------------------------------------

const SEX_2024 = code('SEX', true, ['1', '2'], { Male: '1', Female: '2' });
// 2025 diff: Header lists Male/Female/Unknown; UASC also lists the old codes "1" and "2".
const SEX_2025_HEADER = code('SEX', true, ['M', 'F', 'U'], { Male: 'M', Female: 'F', Unknown: 'U' });
const SEX_2025_UASC = code('SEX', true, ['M', 'F', 'U'], {
  Male: 'M',
  Female: 'F',
  Unknown: 'U',
  1: 'M',
  2: 'F',
});

const ETHNIC_LABELS: Readonly<Record<string, string>> = {
  'White British': 'WBRI',
  'White Irish': 'WIRI',
  'Any other White background': 'WOTH',
  'Traveller of Irish heritage': 'WIRT',
  'Gypsy/Roma': 'WROM',
  'White and Black Caribbean': 'MWBC',
  'White and Black African': 'MWBA',
  'White and Asian': 'MWAS',
  'Any other Mixed background': 'MOTH',
  Indian: 'AIND',
  Pakistani: 'APKN',
  Bangladeshi: 'ABAN',
  'Any other Asian background': 'AOTH',
  Caribbean: 'BCRB',
  African: 'BAFR',
  'Any other Black background': 'BOTH',
  Chinese: 'CHNE',
  'Any other ethnic group': 'OOTH',
  Refused: 'REFU',
  'Information not yet obtained': 'NOBT',
};

// biome-ignore format: laid out like the yml lists, to check them side by side
const PLACE_2024 = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
];
// 2025 diff: adds K3, drops H5 and P2.
const PLACE_2025 = [...PLACE_2024.filter((place) => place !== 'H5' && place !== 'P2'), 'K3'].sort();
// 2026 diff: adds Z11–Z14. They replace Z1 ("other placement"), which the diff still lists but DfE's 2025/26
// code list and rule 178 no longer have; Z1 is therefore refused from 2025/26.
const PLACE_2026 = [...PLACE_2025.filter((place) => place !== 'Z1'), ...range('Z', 11, 14)];

// biome-ignore format: laid out like the yml lists, to check them side by side
const REC = [
  'X1', 'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48',
  'E5', 'E6', 'E7', 'E9', 'E14', 'E15', 'E16', 'E17', 'E8',
];

// biome-ignore format: laid out like the yml lists, to check them side by side
const REASON_PLACE_CHANGE = [
  'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER',
];

const ACCOM = [
  ...['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'].flatMap((letter) => [
    `${letter}1`,
    `${letter}2`,
  ]),
  '0',
];

/** Reasons a social worker changed (SWEpisodes, from 2026/27); rule SW13STG1 checks against the same list. */
export const SW_REASON = [
  'MANAGE',
  'FCONTA',
  'LEFTRL',
  'ORGRST',
  'TSPROC',
  'ABSENC',
  'CHCHAN',
  'PCCHAN',
  'SWDIED',
  'OTHERS',
];

/**
 * Where a previous permanence order was arranged (LA_PERM): the DfE number of an English council, current or
 * retired by reorganisation (an order may be years old), or WAL, SCO, NIR for Wales, Scotland and Northern
 * Ireland and NUK outside the UK (DfE's SSDA903 guidance; rule 633).
 */
export const LA_PERM_CODES: readonly string[] = [
  ...COUNCILS.map((council) => council.la),
  ...SUPERSEDED_CODES.filter((code) => code.kind === 'council').map((code) => code.la),
  'WAL',
  'SCO',
  'NIR',
  'NUK',
];

// ---- tables -----------------------------------------------------------------------------------------

/**
 * Fields a DfE rule checks against the same code list or date form as the field check (by(rule, true): its blank
 * too). test/unit/ssda903/one-finding-per-problem.test.ts runs each rule, in every year it is in force, on the
 * values the field check would refuse, so a rule that stops reporting one of them fails there.
 */
// biome-ignore format: a table a line where it fits, to read the list as a whole
const REPORTED_BY_RULE: Readonly<Partial<Record<TableName, Readonly<Record<string, RuleReport>>>>> = {
  Header: {
    SEX: by('101', true), DOB: by('102', true), ETHNIC: by('103', true), UPN: by('442', true), MOTHER: by('165'),
    MC_DOB: by('171'),
  },
  Episodes: {
    DECOM: by('141', true), RNE: by('143', true), LS: by('144', true), CIN: by('145', true), PLACE: by('146', true),
    PLACE_PROVIDER: by('178'), DEC: by('147'), REC: by('149'), REASON_PLACE_CHANGE: by('1009'),
  },
  UASC: { DUC: by('104') },
  Reviews: { REVIEW: by('166', true), REVIEW_CODE: by('167', true) },
  OC2: { SDQ_REASON: by('196') },
  OC3: { IN_TOUCH: by('131'), ACTIV: by('132'), ACCOM: by('133') },
  AD1: {
    DATE_INT: by('112'), DATE_MATCH: by('113'), FOSTER_CARE: by('114'), NB_ADOPTR: by('175'),
    SEX_ADOPTR: by('176'), LS_ADOPTR: by('177'),
  },
  PlacedAdoption: { DATE_PLACED: by('115'), DATE_PLACED_CEASED: by('116'), REASON_PLACED_CEASED: by('120') },
  PrevPerm: { PREV_PERM: by('631', true), LA_PERM: by('633'), DATE_PERM: by('632') },
  Missing: { MISSING: by('1006'), MIS_START: by('1004'), MIS_END: by('1005') },
  SWEpisodes: { SW_DECOM: by('SW04STG1'), SW_DEC: by('SW05STG1'), SW_REASON: by('SW13STG1') },
  DoLo: { DOLO_START: by('700', true), DOLO_END: by('701') },
};

function by(rule: string, blank = false): RuleReport {
  return { rule, blank };
}

function table(name: TableName, fields: readonly FieldSpec[]): TableSpec {
  const reported = REPORTED_BY_RULE[name] ?? {};
  const specs = fields.map((field) => {
    const report = reported[field.name];
    return report ? { ...field, reportedByRule: report } : field;
  });
  return {
    name,
    columns: specs.map((field) => field.name),
    fields: new Map(specs.map((f) => [f.name, f])),
  };
}

function header(sex: FieldSpec): TableSpec {
  return table('Header', [
    CHILD,
    sex,
    DOB,
    code('ETHNIC', true, Object.values(ETHNIC_LABELS), ETHNIC_LABELS),
    text('UPN', true, 13),
    code('MOTHER', false, FLAG),
    date('MC_DOB', false),
  ]);
}

function episodes(places: readonly string[]): TableSpec {
  return table('Episodes', [
    CHILD,
    date('DECOM', true),
    code('RNE', true, ['S', 'L', 'P', 'T', 'B', 'U']),
    code('LS', true, ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3']),
    code('CIN', true, range('N', 1, 8)),
    code('PLACE', true, places),
    code('PLACE_PROVIDER', false, range('PR', 0, 5)),
    date('DEC', false),
    code('REC', false, REC),
    code('REASON_PLACE_CHANGE', false, REASON_PLACE_CHANGE),
    text('HOME_POST', false, 8),
    text('PL_POST', false, 8),
    text('URN', false, 8),
  ]);
}

function uasc(sex: FieldSpec): TableSpec {
  return table('UASC', [CHILD, sex, DOB, date('DUC', false)]);
}

const REVIEWS = table('Reviews', [
  CHILD,
  DOB,
  date('REVIEW', true),
  code('REVIEW_CODE', true, range('PN', 0, 7)),
]);

const OC2 = table('OC2', [
  CHILD,
  DOB,
  integer('SDQ_SCORE', false),
  code('SDQ_REASON', false, range('SDQ', 1, 5)),
  ...[
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ].map((name) => code(name, false, FLAG)),
]);

const OC3 = table('OC3', [
  CHILD,
  DOB,
  code('IN_TOUCH', true, ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM']),
  code('ACTIV', true, ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0']),
  code('ACCOM', true, ACCOM),
]);

const AD1 = table('AD1', [
  CHILD,
  DOB,
  date('DATE_INT', true),
  date('DATE_MATCH', true),
  code('FOSTER_CARE', true, FLAG, { False: '0', True: '1', FALSE: '0', TRUE: '1' }),
  integer('NB_ADOPTR', true),
  code('SEX_ADOPTR', true, ['M1', 'F1', 'MM', 'FF', 'MF']),
  code('LS_ADOPTR', true, ['L0', 'L11', 'L12', 'L2', 'L3', 'L4']),
]);

const PLACED_ADOPTION = table('PlacedAdoption', [
  CHILD,
  DOB,
  date('DATE_PLACED', true),
  date('DATE_PLACED_CEASED', false),
  code('REASON_PLACED_CEASED', false, range('RD', 1, 4)),
]);

const PREV_PERM = table('PrevPerm', [
  CHILD,
  DOB,
  code('PREV_PERM', true, ['P1', 'P2', 'P3', 'P4', 'Z1']),
  code('LA_PERM', false, LA_PERM_CODES),
  date('DATE_PERM', false),
]);

const MISSING = table('Missing', [
  CHILD,
  DOB,
  code('MISSING', true, ['M', 'A']),
  date('MIS_START', true),
  date('MIS_END', false),
]);

const SW_EPISODES = table('SWEpisodes', [
  CHILD,
  DOB,
  text('SW_ID', true),
  date('SW_DECOM', true),
  date('SW_DEC', false),
  code('SW_REASON', false, SW_REASON),
]);

const DOLO = table('DoLo', [CHILD, DOB, date('DOLO_START', true), date('DOLO_END', false)]);

// ---- schemas by year ----------------------------------------------------------------------------------

function buildSchema(collectionYear: number): YearSchema {
  const sexHeader = collectionYear >= 2025 ? SEX_2025_HEADER : SEX_2024;
  const sexUasc = collectionYear >= 2025 ? SEX_2025_UASC : SEX_2024;
  const places = collectionYear >= 2026 ? PLACE_2026 : collectionYear >= 2025 ? PLACE_2025 : PLACE_2024;
  const specs: TableSpec[] = [
    header(sexHeader),
    episodes(places),
    uasc(sexUasc),
    REVIEWS,
    OC2,
    OC3,
    AD1,
    PLACED_ADOPTION,
    PREV_PERM,
    MISSING,
    SW_EPISODES,
    DOLO,
  ];
  const tables = new Map<TableName, TableSpec>();
  for (const spec of specs) {
    const first = firstYearOf(spec.name);
    if (first === null || collectionYear >= first) tables.set(spec.name, spec);
  }
  return { collectionYear, label: yearLabel(collectionYear), tables };
}

const cache = new Map<number, YearSchema>();

/** The schema in force for a collection year (the year its reporting period ends). */
export function schemaForYear(collectionYear: number): YearSchema {
  if (!Number.isInteger(collectionYear)) throw new RangeError(`Not a collection year: ${collectionYear}`);
  let schema = cache.get(collectionYear);
  if (!schema) {
    schema = buildSchema(collectionYear);
    cache.set(collectionYear, schema);
  }
  return schema;
}

/** Every table's columns, whatever the year (to recognise a table that is not collected this year). */
const LATEST = buildSchema(9999);

// ---- recognising a table by its columns -------------------------------------------------------------

export type TableMatch =
  | { readonly kind: 'match'; readonly table: TableName }
  /** The columns of a table that exists, but not in this collection year. */
  | { readonly kind: 'not-collected'; readonly table: TableName; readonly firstYear: number }
  /** Right columns, wrong capitals. */
  | { readonly kind: 'case'; readonly table: TableName }
  /** A subset of one table's columns: mandatory columns are missing. */
  | { readonly kind: 'missing-columns'; readonly table: TableName; readonly missing: readonly string[] }
  | {
      readonly kind: 'unknown';
      /** The nearest table by shared columns, when any column is shared at all. */
      readonly closest: {
        readonly table: TableName;
        readonly missing: readonly string[];
        readonly unexpected: readonly string[];
      } | null;
    };

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((column) => a.has(column));
}

/**
 * Recognises a table by its exact set of column names (order does not matter). When nothing matches,
 * names the closest table by Jaccard similarity of the column sets (ties go to the earlier table in
 * ALL_TABLES) and the columns that differ.
 */
export function identifyTable(columns: readonly string[], schema: YearSchema): TableMatch {
  const given = new Set(columns);
  for (const spec of schema.tables.values()) {
    if (sameSet(given, spec.columns)) return { kind: 'match', table: spec.name };
  }
  for (const spec of LATEST.tables.values()) {
    if (!schema.tables.has(spec.name) && sameSet(given, spec.columns)) {
      return {
        kind: 'not-collected',
        table: spec.name,
        firstYear: firstYearOf(spec.name) ?? schema.collectionYear,
      };
    }
  }
  const upper = new Set(columns.map((column) => column.toUpperCase()));
  for (const spec of schema.tables.values()) {
    if (sameSet(upper, spec.columns)) return { kind: 'case', table: spec.name };
  }

  let best: { spec: TableSpec; score: number } | null = null;
  for (const spec of schema.tables.values()) {
    const shared = spec.columns.filter((column) => given.has(column)).length;
    if (shared === 0) continue;
    const score = shared / (given.size + spec.columns.length - shared);
    if (!best || score > best.score) best = { spec, score };
  }
  if (!best) return { kind: 'unknown', closest: null };
  const missing = best.spec.columns.filter((column) => !given.has(column));
  const unexpected = [...given].filter((column) => !best.spec.fields.has(column));
  // Every column given belongs to the table and more than half of the table is there: columns are missing.
  if (unexpected.length === 0 && given.has('CHILD') && given.size * 2 > best.spec.columns.length) {
    return { kind: 'missing-columns', table: best.spec.name, missing };
  }
  return { kind: 'unknown', closest: { table: best.spec.name, missing, unexpected } };
}
