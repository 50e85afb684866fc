// Domain: reading a workforce census (CSWW) XML file as a stream and checking it against the schema model
// (csww-schema.ts) as it goes: elements in the right place, order and number, every value of the right type,
// then a few checks of our own (dates that contradict each other, a worker sent twice). Each worker is
// handed on as a record without personal data (no SWENo, no date of birth): memory is one worker.
// The prolog is checked before the parser sees it, so a DOCTYPE or ENTITY declaration is refused outright.
import { createHash } from 'node:crypto';
import { SaxesParser, type SaxesTag } from 'saxes';
import { type Day, dayFromParts, formatIsoDay, parseIsoDate } from '../dates.ts';
import type { ByteSource } from '../reading/bytes.ts';
import { decodeText } from '../reading/decode.ts';
import { ReturnReadError } from '../reading/issues.ts';
import { refuseDoctype } from '../reading/xml-prolog.ts';
import { otherCouncilRefusal } from '../returns/council-claim.ts';
import { type Blocking, type CouncilNote, FindingCollector, type RecordFinding } from '../returns/report.ts';
import { CSWW_ROOT, describeType, type ElementSpec, isValidValue } from './csww-schema.ts';

/** One worker as the aggregates need it: nothing that identifies the person. */
export interface CswwWorker {
  readonly index: number;
  readonly line: number;
  /** null when AgencyWorker is missing or invalid. */
  readonly agency: boolean | null;
  readonly fte: number | null;
  readonly fte30: number | null;
  readonly orgRole: string | null;
  readonly roleStart: Day | null;
  readonly roleEnd: Day | null;
  readonly cases30: number | null;
  readonly workingDaysLost: number | null;
}

export interface LaLevelFigures {
  readonly vacancyFte: number | null;
  readonly agencyFte: number | null;
  readonly agencyHeadcount: number | null;
}

export interface CswwReadOptions {
  readonly fileName: string;
  /** The census year: 2025 is the census on 30 September 2025 (and the year to that date). */
  readonly collectionYear: number;
  /** The council the submission is for (its three-digit number). */
  readonly la: string;
  readonly onWorker: (worker: CswwWorker) => void;
  readonly maxListedFindings?: number;
}

export type CswwReadResult =
  | { readonly status: 'rejected'; readonly blocking: Blocking; readonly notices: CouncilNote[] }
  | {
      readonly status: 'accepted';
      readonly workers: number;
      readonly laLevel: LaLevelFigures;
      readonly findings: FindingCollector;
      readonly notices: CouncilNote[];
    };

const CSWW_CHECKS: Readonly<Record<string, string>> = {
  'SCHEMA:missing': 'A value the census requires is missing.',
  'SCHEMA:unexpected': 'An element is not part of the census format, or is in the wrong place or order.',
  'SCHEMA:too-many': 'An element appears more times than the census allows.',
  'SCHEMA:invalid': 'A value is not in the form the census requires.',
  'CSWW:duplicate-worker': 'The same social worker (SWENo) appears more than once.',
  'CSWW:end-before-start': 'The role end date is before the role start date.',
  'CSWW:left-before-year': 'The worker left before the census year began, so should not be in this census.',
  'CSWW:started-after-census': 'The worker starts after the census date, so should not be in this census.',
  'CSWW:leaver-without-reason': 'A worker who left has no reason for leaving.',
  'CSWW:negative': 'A count cannot be negative.',
  'CSWW:no-fte': 'A social worker in post has no FTE, so is left out of the FTE figures.',
  'CSWW:cases-without-fte':
    'A worker holds cases but has no FTE at 30 September, so is left out of the caseload.',
};

/** The census reference date: 30 September of the census year. */
export function censusDate(collectionYear: number): Day {
  return dayFromParts(collectionYear, 9, 30)!;
}

/** The first day of the census year (1 October of the year before). */
export function censusYearStart(collectionYear: number): Day {
  return dayFromParts(collectionYear - 1, 10, 1)!;
}

