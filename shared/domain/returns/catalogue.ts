// Domain: the return types the service accepts, each described once: its name, the collection years it is
// accepted for and the files that make it. The API (before anything is uploaded), the upload key, the
// ingestion and the events all read these; a return type's ingestion (reader, checks, degrade, aggregates,
// report) is its definition in use-cases/returns/, registered under the same key.
import { cinYearLabel, FIRST_CIN_YEAR } from '../cin/schema.ts';
import { BANK_HOLIDAY_YEARS } from '../cin/working-days.ts';

export type FileExtension = 'csv' | 'zip' | 'xml' | 'ndjson' | 'jsonl' | 'json';

export interface ReturnKind {
  /** What the council calls it, e.g. "CIN census" ("CIN census returns are …"). */
  readonly name: string;
  /** The return's unit of time in words: "collection year", "census year". */
  readonly yearWord: string;
  /** A year as the council writes it for this return ("2025/26" for 2026). */
  readonly yearInWords: (collectionYear: number) => string;
  readonly firstYear: number;
  /** The last year this service can check, whatever the date (absent: up to the year under way). */
  readonly lastYear?: number;
  readonly files: {
    readonly extensions: readonly FileExtension[];
    /** The whole return comes as one file. */
    readonly oneFile: boolean;
    /** The files expected, for refusals: "upload the …". */
    readonly what: string;
    /** Said after a file over the size limit, when the return can be sent another way. */
    readonly tooBigHint?: string;
  };
}

export const FIRST_COLLECTION_YEAR = 2013;

/** A collection year as councils write it: 2026 is "2025/26" (April 2025 to March 2026). */
export function collectionYearLabel(collectionYear: number): string {
  return `${collectionYear - 1}/${String(collectionYear % 100).padStart(2, '0')}`;
}

/** CIN census years: the working-day rules need bank holidays for the census year and the one before. */
export const CIN_YEARS = { first: FIRST_CIN_YEAR, last: BANK_HOLIDAY_YEARS.last } as const;

/** Every return type, in the order councils see them. A new return type starts here. */
export const RETURN_KINDS = {
  ssda903: {
    name: 'SSDA903',
    yearWord: 'collection year',
    yearInWords: String,
    firstYear: FIRST_COLLECTION_YEAR,
    files: {
      extensions: ['csv', 'zip', 'xml'],
      oneFile: false,
      what: 'SSDA903 return as one CSV file per table, one ZIP of them, or one XML file',
      tooBigHint: 'Send it as a ZIP, or split the tables into separate files.',
    },
  },
  cin: {
    name: 'CIN census',
    yearWord: 'census year',
    yearInWords: cinYearLabel,
    firstYear: CIN_YEARS.first,
    lastYear: CIN_YEARS.last,
    files: {
      extensions: ['xml'],
      oneFile: true,
      what: 'CIN census as one XML file (Message > Header, Children)',
    },
  },
  csww: {
    name: 'workforce census',
    yearWord: 'census year',
    yearInWords: String,
    firstYear: FIRST_COLLECTION_YEAR,
    files: {
      extensions: ['xml'],
      oneFile: true,
      what: 'workforce census as one XML file (Message > Header, LALevelVacancies, CSWWWorker)',
    },
  },
  inyear: {
    name: 'in-year dataset',
    yearWord: 'collection year',
    yearInWords: String,
    firstYear: FIRST_COLLECTION_YEAR,
    files: {
      extensions: ['csv'],
      oneFile: true,
      what: 'in-year dataset as one CSV file (see docs/inyear-format.md)',
    },
  },
  cscapi: {
    name: 'CSC API payload',
    yearWord: 'collection year',
    yearInWords: String,
    // The first year early-adopter councils sent the payload; timeliness needs the year's bank holidays.
    firstYear: 2025,
    lastYear: BANK_HOLIDAY_YEARS.last,
    files: {
      extensions: ['ndjson', 'jsonl', 'json'],
      oneFile: true,
      what: 'CSC API payload as one file: one child’s JSON document a line (.ndjson) or one JSON array of them (.json); a full payload has "full" in its name (see docs/cscapi.md)',
    },
  },
} as const satisfies Record<string, ReturnKind>;

export type ReturnType = keyof typeof RETURN_KINDS;
export const RETURN_TYPES = Object.keys(RETURN_KINDS) as [ReturnType, ...ReturnType[]];

export function isReturnType(value: string): value is ReturnType {
  return Object.hasOwn(RETURN_KINDS, value);
}

export function returnKind(returnType: ReturnType): ReturnKind {
  return RETURN_KINDS[returnType];
}

export interface YearRange {
  readonly first: number;
  readonly last: number;
}

/** The years a return type is accepted for today: never one that has not started. */
export function acceptedYears(returnType: ReturnType, now: Date): YearRange {
  const kind = returnKind(returnType);
  const started = now.getUTCFullYear() + 1;
  return { first: kind.firstYear, last: Math.min(kind.lastYear ?? started, started) };
}

/** Why a year is refused for a return type, in a council officer's words, or undefined when it is accepted. */
export function yearRefusal(returnType: ReturnType, year: number, now: Date): string | undefined {
  const { first, last } = acceptedYears(returnType, now);
  if (Number.isInteger(year) && year >= first && year <= last) return undefined;
  const kind = returnKind(returnType);
  const inWords = kind.yearInWords;
  if (Number.isInteger(year) && year > last && year <= (kind.lastYear ?? year))
    return `The ${inWords(year)} ${kind.yearWord} has not started yet.`;
  return `${capitalised(kind.name)} returns are accepted for the ${kind.yearWord}s ${inWords(first)} to ${inWords(last)}; ${inWords(year)} is outside them.`;
}

/** Whether a file name is of a kind the return type is made of. */
export function isExpectedFile(returnType: ReturnType, fileName: string): boolean {
  const extension = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return (returnKind(returnType).files.extensions as readonly string[]).includes(extension);
}

/** What is said about a file of another kind than the return type is made of. */
export function unexpectedFile(returnType: ReturnType, fileName: string): string {
  return `"${fileName}" is not the right kind of file: upload the ${returnKind(returnType).files.what}.`;
}

/** What is said when a one-file return comes as several files. */
export function notOneFile(returnType: ReturnType, count: number): string {
  return `Upload the ${returnKind(returnType).files.what} as one file on its own; this submission has ${count} files.`;
}

/** A size as a council officer reads it: "3.2 MB", or "10,001 bytes" under a megabyte. */
function sizeInWords(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(bytes % 1_048_576 === 0 ? 0 : 1)} MB`;
  return `${bytes.toLocaleString('en-GB')} bytes`;
}

/** What is said about a file over the size limit, by the API before upload and by the ingestion alike. */
export function fileTooBig(
  returnType: ReturnType,
  fileName: string,
  size: number,
  maxFileBytes: number,
): string {
  const hint = returnKind(returnType).files.tooBigHint;
  return (
    `${fileName} is ${sizeInWords(size)}, over the ${sizeInWords(maxFileBytes)} limit for one file.` +
    (hint ? ` ${hint}` : '')
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
