// Domain: reading the XML form of the SSDA903 return (EXPSSDA903, shared/reference/schemas/SSDA903_CLA.xsd) as a
// stream of the same rows the CSV tables give, so both forms are validated alike.
//
// XSD shape: EXPSSDA903 > CHILD* > HEADER, EPISODE*.
//   HEADER holds CHILDID UPN SEX DOB ETHNIC UASC DUC DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR
//   LS_ADOPTR IN_TOUCH ACTIV ACCOM MOTHER MC_DOB, and the groups AMISSING* (MISSING MIS_START MIS_END),
//   AREVIEW* (REVIEW REVIEW_CODE), PERMANENCE (PREV_PERM LA_PERM DATE_PERM), OC2 (SDQ_SCORE … ) and
//   AD_PLACED* (DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED).
//   EPISODE holds DECOM RNE LS CIN PL PL_POST HOME_POST URN PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE.
// Mapping to tables: CHILDID is CHILD and PL is PLACE. HEADER gives a Header row; a UASC row when its UASC
// flag is set or DUC is given; an OC3 row when any care-leaver field is given; an AD1 row when any adoption
// field is given. Group rows take CHILD and DOB from HEADER. The XSD has no social-worker episodes or DoLo:
// those tables come only as CSV.
import { SaxesParser, type SaxesTag } from 'saxes';
import type { ByteSource } from '../reading/bytes.ts';
import { decodeText, type TextEncodingName } from '../reading/decode.ts';
import { ReturnReadError } from '../reading/issues.ts';
import { doctypeRefused, refuseDoctype } from '../reading/xml-prolog.ts';
import { otherCouncilRefusal } from '../returns/council-claim.ts';
import type { ByteRow } from './byte-row.ts';
import type { Row, TableName } from './model.ts';
import { ALL_TABLES, type YearSchema } from './schema.ts';

export interface XmlReturnOptions {
  readonly fileName: string;
  readonly schema: YearSchema;
  /** The council the return is submitted for: a Header whose <LEA> names another refuses the file. */
  readonly la?: string;
  readonly onEncoding?: (encoding: TextEncodingName) => void;
  /**
   * Receives where each row is, by position: the child's place among the CHILD elements (1 = first), the
   * row's place among its child's rows of that table (1 = first) and the line of its element. Rows are numbered
   * in document order (rowNumber 1, 2, …), not by line: a file written on one line has every row on line 1.
   */
  readonly onRowPlace?: (rowNumber: number, place: XmlRowPlace) => void;
  /** Names of elements the reader does not know (reported once each, at most 20). */
  readonly onUnknownElement?: (path: string) => void;
  /** Longest prolog (before the first element) scanned for DOCTYPE/ENTITY (default 64 KiB). */
  readonly maxPrologChars?: number;
}

export interface XmlRowPlace {
  readonly child: number;
  readonly index: number;
  readonly line: number;
}

/** The row's element in a council officer's words: "Episode 3", "Review 1", "Header". */
export function xmlElementLabel(table: TableName, index: number): string {
  switch (table) {
    case 'Episodes':
      return `Episode ${index}`;
    case 'Reviews':
      return `Review ${index}`;
    case 'Missing':
      return `Missing episode ${index}`;
    case 'PlacedAdoption':
      return `Adoption placement ${index}`;
    case 'PrevPerm':
      return 'Permanence';
    case 'OC2':
      return 'OC2';
    default:
      return 'Header';
  }
}

/** Where a row of an XML return is: "Child 12, Episode 3". */
export const xmlRowLocation = (table: TableName, place: XmlRowPlace): string =>
  `Child ${place.child}, ${xmlElementLabel(table, place.index)}`;

/**
 * Columns only the XML form carries: HEADER's UASC flag (0 or 1), which the CSV tables record instead by a row
 * in the UASC table. Rules 105 and 303 check it; the field checks and the degraded copy leave it out.
 */
const XML_ONLY_COLUMNS: Partial<Record<TableName, readonly string[]>> = { Header: ['UASC'] };

/** A table's columns as the XML form gives them: the schema's, then any only the XML form has. */
export function xmlColumnsOf(schema: YearSchema, table: TableName): readonly string[] {
  const columns = schema.tables.get(table)?.columns ?? [];
  const extra = XML_ONLY_COLUMNS[table];
  return extra ? [...columns, ...extra] : columns;
}

