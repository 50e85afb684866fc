// Domain: planted problems for demos and tests. Each fault is named, belongs to one kind of return, and says
// what the service's checks should then report: a rule's code, or the whole file rejected. Faults are edits
// of a valid generated return, so the rest of the return stays clean and the planted problem stands out.
import type { ReturnType } from '../returns/catalogue.ts';
import type { Random } from './random.ts';
import type { GeneratedFile } from './ssda903.ts';

export interface Fault {
  readonly name: string;
  readonly returnType: ReturnType;
  readonly description: string;
  /** The finding's code the checks should report, or 'rejected' when the file cannot be used at all. */
  readonly expect: string;
  apply(files: GeneratedFile[], random: Random): GeneratedFile[];
}

/** How many rows (or records) a fault spoils: a handful, so a report lists them all. */
const SPOILED = 3;

function editFile(files: GeneratedFile[], match: (name: string) => boolean, edit: (text: string) => string) {
  const index = files.findIndex((file) => match(file.name));
  if (index < 0) throw new Error('The return has no file for this fault.');
  return files.map((file, at) => (at === index ? { name: file.name, content: edit(file.content) } : file));
}

/** Changes one column of the first rows that `where` accepts, in a generated CSV (no quoted cells). */
function editCsvRows(
  text: string,
  column: string,
  change: (value: string, row: Record<string, string>) => string,
  where: (row: Record<string, string>) => boolean = () => true,
): string {
  const lines = text.split('\r\n');
  const header = lines[0]!.split(',');
  const at = header.indexOf(column);
  let left = SPOILED;
  for (let index = 1; index < lines.length && left > 0; index += 1) {
    if (!lines[index]) continue;
    const cells = lines[index]!.split(',');
    const row = Object.fromEntries(header.map((name, position) => [name, cells[position] ?? '']));
    if (!where(row)) continue;
    cells[at] = change(cells[at] ?? '', row);
    lines[index] = cells.join(',');
    left -= 1;
  }
  return lines.join('\r\n');
}

/** Replaces the first few matches of a pattern in an XML file. */
function replaceFirst(text: string, pattern: RegExp, replace: (match: string) => string): string {
  let left = SPOILED;
  return text.replace(new RegExp(pattern.source, 'g'), (match) => (left-- > 0 ? replace(match) : match));
}

const isCsv = (extension: string) => (name: string) => name.endsWith(extension);

