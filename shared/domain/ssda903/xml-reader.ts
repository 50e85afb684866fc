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
import { ownText } from '../reading/own-text.ts';
import { doctypeRefused, refuseDoctype } from '../reading/xml-prolog.ts';
import { otherCouncilRefusal } from '../returns/council-claim.ts';
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
const RENAME: Readonly<Record<string, string>> = { CHILDID: 'CHILD', PL: 'PLACE' };
const HEADER_GROUPS: Readonly<Record<string, TableName>> = {
  AMISSING: 'Missing',
  AREVIEW: 'Reviews',
  PERMANENCE: 'PrevPerm',
  OC2: 'OC2',
  AD_PLACED: 'PlacedAdoption',
};
const HEADER_FIELDS = new Set([
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
]);
const EPISODE_FIELDS = new Set([
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
]);
const OC3_FIELDS = ['IN_TOUCH', 'ACTIV', 'ACCOM'];
const AD1_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];
const MAX_TEXT_CHARS = 10_000;
const SLICE_CHARS = 64 * 1024;
const MAX_UNKNOWN_REPORTED = 20;

interface Group {
  readonly table: TableName;
  readonly line: number;
  readonly values: Map<string, string>;
}

interface ChildElement {
  header: Group | null;
  readonly groups: Group[];
  readonly episodes: Group[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.0+)?(?:Z|[+-]00:00)?)?$/;