/** The tables the XML form can carry. */
export const XML_TABLES: readonly TableName[] = ALL_TABLES.filter(
  (table) => table !== 'SWEpisodes' && table !== 'DoLo',
);

const ROOT = 'EXPSSDA903';
const RENAME: ReadonlyMap<string, string> = new Map([
  ['CHILDID', 'CHILD'],
  ['PL', 'PLACE'],
]);
const HEADER_GROUPS: ReadonlyMap<string, TableName> = new Map<string, TableName>([
  ['AMISSING', 'Missing'],
  ['AREVIEW', 'Reviews'],
  ['PERMANENCE', 'PrevPerm'],
  ['OC2', 'OC2'],
  ['AD_PLACED', 'PlacedAdoption'],
]);
const HEADER_FIELDS = [
  'CHILDID',
  'CHILD',
  'UPN',
  'SEX',
  'DOB',
  'ETHNIC',
  'UASC',
  'DUC',
  'DATE_INT',
  'DATE_MATCH',
  'FOSTER_CARE',
  'NB_ADOPTR',
  'SEX_ADOPTR',
  'LS_ADOPTR',
  'IN_TOUCH',
  'ACTIV',
  'ACCOM',
  'MOTHER',
  'MC_DOB',
];
const EPISODE_FIELDS = [
  'DECOM',
  'RNE',
  'LS',
  'CIN',
  'PL',
  'PLACE',
  'PL_POST',
  'HOME_POST',
  'URN',
  'PLACE_PROVIDER',
  'DEC',
  'REC',
  'REASON_PLACE_CHANGE',
];
const OC3_FIELDS = ['IN_TOUCH', 'ACTIV', 'ACCOM'];
const AD1_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];
/** The rows a HEADER gives before its groups' rows, in this order (UASC, OC3 and AD1 only when it has their fields). */
const HEADER_TABLES: readonly TableName[] = ['Header', 'UASC', 'OC3', 'AD1'];
const MAX_TEXT_CHARS = 10_000;
const SLICE_CHARS = 64 * 1024;
const MAX_UNKNOWN_REPORTED = 20;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.0+)?(?:Z|[+-]00:00)?)?$/;

/** XML dates may be ISO (yyyy-mm-dd); rows carry them as dd/mm/yyyy like the CSV form. */
function asUkDate(value: string): string {
  const iso = ISO_DATE.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/** Whether the character at `at` is an ASCII digit. */
const isDigitAt = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
};