export const FAULTS: readonly Fault[] = [
  {
    name: 'old-sex-codes',
    returnType: 'ssda903',
    description: 'Header SEX written 1/2 where the year expects M/F (or M/F where it expects 1/2).',
    expect: '101',
    apply: (files) =>
      editFile(
        files,
        (name) => name === 'header.csv',
        (text) => editCsvRows(text, 'SEX', (value) => ({ M: '1', F: '2', 1: 'M', 2: 'F' })[value] ?? value),
      ),
  },
  {
    name: 'bad-upn',
    returnType: 'ssda903',
    description: 'A Unique Pupil Number that is not in the form of one.',
    expect: '168',
    apply: (files) =>
      editFile(
        files,
        (name) => name === 'header.csv',
        (text) => editCsvRows(text, 'UPN', () => 'A12345'),
      ),
  },
  {
    name: 'episode-after-year',
    returnType: 'ssda903',
    description: 'An episode that starts after the end of the collection year.',
    expect: '354',
    apply: (files) =>
      editFile(
        files,
        (name) => name === 'episodes.csv',
        (text) =>
          editCsvRows(
            text,
            'DECOM',
            (value) => value.replace(/\d{4}$/, (year) => String(Number(year) + 3)),
            (row) => row.DEC === '',
          ),
      ),
  },
  {
    name: 'missing-mother-status',
    returnType: 'ssda903',
    description: 'A girl looked after in the year with no MOTHER status.',
    expect: '165',
    apply: (files) =>
      editFile(
        files,
        (name) => name === 'header.csv',
        (text) =>
          editCsvRows(
            text,
            'MOTHER',
            () => '',
            (row) => row.MOTHER === '0',
          ),
      ),
  },
  {
    name: 'no-episodes-table',
    returnType: 'ssda903',
    description: 'The episodes table is missing from the upload: the return cannot be processed.',
    expect: 'rejected',
    apply: (files) => files.filter((file) => file.name !== 'episodes.csv'),
  },
  {
    name: 'factor-21-with-others',
    returnType: 'cin',
    description: 'Assessment factor 21 (no factors identified) recorded alongside other factors.',
    expect: '8869',
    apply: (files) =>
      editFile(files, isCsv('.xml'), (text) =>
        replaceFirst(
          text,
          /<FactorsIdentifiedAtAssessment>\n/,
          (match) => `${match}            <AssessmentFactors>21</AssessmentFactors>\n`,
        ),
      ),
  },
  {
    name: 'referral-after-year',
    returnType: 'cin',
    description: 'A referral dated after the census year.',
    expect: '8600',
    apply: (files) =>
      editFile(files, isCsv('.xml'), (text) =>
        replaceFirst(text, /<CINreferralDate>\d{4}/, (match) =>
          match.replace(/\d{4}$/, (year) => String(Number(year) + 2)),
        ),
      ),
  },
  {
    name: 'truncated-xml',
    returnType: 'cin',
    description: 'The file stops half way through (an interrupted export): it cannot be read.',
    expect: 'rejected',
    apply: (files) => editFile(files, isCsv('.xml'), (text) => text.slice(0, Math.floor(text.length / 2))),
  },
  {
    name: 'leaver-without-reason',
    returnType: 'csww',
    description: 'A social worker who left with no reason for leaving.',
    expect: 'CSWW:leaver-without-reason',
    apply: (files) =>
      editFile(files, isCsv('.xml'), (text) =>
        replaceFirst(text, /\n {4}<ReasonLeave>\d+<\/ReasonLeave>/, () => ''),
      ),
  },
  {
    name: 'duplicate-worker',
    returnType: 'csww',
    description: 'The same social worker recorded twice.',
    expect: 'CSWW:duplicate-worker',
    apply: (files) =>
      editFile(files, isCsv('.xml'), (text) => {
        const first = /<CSWWWorker>[\s\S]*?<\/CSWWWorker>/.exec(text)![0];
        return text.replace('</Message>', `  ${first}\n</Message>`);
      }),
  },
  {
    name: 'repeats-exceed-referrals',
    returnType: 'inyear',
    description: 'More re-referrals than referrals in a month.',
    expect: 'INYEAR:part-exceeds-whole',
    apply: (files) =>
      editFile(files, isCsv('.csv'), (text) =>
        editCsvRows(text, 're_referrals', (_, row) => String(Number(row.referrals) + 5)),
      ),
  },
  {
    name: 'words-for-numbers',
    returnType: 'inyear',
    description: 'A figure typed with a unit ("12 FTE") instead of a number.',
    expect: 'INYEAR:not-a-number',
    apply: (files) =>
      editFile(files, isCsv('.csv'), (text) => editCsvRows(text, 'sw_agency_fte', (value) => `${value} FTE`)),
  },
  {
    name: 'other-council',
    returnType: 'inyear',
    description: "A row carrying another council's number: the file is refused.",
    expect: 'rejected',
    apply: (files) =>
      editFile(files, isCsv('.csv'), (text) =>
        editCsvRows(text, 'la', (value) => (value === '999' ? '998' : '999')),
      ),
  },
];

export function faultsFor(returnType: ReturnType): readonly Fault[] {
  return FAULTS.filter((fault) => fault.returnType === returnType);
}

/** The named faults, or an error naming the unknown ones and listing those available for the return type. */
export function findFaults(returnType: ReturnType, names: readonly string[]): Fault[] {
  const available = faultsFor(returnType);
  const unknown = names.filter((name) => !available.some((fault) => fault.name === name));
  if (unknown.length > 0)
    throw new RangeError(
      `No ${returnType} fault called ${unknown.join(', ')}. Known ${returnType} faults: ${available.map((fault) => fault.name).join(', ')}.`,
    );
  return names.map((name) => available.find((fault) => fault.name === name)!);
}