interface Frame {
  readonly spec: ElementSpec | null;
  readonly line: number;
  /** Position in the parent's sequence reached by this frame's children. */
  at: number;
  count: number;
}

const MAX_TEXT_CHARS = 10_000;
const SLICE_CHARS = 64 * 1024;

function blockingFrom(error: unknown): Blocking | null {
  return error instanceof ReturnReadError
    ? { kind: error.kind, file: error.file, message: error.message }
    : null;
}

/**
 * Reads a CSWW XML file. Blocking problems (not XML, a DOCTYPE, malformed XML, not a census, another
 * council's or another year's census, no workers) reject it; everything else is a row-level finding and
 * the value concerned is left out of the figures.
 */
export async function readCswwXml(source: ByteSource, options: CswwReadOptions): Promise<CswwReadResult> {
  const { fileName, collectionYear, la } = options;
  const findings = new FindingCollector(CSWW_CHECKS, options.maxListedFindings);
  const notices: CouncilNote[] = [];
  const parser = new SaxesParser({ position: true, fileName });
  const frames: Frame[] = [];
  const seenWorkers = new Set<string>();
  const yearStart = censusYearStart(collectionYear);
  const reference = censusDate(collectionYear);
  let blocking: Blocking | null = null;
  let text = '';
  let startLine = 1;
  let workers = 0;
  let record = 'Header';
  let values = new Map<string, string>();
  let laValues = new Map<string, string>();
  const laLevel: { vacancyFte: number | null; agencyFte: number | null; agencyHeadcount: number | null } = {
    vacancyFte: null,
    agencyFte: null,
    agencyHeadcount: null,
  };

  const block = (kind: string, message: string) => {
    blocking ??= { kind, file: fileName, message };
  };
  const find = (finding: Omit<RecordFinding, 'record'> & { record?: string }) =>
    findings.add({ record, ...finding });

  const finishWorker = (line: number): void => {
    workers++;
    const swe = values.get('SWENo');
    if (swe) {
      // Held only while reading, as a hash, to spot a worker sent twice; never stored.
      const digest = createHash('sha256').update(swe.toUpperCase()).digest('base64');
      if (seenWorkers.has(digest))
        find({
          code: 'CSWW:duplicate-worker',
          rowNumber: line,
          field: 'SWENo',
          value: '',
          message: `${record} has the same social work England number as an earlier worker (the number is not shown). Send each worker once.`,
        });
      seenWorkers.add(digest);
    }
    const number = (name: string): number | null => {
      const value = values.get(name);
      return value === undefined ? null : Number(value);
    };
    const day = (name: string): Day | null => {
      const value = values.get(name);
      return value === undefined ? null : parseIsoDate(value);
    };
    const agencyFlag = values.get('AgencyWorker');
    let roleEnd = day('RoleEndDate');
    const roleStart = day('RoleStartDate');
    if (roleEnd !== null && roleStart !== null && roleEnd < roleStart) {
      find({
        code: 'CSWW:end-before-start',
        rowNumber: line,
        field: 'RoleEndDate',
        value: values.get('RoleEndDate') ?? '',
        message: `${record}: the role end date ${values.get('RoleEndDate')} is before the role start date ${values.get('RoleStartDate')}. The worker is counted as in post until the dates are corrected.`,
      });
      roleEnd = null;
    }
    if (roleStart !== null && roleStart > reference) {
      find({
        code: 'CSWW:started-after-census',
        rowNumber: line,
        field: 'RoleStartDate',
        value: values.get('RoleStartDate') ?? '',
        message: `${record} starts on ${values.get('RoleStartDate')}, after the census date ${formatIsoDay(reference)}. Leave them out of this census; they are not counted.`,
      });
      return;
    }
    if (roleEnd !== null && roleEnd < yearStart) {
      find({
        code: 'CSWW:left-before-year',
        rowNumber: line,
        field: 'RoleEndDate',
        value: values.get('RoleEndDate') ?? '',
        message: `${record} left on ${values.get('RoleEndDate')}, before the census year began on ${collectionYear - 1}-10-01. Leave them out of this census; they are not counted.`,
      });
      return;
    }
    if (roleEnd !== null && roleEnd <= reference && !values.has('ReasonLeave')) {
      find({
        code: 'CSWW:leaver-without-reason',
        rowNumber: line,
        field: 'ReasonLeave',
        value: '',
        message: `${record} left on ${values.get('RoleEndDate')} but has no reason for leaving (ReasonLeave). The worker is still counted as a leaver.`,
      });
    }
    let cases30 = number('Cases30');
    if (cases30 !== null && cases30 < 0) {
      find({
        code: 'CSWW:negative',
        rowNumber: line,
        field: 'Cases30',
        value: values.get('Cases30')!,
        message: `${record}: Cases30 is ${values.get('Cases30')}; a number of cases cannot be negative. It is left out of the caseload.`,
      });
      cases30 = null;
    }
    let daysLost = number('WorkingDaysLost');
    if (daysLost !== null && daysLost < 0) {
      find({
        code: 'CSWW:negative',
        rowNumber: line,
        field: 'WorkingDaysLost',
        value: values.get('WorkingDaysLost')!,
        message: `${record}: WorkingDaysLost is ${values.get('WorkingDaysLost')}; days lost cannot be negative. They are left out of the absence rate.`,
      });
      daysLost = null;
    }
    const fte = number('FTE');
    const fte30 = number('FTE30');
    const inPost = roleEnd === null || roleEnd > reference;
    if (agencyFlag === '0' && inPost && fte === null && fte30 === null) {
      find({
        code: 'CSWW:no-fte',
        rowNumber: line,
        field: 'FTE',
        value: '',
        message: `${record} is an employed social worker in post at 30 September with no FTE; they are left out of the FTE figures. Give their FTE (for example 1.000000 for full time).`,
      });
    }
    if (inPost && cases30 !== null && cases30 > 0 && fte30 === null && fte === null) {
      find({
        code: 'CSWW:cases-without-fte',
        rowNumber: line,
        field: 'FTE30',
        value: '',
        message: `${record} holds ${cases30} cases at 30 September but has no FTE, so the cases are left out of the average caseload.`,
      });
    }
    options.onWorker({
      index: workers,
      line,
      agency: agencyFlag === '1' ? true : agencyFlag === '0' ? false : null,
      fte,
      fte30,
      orgRole: values.get('OrgRole') ?? null,
      roleStart,
      roleEnd,
      cases30,
      workingDaysLost: daysLost,
    });
  };

  const missing = (spec: ElementSpec, parent: ElementSpec, line: number) =>
    find({
      ...(parent.name === CSWW_ROOT.name ? { record: 'File' } : {}),
      code: 'SCHEMA:missing',
      rowNumber: line,
      field: spec.name,
      value: '',
      message: `${parent.name === CSWW_ROOT.name ? 'The census' : record}: <${spec.name}> is missing from <${parent.name}>; it must be given${spec.min > 1 ? ` at least ${spec.min} times` : ''}.`,
    });

  /** Checks the children skipped over (from `from` up to `to`) met their minimum. */
  const checkSkipped = (frame: Frame, to: number, line: number): void => {
    const children = frame.spec!.children!;
    for (let index = frame.at; index < to; index++) {
      const count = index === frame.at ? frame.count : 0;
      if (count < children[index]!.min) missing(children[index]!, frame.spec!, line);
    }
  };

  parser.on('error', (failure) => {
    block(
      'xml-malformed',
      `"${fileName}" is not well-formed XML (line ${parser.line.toLocaleString('en-GB')}: ${failure.message.replace(/^[^:]*:\d+:\d+: /, '')}). Export the census again; if it was edited by hand, check that every opening tag has a closing tag.`,
    );
  });
  parser.on('doctype', () =>
    block(
      'xml-doctype',
      `"${fileName}" contains a document type declaration, which we do not accept for security.`,
    ),
  );
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const name = tag.name;
    text = '';
    if (frames.length === 0) {
      if (name !== CSWW_ROOT.name) {
        const hint = name === 'EXPSSDA903' ? ' It looks like an SSDA903 return.' : '';
        block(
          'xml-root',
          `"${fileName}" is XML but not a workforce census: its top element is <${name}>, and a census starts with <Message>.${hint}`,
        );
      }
      frames.push({ spec: CSWW_ROOT, line: startLine, at: 0, count: 0 });
      return;
    }
    const parent = frames.at(-1)!;
    if (frames.length === 1 && name === 'Children') {
      block(
        'xml-root',
        `"${fileName}" holds <Children>: it looks like a CIN census, not a workforce census. Upload it as a CIN census instead.`,
      );
    }
    if (frames.length === 1 && name === 'CSWWWorker') {
      record = `Worker ${workers + 1}`;
      values = new Map();
    } else if (frames.length === 1 && name === 'LALevelVacancies') {
      record = 'LA level';
    } else if (frames.length === 1) {
      record = 'Header';
    }
    const children = parent.spec?.children;
    if (!children) {
      if (parent.spec)
        find({
          code: 'SCHEMA:unexpected',
          rowNumber: startLine,
          field: name,
          value: '',
          message: `${record}: <${parent.spec.name}> holds a value, not other elements, but <${name}> was found inside it. Its contents were not read.`,
        });
      frames.push({ spec: null, line: startLine, at: 0, count: 0 });
      return;
    }
    let position = -1;
    for (let index = parent.at; index < children.length; index++) {
      if (children[index]!.name === name) {
        position = index;
        break;
      }
    }
    if (position === -1) {
      const earlier = children.findIndex((child) => child.name === name);
      find({
        code: 'SCHEMA:unexpected',
        rowNumber: startLine,
        field: name,
        value: '',
        message:
          earlier === -1
            ? `${record}: <${name}> is not part of the workforce census inside <${parent.spec!.name}>. Its contents were not read.`
            : `${record}: <${name}> is out of order inside <${parent.spec!.name}>: it must come before <${children[parent.at]!.name}>. Its contents were not read.`,
      });
      frames.push({ spec: null, line: startLine, at: 0, count: 0 });
      return;
    }
    if (position === parent.at) parent.count++;
    else {
      checkSkipped(parent, position, startLine);
      parent.at = position;
      parent.count = 1;
    }
    const spec = children[position]!;
    if (parent.count > spec.max) {
      find({
        code: 'SCHEMA:too-many',
        rowNumber: startLine,
        field: name,
        value: '',
        message: `${record}: <${name}> appears ${parent.count} times in <${parent.spec!.name}>; it may appear at most ${spec.max === 1 ? 'once' : `${spec.max} times`}. Only the first was read.`,
      });
      frames.push({ spec: null, line: startLine, at: 0, count: 0 });
      return;
    }
    frames.push({ spec, line: startLine, at: 0, count: 0 });
  });
  const addText = (chunk: string): void => {
    if (text.length + chunk.length > MAX_TEXT_CHARS) {
      block(
        'xml-malformed',
        `"${fileName}" has an element holding more than ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters (line ${parser.line}); no census value is that long.`,
      );
      return;
    }
    text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const frame = frames.pop()!;
    const spec = frame.spec;
    const value = text.trim();
    text = '';
    if (!spec) return;
    if (spec.children) {
      if (frame.at < spec.children.length) checkSkipped(frame, spec.children.length, frame.line);
      if (frames.length === 1 && spec.name === 'CSWWWorker') {
        finishWorker(frame.line);
        record = 'Header';
      } else if (frames.length === 1 && spec.name === 'LALevelVacancies') {
        const read = (field: string) => (laValues.has(field) ? Number(laValues.get(field)) : null);
        laLevel.vacancyFte = read('NumberOfVacancies');
        laLevel.agencyFte = read('NoAgencyFTE');
        laLevel.agencyHeadcount = read('NoAgencyHeadcount');
        for (const [field, number] of [
          ['NumberOfVacancies', laLevel.vacancyFte],
          ['NoAgencyFTE', laLevel.agencyFte],
          ['NoAgencyHeadcount', laLevel.agencyHeadcount],
        ] as const) {
          if (number !== null && number < 0) {
            find({
              code: 'CSWW:negative',
              rowNumber: frame.line,
              field,
              value: String(number),
              message: `LA level: ${field} is ${number}; it cannot be negative, so it is left out of the figures.`,
            });
            if (field === 'NumberOfVacancies') laLevel.vacancyFte = null;
            if (field === 'NoAgencyFTE') laLevel.agencyFte = null;
            if (field === 'NoAgencyHeadcount') laLevel.agencyHeadcount = null;
          }
        }
        laValues = new Map();
        record = 'Header';
      }
      return;
    }
    const type = spec.type!;
    if (!isValidValue(type, value)) {
      find({
        code: 'SCHEMA:invalid',
        rowNumber: frame.line,
        field: spec.name,
        value: spec.personal ? '' : value,
        message:
          value === ''
            ? `${record}: <${spec.name}> is empty; it must be ${describeType(type)}.`
            : `${record}: <${spec.name}> ${spec.personal ? 'is not valid (the value is not shown because it identifies a person)' : `is "${value}"`}; it must be ${describeType(type)}.`,
      });
      return;
    }
    const parentName = frames.at(-1)?.spec?.name;
    if (parentName === 'CSWWWorker') {
      if (!values.has(spec.name)) values.set(spec.name, value);
    } else if (parentName === 'LALevelVacancies') laValues.set(spec.name, value);
    else if (spec.name === 'LEA') {
      const refusal = otherCouncilRefusal(fileName, value, la, "its header's <LEA>");
      if (refusal) block(refusal.kind, refusal.message);
    } else if (spec.name === 'Year' && Number(value) !== collectionYear) {
      block(
        'wrong-year',
        `"${fileName}" is the ${value} census (its <Year>), but this submission is for the ${collectionYear} census. Start a submission for ${value}, or upload the ${collectionYear} census.`,
      );
    } else if (spec.name === 'ReferenceDate') {
      const date = parseIsoDate(value)!;
      if (Math.abs(date - reference) > 45) {
        block(
          'wrong-year',
          `"${fileName}" has reference date ${value}, but the ${collectionYear} census is taken on ${collectionYear}-09-30. Check the collection year of the submission.`,
        );
      } else if (date !== reference) {
        notices.push({
          kind: 'reference-date',
          severity: 'warning',
          file: fileName,
          message: `The reference date is ${value}; the census is taken on ${collectionYear}-09-30. Figures are read as at 30 September.`,
        });
      }
    }
  });

  let sawContent = false;
  try {
    for await (const chunk of refuseDoctype(decodeText(source, { fileName }), {
      fileName,
      root: CSWW_ROOT.name,
    })) {
      sawContent ||= chunk.trim().length > 0;
      for (let from = 0; from < chunk.length; from += SLICE_CHARS) {
        parser.write(chunk.slice(from, from + SLICE_CHARS));
        if (blocking) break;
      }
      if (blocking) break;
    }
    if (!blocking && !sawContent)
      block('empty-file', `"${fileName}" is empty. Export the census again from your system.`);
    if (!blocking) parser.close();
  } catch (error) {
    const known = blockingFrom(error);
    if (!known) throw error;
    blocking ??= known;
  }
  if (!blocking && workers === 0)
    block(
      'no-records',
      `"${fileName}" holds no <CSWWWorker> records, so there is nothing to count. Export the census again with its workers.`,
    );
  if (blocking) return { status: 'rejected', blocking, notices };
  const note = findings.truncationNote();
  if (note) notices.push(note);
  return { status: 'accepted', workers, laLevel, findings, notices };
}
