// Domain: field-level checks of SSDA903 rows against the year's schema (type, blank, code list, length).
// Their findings carry codes "SCHEMA:<kind>", kept apart from DfE rule codes.

import type { ByteRow } from './byte-row.ts';
import type { Finding, Row } from './model.ts';
import type { FieldSpec, TableSpec, YearSchema } from './schema.ts';

export type SchemaKind =
  | 'required'
  | 'date'
  | 'integer'
  | 'code'
  | 'length'
  | 'field-count'
  | 'not-in-header'
  | 'duplicate-child';

export const SCHEMA_PREFIX = 'SCHEMA:';

export function schemaCode(kind: SchemaKind): string {
  return `${SCHEMA_PREFIX}${kind}`;
}

export function isSchemaCode(code: string): boolean {
  return code.startsWith(SCHEMA_PREFIX);
}

/** What each kind of schema finding means, in the words of the validation report. */
export const SCHEMA_DESCRIPTIONS: Readonly<Record<SchemaKind, string>> = {
  required: 'A value must be given in this field, but it is blank.',
  date: 'This is not a real date written as dd/mm/yyyy (for example 31/03/2025).',
  integer: 'This must be a whole number.',
  code: 'This is not one of the codes allowed in this field for the collection year.',
  length: 'This value is longer than the field allows.',
  'field-count': 'This row has a different number of values from the number of columns in the first row.',
  'not-in-header': 'This child is in this table but not in the Header table: every child needs a Header row.',
  'duplicate-child': 'This child has more than one row in the Header table; a child must appear there once.',
};

const INTEGER = /^-?\d+$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * True when the text is a real calendar date written d/m/yyyy or dd/mm/yyyy: the same dates as
 * parseUkDate in dates.ts accepts (years 100 to 9999), without a regular expression or a Date per value,
 * because every date field of every row goes through it.
 */