/** XML dates may be ISO (yyyy-mm-dd); rows carry them as dd/mm/yyyy like the CSV form. */
function asUkDate(value: string): string {
  const iso = ISO_DATE.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A function that makes a row's values from an element's, in the table's column order, as one object
 * literal: every row of a table then has one shape from the start (what the field checks and the store read).
 */
function valuesMakerFor(
  columns: readonly string[],
): (values: ReadonlyMap<string, string>) => Record<string, string> {
  for (const column of columns) {
    if (!PLAIN_NAME.test(column) || column === '__proto__')
      throw new Error(`Unexpected column name ${column}`);
  }
  const fields = columns.map((column) => `${column}: values.get('${column}') ?? ''`).join(', ');
  return new Function('values', `return { ${fields} };`) as (
    values: ReadonlyMap<string, string>,
  ) => Record<string, string>;
}

function malformed(fileName: string, line: number, detail: string): ReturnReadError {
  return new ReturnReadError(
    'xml-malformed',
    `"${fileName}" is not well-formed XML (line ${line.toLocaleString('en-GB')}: ${detail}). Export the return again; ` +
      'if it was edited by hand, check that every opening tag has a closing tag.',
    fileName,
  );
}

/**
 * Streams the rows of an EXPSSDA903 XML file. Each child's elements are held until its closing tag (so
 * memory is one child), then its rows are yielded: Header, UASC, OC3, AD1, then the HEADER groups and the
 * episodes in document order. Rows are numbered in document order; where each is (child, element, line) goes
 * to onRowPlace. Throws
 * ReturnReadError for DOCTYPE/ENTITY declarations, malformed XML or a file that is not an SSDA903 return.
 */
export async function* readXmlReturn(source: ByteSource, options: XmlReturnOptions): AsyncGenerator<Row> {
  const { fileName, schema } = options;
  const parser = new SaxesParser({ position: true, fileName });
  const columnsByTable = new Map(ALL_TABLES.map((table) => [table, xmlColumnsOf(schema, table)]));
  const columnsOf = (table: TableName): readonly string[] => columnsByTable.get(table) ?? [];
  const dateFields = new Set<string>();
  for (const spec of schema.tables.values()) {
    for (const field of spec.fields.values()) if (field.type === 'date') dateFields.add(field.name);
  }

  const ready: Row[] = [];
  const stack: string[] = [];
  const unknown = new Set<string>();
  let error: ReturnReadError | null = null;
  let child: ChildElement | null = null;
  let group: Group | null = null;
  let text = '';
  let startLine = 1;

  const reportUnknown = (path: string): void => {
    if (unknown.has(path) || unknown.size >= MAX_UNKNOWN_REPORTED) return;
    unknown.add(path);
    options.onUnknownElement?.(path);
  };

  let rowNumber = 0;
  let childOrdinal = 0;
  const indexInChild = new Map<TableName, number>();
  const valuesMakers = new Map(ALL_TABLES.map((table) => [table, valuesMakerFor(columnsOf(table))]));
  const rowFrom = (table: TableName, line: number, values: ReadonlyMap<string, string>): Row => {
    const record = valuesMakers.get(table)!(values);
    rowNumber++;
    const index = (indexInChild.get(table) ?? 0) + 1;
    indexInChild.set(table, index);
    options.onRowPlace?.(rowNumber, { child: childOrdinal, index, line });
    return { table, rowNumber, values: record };
  };

  const finishChild = (done: ChildElement): void => {
    childOrdinal++;
    indexInChild.clear();
    const header = done.header?.values ?? new Map<string, string>();
    const line = done.header?.line ?? startLine;
    ready.push(rowFrom('Header', line, header));
    const uascFlag = header.get('UASC') ?? '';
    if ((uascFlag !== '' && uascFlag !== '0') || (header.get('DUC') ?? '') !== '') {
      ready.push(rowFrom('UASC', line, header));
    }
    if (OC3_FIELDS.some((field) => (header.get(field) ?? '') !== ''))
      ready.push(rowFrom('OC3', line, header));
    if (AD1_FIELDS.some((field) => (header.get(field) ?? '') !== ''))
      ready.push(rowFrom('AD1', line, header));
    // Every row takes CHILD from HEADER; the HEADER groups' rows take DOB too (an episode has no DOB).
    const child = header.get('CHILD') ?? '';
    const dob = header.get('DOB') ?? '';
    for (const item of done.groups) {
      item.values.set('CHILD', child);
      item.values.set('DOB', dob);
      ready.push(rowFrom(item.table, item.line, item.values));
    }
    for (const item of done.episodes) {
      item.values.set('CHILD', child);
      ready.push(rowFrom(item.table, item.line, item.values));
    }
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
    const parent = stack.at(-1);
    stack.push(name);
    text = '';
    if (depth === 0) {
      if (name !== ROOT) {
        const hint = name === 'Message' ? ' It looks like a CIN census or workforce census file.' : '';
        error ??= new ReturnReadError(
          'xml-root',
          `"${fileName}" is XML but not an SSDA903 return: its top element is <${name}>, and an SSDA903 return starts with <${ROOT}>.${hint}`,
          fileName,
        );
      }
      return;
    }
    if (depth === 1) {
      if (name === 'CHILD') child = { header: null, groups: [], episodes: [] };
      // Not in the XSD, but some systems add the census header (Header > Source > LEA): its LEA is checked.
      else if (name !== 'Header') reportUnknown(`${ROOT}/${name}`);
      return;
    }
    if (!child) return;
    if (depth === 2 && parent === 'CHILD') {
      if (name === 'HEADER') {
        child.header = { table: 'Header', line: startLine, values: child.header?.values ?? new Map() };
      } else if (name === 'EPISODE') {
        group = { table: 'Episodes', line: startLine, values: new Map() };
        child.episodes.push(group);
      } else reportUnknown(`CHILD/${name}`);
      return;
    }
    if (depth === 3 && parent === 'HEADER') {
      const table = HEADER_GROUPS[name];
      if (table) {
        group = { table, line: startLine, values: new Map() };
        child.groups.push(group);
      } else if (!HEADER_FIELDS.has(name)) reportUnknown(`HEADER/${name}`);
      return;
    }
    if (depth === 3 && parent === 'EPISODE' && EPISODE_FIELDS.has(name)) return;
    if (depth === 4 && parent && HEADER_GROUPS[parent] && columnsOf(HEADER_GROUPS[parent]).includes(name))
      return;
    reportUnknown(`${parent}/${name}`);
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
  parser.on('closetag', (tag: SaxesTag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack.at(-1);
    const depth = stack.length;
    if (!child) {
      if (name === 'LEA' && stack[1] === 'Header' && options.la !== undefined)
        error ??= otherCouncilRefusal(fileName, text, options.la, "its header's <LEA>");
      text = '';
      return;
    }
    if (depth === 1 && name === 'CHILD') {
      finishChild(child);
      child = null;
    } else if (depth === 3 && parent === 'HEADER' && HEADER_FIELDS.has(name) && child.header) {
      const column = RENAME[name] ?? name;
      const value = ownText(text.trim());
      child.header.values.set(column, dateFields.has(column) ? asUkDate(value) : value);
    } else if (depth === 3 && parent === 'EPISODE' && EPISODE_FIELDS.has(name) && group) {
      const column = RENAME[name] ?? name;
      const value = ownText(text.trim());
      group.values.set(column, dateFields.has(column) ? asUkDate(value) : value);
    } else if (depth === 4 && parent && HEADER_GROUPS[parent] && group) {
      if (columnsOf(HEADER_GROUPS[parent]).includes(name)) {
        const value = ownText(text.trim());
        group.values.set(name, dateFields.has(name) ? asUkDate(value) : value);
      }
    } else if ((depth === 2 && name === 'EPISODE') || (depth === 3 && HEADER_GROUPS[name])) {
      group = null;
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
    // Fed in slices so that the rows waiting to be yielded stay few, whatever the size of a chunk.
    for (let from = 0; from < chunk.length; from += SLICE_CHARS) {
      parser.write(chunk.slice(from, from + SLICE_CHARS));
      if (error) throw error;
      yield* ready;
      ready.length = 0;
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
  yield* ready;
}