/** Whether the text is exactly yyyy-mm-dd (digits and dashes): most dates of an XML return. */
function isShortIsoDate(text: string): boolean {
  return (
    text.length === 10 &&
    text.charCodeAt(4) === 0x2d &&
    text.charCodeAt(7) === 0x2d &&
    isDigitAt(text, 0) &&
    isDigitAt(text, 1) &&
    isDigitAt(text, 2) &&
    isDigitAt(text, 3) &&
    isDigitAt(text, 5) &&
    isDigitAt(text, 6) &&
    isDigitAt(text, 8) &&
    isDigitAt(text, 9)
  );
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A function that makes a row from its values in the table's column order, as one object literal: every row
 * of a table then has one shape from the start.
 */
function rowMakerFor(
  table: TableName,
  columns: readonly string[],
): (rowNumber: number, values: readonly string[]) => Row {
  for (const column of columns) {
    if (!PLAIN_NAME.test(column) || column === '__proto__')
      throw new Error(`Unexpected column name ${column}`);
  }
  const fields = columns.map((column, index) => `${column}: values[${index}]`).join(', ');
  return new Function(
    'table',
    `return (rowNumber, values) => ({ table, rowNumber, values: { ${fields} } });`,
  )(table) as (rowNumber: number, values: readonly string[]) => Row;
}

function malformed(fileName: string, line: number, detail: string): ReturnReadError {
  return new ReturnReadError(
    'xml-malformed',
    `"${fileName}" is not well-formed XML (line ${line.toLocaleString('en-GB')}: ${detail}). Export the return again; ` +
      'if it was edited by hand, check that every opening tag has a closing tag.',
    fileName,
  );
}

/** A row handed to the sink: valid only during the call, then used again for the next row of its table. */
class XmlByteRow implements ByteRow {
  rowNumber = 0;
  bytes: Buffer = EMPTY;
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  constructor(
    readonly table: TableName,
    columns: number,
  ) {
    this.starts = new Int32Array(columns);
    this.ends = new Int32Array(columns);
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * The values an element may give, numbered (after CHILDID and PL are renamed): a child's values are noted by
 * these numbers, and each table knows which number each of its columns takes.
 */
class FieldNumbers {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(name: string): number {
    let number = this.numbers.get(name);
    if (number === undefined) {
      number = this.names.length;
      this.names.push(name);
      this.numbers.set(name, number);
    }
    return number;
  }
}

/** What the rows of one table are made of: for each column the number of its field, and the reverse. */
interface TablePlan {
  readonly index: number;
  readonly table: TableName;
  readonly row: XmlByteRow;
  readonly fieldOfColumn: Int32Array;
  /** By field number, its column, or -1. */
  readonly columnOfField: Int32Array;
  readonly childColumn: number;
  readonly dobColumn: number;
}

/** What closing an element does, decided when it opens (from its name, its parent and its depth). */
const CLOSE_NOTHING = 0;
const CLOSE_CHILD = 1;
const CLOSE_HEADER_VALUE = 2;
const CLOSE_GROUP_VALUE = 3;
const CLOSE_GROUP = 4;
const CLOSE_LEA = 5;

/** An Int32Array twice as long, with the same values at the start. */
function doubled(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** Receives the rows of an XML return as they are read, as bytes (as CsvRowSink does for a CSV table). */
export type XmlRowSink = (row: ByteRow) => void;

/**
 * Reads an EXPSSDA903 XML file into the sink, row by row, pausing after each slice of text (so that the caller
 * can stop a return past its limits). Each child's elements are held until its closing tag (so memory is one
 * child): their values are written once, as UTF-8, into a buffer used again for every child, then its rows are
 * handed over as byte ranges of it (values in the table's columns as xmlColumnsOf gives them): Header, UASC,
 * OC3, AD1, then the HEADER groups and the episodes in document order. Rows are numbered in document order;
 * where each is (child, element, line) goes to onRowPlace. Throws ReturnReadError for DOCTYPE/ENTITY
 * declarations, malformed XML or a file that is not an SSDA903 return; no row is handed over once the file is
 * found wrong.
 */
export async function* readXmlRows(
  source: ByteSource,
  options: XmlReturnOptions,
  sink: XmlRowSink,
): AsyncGenerator<void> {
  const { fileName, schema } = options;
  const parser = new SaxesParser({ position: true, fileName });
  const columnsByTable = new Map(ALL_TABLES.map((table) => [table, xmlColumnsOf(schema, table)]));
  const columnsOf = (table: TableName): readonly string[] => columnsByTable.get(table) ?? [];

  // Every value an element may give, numbered; each table's columns as those numbers.
  const fields = new FieldNumbers();
  const fieldOf = (name: string): number => fields.numberOf(RENAME.get(name) ?? name);
  // What an element within HEADER is: a field (its number, 0 or more) or a group (-1 - its table's index).
  const withinHeader = new Map<string, number>(HEADER_FIELDS.map((name) => [name, fieldOf(name)]));
  const episodeFields = new Map(EPISODE_FIELDS.map((name) => [name, fieldOf(name)]));
  // A HEADER group's fields are its table's columns, by their own names.
  const groupFields = new Map(
    [...HEADER_GROUPS].map(([element, table]) => [
      element,
      new Map(columnsOf(table).map((column) => [column, fields.numberOf(column)])),
    ]),
  );
  for (const table of ALL_TABLES) for (const column of columnsOf(table)) fields.numberOf(column);
  const fieldCount = fields.names.length;
  const tablePlans: TablePlan[] = ALL_TABLES.map((table, index) => {
    const columns = columnsOf(table);
    const fieldOfColumn = Int32Array.from(columns, (column) => fields.numberOf(column));
    const columnOfField = new Int32Array(fieldCount).fill(-1);
    fieldOfColumn.forEach((field, column) => {
      columnOfField[field] = column;
    });
    const row = new XmlByteRow(table, columns.length);
    const childColumn = columns.indexOf('CHILD');
    return {
      index,
      table,
      row,
      fieldOfColumn,
      columnOfField,
      childColumn,
      dobColumn: columns.indexOf('DOB'),
    };
  });
  const planOf = (table: TableName): TablePlan => tablePlans[ALL_TABLES.indexOf(table)]!;
  const headerPlans = HEADER_TABLES.map(planOf);
  const episodesPlan = planOf('Episodes');
  for (const [element, table] of HEADER_GROUPS) withinHeader.set(element, -1 - planOf(table).index);
  const dateField = new Uint8Array(fieldCount);
  for (const spec of schema.tables.values()) {
    for (const field of spec.fields.values()) {
      const number = fields.names.indexOf(field.name);
      if (field.type === 'date' && number !== -1) dateField[number] = 1;
    }
  }
  const CHILD_FIELD = fields.numberOf('CHILD');
  const DOB_FIELD = fields.numberOf('DOB');
  const UASC_FIELD = fields.numberOf('UASC');
  const DUC_FIELD = fields.numberOf('DUC');
  const oc3Fields = OC3_FIELDS.map((name) => fields.numberOf(name));
  const ad1Fields = AD1_FIELDS.map((name) => fields.numberOf(name));

  // The child being read: its values' bytes, its HEADER's values by field (the last given wins), and its
  // groups and episodes, each a table, a line and a run of (field, start, end) values.
  let bytes = Buffer.allocUnsafe(1 << 16);
  let used = 0;
  const headerStarts = new Int32Array(fieldCount);
  const headerEnds = new Int32Array(fieldCount);
  let headerSeen = false;
  let headerLine = 0;
  let groupCount = 0;
  let groupTables = new Int32Array(64);
  let groupLines = new Int32Array(64);
  let groupFirst = new Int32Array(64);
  let groupEnd = new Int32Array(64);
  let valueCount = 0;
  let valueFields = new Int32Array(256);
  let valueStarts = new Int32Array(256);
  let valueEnds = new Int32Array(256);
  /** The group (HEADER group or EPISODE) values go to, or -1. */
  let group = -1;
  let inChild = false;

  const stack: string[] = [];
  /** For each open element, what its closing tag does, and with which field. */
  const closing: number[] = [];
  const closingField: number[] = [];
  const unknown = new Set<string>();
  let error: ReturnReadError | null = null;
  let text = '';
  let startLine = 1;

  const reportUnknown = (path: string): void => {
    if (unknown.has(path) || unknown.size >= MAX_UNKNOWN_REPORTED) return;
    unknown.add(path);
    options.onUnknownElement?.(path);
  };

  let rowNumber = 0;
  let childOrdinal = 0;
  const indexInChild = new Int32Array(tablePlans.length);

  const hand = (plan: TablePlan, line: number): void => {
    rowNumber++;
    const index = ++indexInChild[plan.index]!;
    options.onRowPlace?.(rowNumber, { child: childOrdinal, index, line });
    const row = plan.row;
    row.rowNumber = rowNumber;
    row.bytes = bytes;
    sink(row);
  };

  const headerRow = (plan: TablePlan, line: number): void => {
    const { row, fieldOfColumn } = plan;
    for (let column = 0; column < fieldOfColumn.length; column++) {
      const field = fieldOfColumn[column]!;
      row.starts[column] = headerStarts[field]!;
      row.ends[column] = headerEnds[field]!;
    }
    hand(plan, line);
  };

  const given = (field: number): boolean => headerEnds[field]! > headerStarts[field]!;

  const groupRow = (at: number): void => {
    const plan = tablePlans[groupTables[at]!]!;
    const { row, columnOfField } = plan;
    row.starts.fill(0);
    row.ends.fill(0);
    for (let value = groupFirst[at]!; value < groupEnd[at]!; value++) {
      const column = columnOfField[valueFields[value]!]!;
      if (column === -1) continue;
      row.starts[column] = valueStarts[value]!;
      row.ends[column] = valueEnds[value]!;
    }
    // Every row takes CHILD from HEADER; the HEADER groups' rows take DOB too (an episode has no DOB).
    if (plan.childColumn !== -1) {
      row.starts[plan.childColumn] = headerStarts[CHILD_FIELD]!;
      row.ends[plan.childColumn] = headerEnds[CHILD_FIELD]!;
    }
    if (plan !== episodesPlan && plan.dobColumn !== -1) {
      row.starts[plan.dobColumn] = headerStarts[DOB_FIELD]!;
      row.ends[plan.dobColumn] = headerEnds[DOB_FIELD]!;
    }
    hand(plan, groupLines[at]!);
  };

  const finishChild = (): void => {
    childOrdinal++;
    indexInChild.fill(0);
    // Nothing more is handed over once the file is found wrong: it is refused.
    if (error === null) {
      const line = headerSeen ? headerLine : startLine;
      headerRow(headerPlans[0]!, line);
      const uascFlag = headerEnds[UASC_FIELD]! - headerStarts[UASC_FIELD]!;
      const uascZero = uascFlag === 1 && bytes[headerStarts[UASC_FIELD]!] === 0x30;
      if ((uascFlag > 0 && !uascZero) || given(DUC_FIELD)) headerRow(headerPlans[1]!, line);
      if (oc3Fields.some(given)) headerRow(headerPlans[2]!, line);
      if (ad1Fields.some(given)) headerRow(headerPlans[3]!, line);
      for (let at = 0; at < groupCount; at++) if (groupTables[at] !== episodesPlan.index) groupRow(at);
      for (let at = 0; at < groupCount; at++) if (groupTables[at] === episodesPlan.index) groupRow(at);
    }
    used = 0;
    headerStarts.fill(0);
    headerEnds.fill(0);
    headerSeen = false;
    groupCount = 0;
    valueCount = 0;
    group = -1;
  };

  /** Starts a group of values (a HEADER group or an EPISODE) of the table with this index. */
  const openGroup = (table: number): void => {
    if (groupCount === groupTables.length) {
      groupTables = doubled(groupTables);
      groupLines = doubled(groupLines);
      groupFirst = doubled(groupFirst);
      groupEnd = doubled(groupEnd);
    }
    group = groupCount++;
    groupTables[group] = table;
    groupLines[group] = startLine;
    groupFirst[group] = valueCount;
    groupEnd[group] = valueCount;
  };

  /** Writes the element's text (trimmed; a date as dd/mm/yyyy) into the child's bytes; gives where it ends. */
  const writeValue = (field: number): number => {
    let value = text.trim();
    const length = value.length;
    if (used + 3 * length + 10 > bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(bytes.length * 2, used + 3 * length + 10));
      bytes.copy(larger, 0, 0, used);
      bytes = larger;
    }
    if (dateField[field] === 1 && length >= 10) {
      if (isShortIsoDate(value)) {
        // yyyy-mm-dd as dd/mm/yyyy.
        const at = used;
        bytes[at] = value.charCodeAt(8);
        bytes[at + 1] = value.charCodeAt(9);
        bytes[at + 2] = 0x2f;
        bytes[at + 3] = value.charCodeAt(5);
        bytes[at + 4] = value.charCodeAt(6);
        bytes[at + 5] = 0x2f;
        for (let index = 0; index < 4; index++) bytes[at + 6 + index] = value.charCodeAt(index);
        return at + 10;
      }
      value = asUkDate(value);
    }
    // Values are short and mostly ASCII: a plain loop, and Buffer's UTF-8 writer for anything else.
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code >= 0x80) return used + bytes.write(value, used, 'utf8');
      bytes[used + index] = code;
    }
    return used + value.length;
  };

  parser.on('error', (failure) => {
    error ??= malformed(fileName, parser.line, failure.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });
  parser.on('doctype', () => {
    error ??= doctypeRefused(fileName);
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const name = tag.name;
    const depth = stack.length;
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    stack.push(name);
    text = '';
    let close = CLOSE_NOTHING;
    let field = -1;
    if (depth === 0) {
      if (name !== ROOT) {
        const hint = name === 'Message' ? ' It looks like a CIN census or workforce census file.' : '';
        error ??= new ReturnReadError(
          'xml-root',
          `"${fileName}" is XML but not an SSDA903 return: its top element is <${name}>, and an SSDA903 return starts with <${ROOT}>.${hint}`,
          fileName,
        );
      }
    } else if (depth === 1) {
      if (name === 'CHILD') {
        inChild = true;
        close = CLOSE_CHILD;
      }
      // Not in the XSD, but some systems add the census header (Header > Source > LEA): its LEA is checked.
      else if (name !== 'Header') reportUnknown(`${ROOT}/${name}`);
    } else if (!inChild) {
      if (name === 'LEA' && stack[1] === 'Header' && options.la !== undefined) close = CLOSE_LEA;
    } else if (depth === 2 && parent === 'CHILD') {
      if (name === 'HEADER') {
        headerSeen = true;
        headerLine = startLine;
      } else if (name === 'EPISODE') {
        openGroup(episodesPlan.index);
        close = CLOSE_GROUP;
      } else reportUnknown(`CHILD/${name}`);
    } else if (depth === 3 && parent === 'HEADER') {
      const within = withinHeader.get(name);
      if (within === undefined) reportUnknown(`HEADER/${name}`);
      else if (within >= 0) {
        close = CLOSE_HEADER_VALUE;
        field = within;
      } else {
        openGroup(-1 - within);
        close = CLOSE_GROUP;
      }
    } else {
      // A field of an EPISODE, or of a HEADER group (by its parent's name alone).
      if (depth === 3 && parent === 'EPISODE') field = episodeFields.get(name) ?? -1;
      else if (depth === 4) field = groupFields.get(parent)?.get(name) ?? -1;
      if (field !== -1) close = CLOSE_GROUP_VALUE;
      else {
        reportUnknown(`${parent}/${name}`);
        // A HEADER group's element out of place still ends the group its values were going to.
        if (depth === 3 && HEADER_GROUPS.has(name)) close = CLOSE_GROUP;
      }
    }
    closing.push(close);
    closingField.push(field);
  });
  const addText = (chunk: string): void => {
    if (text.length + chunk.length > MAX_TEXT_CHARS) {
      error ??= malformed(fileName, parser.line, `an element holds more than ${MAX_TEXT_CHARS} characters`);
      return;
    }
    text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
    const close = closing.pop()!;
    const field = closingField.pop()!;
    switch (close) {
      case CLOSE_CHILD:
        finishChild();
        inChild = false;
        break;
      case CLOSE_HEADER_VALUE: {
        const end = writeValue(field);
        headerStarts[field] = used;
        headerEnds[field] = end;
        used = end;
        break;
      }
      case CLOSE_GROUP_VALUE: {
        if (group === -1) break;
        const end = writeValue(field);
        if (valueCount === valueFields.length) {
          valueFields = doubled(valueFields);
          valueStarts = doubled(valueStarts);
          valueEnds = doubled(valueEnds);
        }
        valueFields[valueCount] = field;
        valueStarts[valueCount] = used;
        valueEnds[valueCount] = end;
        valueCount++;
        groupEnd[group] = valueCount;
        used = end;
        break;
      }
      case CLOSE_GROUP:
        group = -1;
        break;
      case CLOSE_LEA:
        error ??= otherCouncilRefusal(fileName, text, options.la!, "its header's <LEA>");
        break;
    }
    text = '';
  });

  let sawContent = false;
  for await (const chunk of refuseDoctype(decodeText(source, { fileName, onEncoding: options.onEncoding }), {
    fileName,
    root: ROOT,
    otherwise: 'or upload the CSV files of its tables instead',
    ...(options.maxPrologChars === undefined ? {} : { maxPrologChars: options.maxPrologChars }),
  })) {
    sawContent ||= chunk.trim().length > 0;
    // Fed in slices, so that the caller hears of the rows every so often, whatever the size of a chunk.
    for (let from = 0; from < chunk.length; from += SLICE_CHARS) {
      parser.write(chunk.slice(from, from + SLICE_CHARS));
      if (error) throw error;
      yield;
    }
  }
  if (!sawContent) {
    throw new ReturnReadError(
      'empty-file',
      `"${fileName}" is empty. Export the return again from your system.`,
      fileName,
    );
  }
  parser.close();
  if (error) throw error;
}

/**
 * Streams the rows of an EXPSSDA903 XML file as Row objects (for callers off the hot path: last year's
 * return, tests); readXmlRows does the reading.
 */
export async function* readXmlReturn(source: ByteSource, options: XmlReturnOptions): AsyncGenerator<Row> {
  const makers = new Map(
    ALL_TABLES.map((table) => [table, rowMakerFor(table, xmlColumnsOf(options.schema, table))]),
  );
  const ready: Row[] = [];
  const collect = (row: ByteRow): void => {
    const values: string[] = [];
    for (let column = 0; column < row.starts.length; column++) {
      values.push(row.bytes.toString('utf8', row.starts[column]!, row.ends[column]!));
    }
    ready.push(makers.get(row.table)!(row.rowNumber, values));
  };
  for await (const _ of readXmlRows(source, options, collect)) {
    yield* ready;
    ready.length = 0;
  }
  yield* ready;
}