export function isUkDate(text: string): boolean {
  const length = text.length;
  if (length < 8 || length > 10) return false;
  const firstSlash = text.indexOf('/');
  if (firstSlash < 1 || firstSlash > 2) return false;
  const secondSlash = text.indexOf('/', firstSlash + 1);
  if (secondSlash - firstSlash < 2 || secondSlash - firstSlash > 3 || length - secondSlash !== 5)
    return false;
  const day = digits(text, 0, firstSlash);
  const month = digits(text, firstSlash + 1, secondSlash);
  const year = digits(text, secondSlash + 1, length);
  if (day < 1 || month < 1 || month > 12 || year < 100) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The kind of problem with one value, or null if it is acceptable. Values are already trimmed. */
export function checkValue(spec: FieldSpec, value: string): SchemaKind | null {
  if (value === '') return spec.required ? 'required' : null;
  switch (spec.type) {
    case 'date':
      if (!isUkDate(value)) return 'date';
      break;
    case 'integer':
      if (!INTEGER.test(value)) return 'integer';
      break;
    case 'code':
      if (!spec.codes?.includes(value)) return 'code';
      break;
    case 'string':
      break;
  }
  if (spec.maxLength !== undefined && value.length > spec.maxLength) return 'length';
  return null;
}

export type FindingSink = (finding: Finding) => void;

interface CompiledField {
  readonly name: string;
  readonly check: (value: string) => SchemaKind | null;
}

function compileField(spec: FieldSpec, rulesInForce: ReadonlySet<string>): CompiledField {
  // A DfE rule in force reports this field's unlisted or unreadable values (and its blanks, where it says so)
  // itself: one problem, one finding. Only what the rule does not look at is left here.
  const report = spec.reportedByRule;
  if (report !== undefined && rulesInForce.has(report.rule)) {
    const blank: SchemaKind | null = spec.required && !report.blank ? 'required' : null;
    const maxLength = spec.maxLength ?? Number.POSITIVE_INFINITY;
    return {
      name: spec.name,
      check: (value) => (value === '' ? blank : value.length > maxLength ? 'length' : null),
    };
  }
  // Code lists become Sets so a row costs a hash lookup per coded field.
  if (spec.type === 'code') {
    const codes = new Set(spec.codes ?? []);
    return {
      name: spec.name,
      check: (value) => {
        if (value === '') return spec.required ? 'required' : null;
        return codes.has(value) ? null : 'code';
      },
    };
  }
  return { name: spec.name, check: (value) => checkValue(spec, value) };
}

/**
 * Builds the checker for one table: it reports every failing field of a row to the sink. `rulesInForce` holds the
 * codes of the DfE rules that will run on the return (see FieldSpec.reportedByRule).
 */
export function createRowChecker(
  spec: TableSpec,
  rulesInForce: ReadonlySet<string> = new Set(),
): (row: Row, sink: FindingSink) => number {
  const fields = spec.columns.map((column) => compileField(spec.fields.get(column)!, rulesInForce));
  return (row, sink) => {
    let failures = 0;
    const child = row.values.CHILD ?? '';
    for (const field of fields) {
      const value = row.values[field.name] ?? '';
      const kind = field.check(value);
      if (kind !== null) {
        failures++;
        sink({
          code: schemaCode(kind),
          table: row.table,
          rowNumber: row.rowNumber,
          field: field.name,
          value,
          child,
        });
      }
    }
    return failures;
  };
}

/** A message about one schema finding, specific to the field and value, for the per-row report. */
export function describeSchemaFinding(finding: Finding, schema: YearSchema): string {
  const kind = finding.code.slice(SCHEMA_PREFIX.length) as SchemaKind;
  const spec = schema.tables.get(finding.table)?.fields.get(finding.field);
  switch (kind) {
    case 'required':
      return `${finding.field} is blank, but it must be filled in.`;
    case 'date':
      return /^\d{4}-\d{1,2}-\d{1,2}/.test(finding.value)
        ? `${finding.field} "${finding.value}" is written year first; write dates as dd/mm/yyyy.`
        : `${finding.field} "${finding.value}" is not a real date written as dd/mm/yyyy.`;
    case 'integer':
      return `${finding.field} "${finding.value}" is not a whole number.`;
    case 'code': {
      const allowed = spec?.codes ?? [];
      const suggestion = suggestCode(spec, finding.value);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      const list = allowed.length <= 12 ? ` Allowed codes: ${allowed.join(', ')}.` : '';
      return `${finding.field} "${finding.value}" is not a code used in ${schema.label}.${hint}${list}`;
    }
    case 'length':
      return `${finding.field} "${finding.value}" is ${finding.value.length} characters long; at most ${spec?.maxLength ?? '?'} are allowed.`;
    default:
      return SCHEMA_DESCRIPTIONS[kind] ?? 'This value does not fit the SSDA903 specification.';
  }
}

/**
 * For a finding of the rule that reports a coded field in place of the field check (FieldSpec.reportedByRule),
 * the code the council probably meant, as " Did you mean …?"; '' otherwise.
 */
export function ruleFindingHint(finding: Finding, schema: YearSchema): string {
  const spec = schema.tables.get(finding.table)?.fields.get(finding.field);
  if (spec?.reportedByRule?.rule !== finding.code) return '';
  const suggestion = suggestCode(spec, finding.value);
  return suggestion ? ` Did you mean "${suggestion}"?` : '';
}

/** A code the council probably meant: the schema's word for it, or the same code in capitals. */
export function suggestCode(spec: FieldSpec | undefined, value: string): string | null {
  if (!spec?.codes) return null;
  const fromLabel = spec.labels?.[value];
  if (fromLabel) return fromLabel;
  const upper = value.toUpperCase();
  if (upper !== value && spec.codes.includes(upper)) return upper;
  const labelled = Object.entries(spec.labels ?? {}).find(
    ([label]) => label.toLowerCase() === value.toLowerCase(),
  );
  return labelled ? labelled[1] : null;
}

// ---------------------------------------------------------------------------------------------------------
// The same checks on the bytes of a CSV row, making a string only for a value that fails.

function isAscii(bytes: Buffer, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (bytes[at]! >= 0x80) return false;
  return true;
}

function digitsIn(bytes: Buffer, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) {
    const digit = bytes[at]! - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** isUkDate on bytes. */
export function isUkDateBytes(bytes: Buffer, from: number, to: number): boolean {
  const length = to - from;
  // Nearly every date is written in full (dd/mm/yyyy): its digits are read at their places, with no search.
  if (length === 10 && bytes[from + 2] === 0x2f && bytes[from + 5] === 0x2f) {
    const day = twoDigitsAt(bytes, from);
    const month = twoDigitsAt(bytes, from + 3);
    const century = twoDigitsAt(bytes, from + 6);
    const years = twoDigitsAt(bytes, from + 8);
    if (day === -1 || month === -1 || century === -1 || years === -1) return false;
    return isDayOfMonth(day, month, century * 100 + years);
  }
  if (length < 8 || length > 10) return false;
  let firstSlash = -1;
  let secondSlash = -1;
  for (let at = from; at < to; at++) {
    if (bytes[at] !== 0x2f) continue;
    if (firstSlash === -1) firstSlash = at;
    else {
      secondSlash = at;
      break;
    }
  }
  if (firstSlash - from < 1 || firstSlash - from > 2) return false;
  if (secondSlash - firstSlash < 2 || secondSlash - firstSlash > 3 || to - secondSlash !== 5) return false;
  const day = digitsIn(bytes, from, firstSlash);
  const month = digitsIn(bytes, firstSlash + 1, secondSlash);
  const year = digitsIn(bytes, secondSlash + 1, to);
  return isDayOfMonth(day, month, year);
}

/** The number written by the two digits at `at`, or -1 if either is not a digit. */
function twoDigitsAt(bytes: Buffer, at: number): number {
  const tens = bytes[at]! - 48;
  const units = bytes[at + 1]! - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/** Whether day/month/year (each -1 when unreadable) is a real date of a year from 100 on. */
function isDayOfMonth(day: number, month: number, year: number): boolean {
  if (day < 1 || month < 1 || month > 12 || year < 100) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function isIntegerBytes(bytes: Buffer, from: number, to: number): boolean {
  let at = from;
  if (bytes[at] === 0x2d) at++;
  if (at >= to) return false;
  for (; at < to; at++) {
    const byte = bytes[at]!;
    if (byte < 0x30 || byte > 0x39) return false;
  }
  return true;
}

/** Codes of up to six ASCII characters are found by their bytes as numbers (CodeList), making no string. */
const MAX_PACKED_CODE = 6;

/** A value of up to three bytes as one number (at most 24 bits, so never a boxed number). */
function packedThree(bytes: Buffer, from: number, to: number): number {
  let key = 0;
  for (let at = from; at < to; at++) key = (key << 8) | bytes[at]!;
  return key;
}

/**
 * A field's codes, found by their bytes without making a string. Codes of up to MAX_PACKED_CODE ASCII
 * characters sit in a small open-addressing table as their length and two numbers (their first three bytes
 * and the rest); others are looked up as text.
 */
class CodeList {
  private readonly lengths: Uint8Array;
  private readonly firsts: Int32Array;
  private readonly rests: Int32Array;
  private readonly shift: number;
  private readonly texts: ReadonlySet<string>;
  /** Every code is in the table: a value that cannot be is not one of them. */
  private readonly allPacked: boolean;

  constructor(codes: readonly string[]) {
    let bits = 3;
    while (1 << bits < codes.length * 2) bits++;
    this.shift = 32 - bits;
    this.lengths = new Uint8Array(1 << bits);
    this.firsts = new Int32Array(1 << bits);
    this.rests = new Int32Array(1 << bits);
    this.texts = new Set(codes);
    let allPacked = true;
    for (const code of codes) {
      const bytes = Buffer.from(code, 'utf8');
      if (bytes.length > MAX_PACKED_CODE || bytes.length !== code.length || bytes.length === 0) {
        allPacked = false;
        continue;
      }
      const first = packedThree(bytes, 0, Math.min(3, bytes.length));
      const rest = packedThree(bytes, 3, bytes.length);
      let slot = this.slotOf(first, rest);
      while (this.lengths[slot] !== 0) slot = (slot + 1) & (this.lengths.length - 1);
      this.lengths[slot] = bytes.length;
      this.firsts[slot] = first;
      this.rests[slot] = rest;
    }
    this.allPacked = allPacked;
  }

  private slotOf(first: number, rest: number): number {
    return Math.imul(first ^ Math.imul(rest, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  /** Whether bytes[from, to) (not empty) is one of the codes. */
  has(bytes: Buffer, from: number, to: number): boolean {
    const length = to - from;
    if (length <= MAX_PACKED_CODE) {
      const split = length < 3 ? to : from + 3;
      const first = packedThree(bytes, from, split);
      const rest = packedThree(bytes, split, to);
      const mask = this.lengths.length - 1;
      for (let slot = this.slotOf(first, rest); this.lengths[slot] !== 0; slot = (slot + 1) & mask) {
        if (this.lengths[slot] === length && this.firsts[slot] === first && this.rests[slot] === rest)
          return true;
      }
    }
    if (this.allPacked) return false;
    return this.texts.has(bytes.toString('utf8', from, to));
  }
}

/** Whether `known` holds the same bytes as bytes[from, to). */
function sameBytes(known: Buffer, bytes: Buffer, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let at = from; at < to; at++) if (known[at - from] !== bytes[at]) return false;
  return true;
}

/** Whether the value has more characters (UTF-16 units) than `maxLength`; -1 for no limit. */
function isTooLong(maxLength: number, bytes: Buffer, from: number, to: number): boolean {
  if (maxLength === -1 || to - from <= maxLength) return false;
  // UTF-8 has at least as many bytes as the text has UTF-16 units: count units only when it matters.
  return isAscii(bytes, from, to) || bytes.toString('utf8', from, to).length > maxLength;
}

/** The spec a field is checked by: a DfE rule in force reports its unlisted or unreadable values itself. */
function effectiveSpec(spec: FieldSpec, rulesInForce: ReadonlySet<string>): FieldSpec {
  // As compileField: only what the rule does not look at (its blanks, unless it says so; its length) is left.
  const report = spec.reportedByRule;
  if (report === undefined || !rulesInForce.has(report.rule)) return spec;
  return {
    name: spec.name,
    type: 'string',
    required: spec.required && !report.blank,
    ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
  };
}

/**
 * The checker for the rows of one table read from CSV (values in the table's column order): it reports every
 * failing field of a row to the sink, as createRowChecker does for a Row (`rulesInForce` likewise). It is a
 * function written out for the table, one step per column with its own check and limit, so that no column asks
 * which check it has or reads its limit from a table, and a column with nothing to check costs nothing.
 */
export function createByteRowChecker(
  spec: TableSpec,
  rulesInForce: ReadonlySet<string> = new Set(),
): (row: ByteRow, sink: FindingSink) => number {
  const specs = spec.columns.map((column) => effectiveSpec(spec.fields.get(column)!, rulesInForce));
  const names = specs.map((field) => field.name);
  const codeLists = specs.map((field) => (field.type === 'code' ? new CodeList(field.codes ?? []) : null));
  const childColumn = spec.columns.indexOf('CHILD');
  let lastChildBytes = Buffer.alloc(0);
  let lastChild = '';
  /** The row's CHILD as a string: the last one made, when the bytes are the same. */
  const childOf = ({ bytes, starts, ends }: ByteRow): string => {
    if (childColumn === -1) return '';
    const from = starts[childColumn]!;
    const to = ends[childColumn]!;
    if (!sameBytes(lastChildBytes, bytes, from, to)) {
      lastChild = bytes.toString('utf8', from, to);
      lastChildBytes = Buffer.from(bytes.subarray(from, to));
    }
    return lastChild;
  };
  const report = (row: ByteRow, sink: FindingSink, index: number, kind: SchemaKind): 1 => {
    // The row's CHILD, made a string once for its findings (and for the next rows of the same child).
    const child = childOf(row);
    sink({
      code: schemaCode(kind),
      table: row.table,
      rowNumber: row.rowNumber,
      field: names[index]!,
      value: index === childColumn ? child : row.bytes.toString('utf8', row.starts[index]!, row.ends[index]!),
      child,
    });
    return 1;
  };
  const steps = specs.map((field, index) => {
    const fail = (kind: SchemaKind): string => `failures += report(row, sink, ${index}, '${kind}');`;
    const limit = field.maxLength ?? -1;
    const tooLong = limit === -1 ? null : `isTooLong(${limit}, bytes, from, to)`;
    const tests: [string, SchemaKind][] = [];
    if (field.type === 'date') tests.push(['!isUkDateBytes(bytes, from, to)', 'date']);
    if (field.type === 'integer') tests.push(['!isIntegerBytes(bytes, from, to)', 'integer']);
    if (field.type === 'code') tests.push([`!code${index}.has(bytes, from, to)`, 'code']);
    else if (tooLong !== null) tests.push([tooLong, 'length']);
    const blank = field.required ? `if (from === to) ${fail('required')}` : 'if (from === to) {}';
    const checks = tests.map(([test, kind]) => ` else if (${test}) ${fail(kind)}`).join('');
    if (!field.required && tests.length === 0) return '';
    return `from = starts[${index}]; to = ends[${index}];\n${blank}${checks}`;
  });
  const codes = codeLists.map((list, index) => (list ? `const code${index} = codeLists[${index}];` : ''));
  const make = new Function(
    'codeLists',
    'report',
    'isUkDateBytes',
    'isIntegerBytes',
    'isTooLong',
    `${codes.join('\n')}
    return function checkRow(row, sink) {
      const bytes = row.bytes;
      const starts = row.starts;
      const ends = row.ends;
      let failures = 0;
      let from = 0;
      let to = 0;
      ${steps.join('\n')}
      return failures;
    };`,
  );
  return make(codeLists, report, isUkDateBytes, isIntegerBytes, isTooLong);
}

/**
 * The fields ("Table.FIELD") whose blanks the field checks report themselves: required fields, unless a DfE rule in
 * force reports their blanks (FieldSpec.reportedByRule). A rule that points at such a blank (601: an adopted
 * child's AD1 row left empty) would report the same problem a second time, so its finding is left out.
 */
export function blanksReportedByFieldChecks(
  schema: YearSchema,
  rulesInForce: ReadonlySet<string>,
): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const spec of schema.tables.values()) {
    for (const field of spec.fields.values()) {
      const report = field.reportedByRule;
      const leftToRule = report?.blank && rulesInForce.has(report.rule);
      if (field.required && !leftToRule) fields.add(`${spec.name}.${field.name}`);
    }
  }
  return fields;
}
