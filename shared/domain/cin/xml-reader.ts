// Domain: reading a CIN census XML file (`Message > Header, Children > Child*`) as a stream, one child at
// a time: memory is one child's elements, whatever the size of the file. Each child is checked against the
// census year's structure (schema.ts) and handed over as a CinChild with its schema findings.
//
// Security: the prolog is checked before the parser sees it (reading/xml-prolog.ts, as for every XML return), so a
// DOCTYPE or ENTITY declaration is refused and no entity can be defined or expanded.
import { SaxesParser, type SaxesTag } from 'saxes';
import type { ByteSource } from '../reading/bytes.ts';
import { decodeText, type TextEncodingName } from '../reading/decode.ts';
import { ReturnReadError } from '../reading/issues.ts';
import { ownText } from '../reading/own-text.ts';
import { refuseDoctype } from '../reading/xml-prolog.ts';
import type { CinChild, CinEpisode, CinFinding, CinHeader } from './model.ts';
import {
  type CinSchema,
  type ElementSpec,
  isPreProceedingsDate,
  leafValueOk,
  PRE_PROCEEDINGS_NAMES,
} from './schema.ts';

export interface CinXmlOptions {
  readonly fileName: string;
  readonly schema: CinSchema;
  readonly onEncoding?: (encoding: TextEncodingName) => void;
  /** Elements outside Header and Child that are not part of the format (reported once each, at most 20). */
  readonly onUnknownElement?: (path: string, line: number) => void;
  /** Called once for each pre-proceedings block read. */
  readonly onPreProceedings?: () => void;
  /** Most elements one child may have (default 20,000). */
  readonly maxElementsPerChild?: number;
}

export type CinXmlItem =
  | { readonly kind: 'header'; readonly header: CinHeader; readonly findings: readonly CinFinding[] }
  | { readonly kind: 'child'; readonly child: CinChild; readonly findings: readonly CinFinding[] };

/** Schema finding codes: SCHEMA:<kind>. */
export type CinSchemaKind =
  | 'unexpected-element'
  | 'element-name'
  | 'missing-element'
  | 'repeated-element'
  | 'stray-text'
  | 'date'
  | 'yesno'
  | 'count'
  | 'upnunknown'
  | 'factor'
  | 'gender';

export const CIN_SCHEMA_DESCRIPTIONS: Readonly<Record<CinSchemaKind, string>> = {
  'unexpected-element':
    'An element that is not part of this census year’s format; its contents were not read.',
  'element-name':
    'This element has another census year’s name (GenderCurrent until 2023/24, Sex from 2024/25).',
  'missing-element': 'A required element is missing.',
  'repeated-element': 'An element that may appear only once appears more than once; the first was read.',
  'stray-text': 'Text outside any element (often a copy-and-paste slip); it was ignored.',
  date: 'Not a date in the form yyyy-mm-dd.',
  yesno: 'Not a yes/no value allowed this census year.',
  count: 'Not a whole number.',
  upnunknown: 'Not a reason code for a missing UPN (UN1 to UN7).',
  factor: 'Not an assessment factor code in this census year’s list.',
  gender: 'Not a GenderCurrent code (0 not recorded or unborn, 1 male, 2 female, 9 indeterminate).',
};

export const cinSchemaCode = (kind: CinSchemaKind): string => `SCHEMA:${kind}`;

/** Required elements whose absence a DfE rule already reports (so it is reported once, by the rule). */
const MISSING_LEFT_TO_RULES = new Set([
  'LAchildID',
  'Ethnicity',
  'CINreferralDate',
  'ReferralSource',
  'ReferralNFA',
  'S47ActualStartDate',
  'CPPstartDate',
  'InitialCategoryOfAbuse',
  'LatestCategoryOfAbuse',
  'NumberOfPreviousCPP',
]);

/** Elements whose values a DfE rule checks (8568: the referral-no-further-action flag). */
const VALUES_LEFT_TO_RULES = new Set(['ReferralNFA']);

const ROOT = 'Message';
/** Modules a child or episode may hold several of: their place among their like is part of a position. */
const REPEATED_MODULES = new Set([
  'CINdetails',
  'Assessments',
  'CINPlanDates',
  'Section47',
  'ChildProtectionPlans',
]);
const MAX_TEXT_CHARS = 10_000;
const SLICE_CHARS = 64 * 1024;
const MAX_UNKNOWN_REPORTED = 20;
const WORKFORCE = new Set(['LALevelVacancies', 'CSWWWorker']);

interface Node {
  readonly name: string;
  readonly line: number;
  /** Its position in the file, e.g. "Child 12, CINdetails 2, Assessments 1" (see CinPlace). */
  readonly where: string;
  text: string;
  readonly children: Node[];
}

function malformed(fileName: string, line: number, detail: string): ReturnReadError {
  return new ReturnReadError(
    'xml-malformed',
    `"${fileName}" is not well-formed XML (line ${line.toLocaleString('en-GB')}: ${detail}). Export the census ` +
      'file again; if it was edited by hand, check that every opening tag has a closing tag.',
    fileName,
  );
}

/** An element's value, in a string of its own: values outlive the text they were read from. */
const text = (node: Node | undefined): string => ownText(node?.text.trim() ?? '');
const firstChild = (node: Node | undefined, name: string): Node | undefined =>
  node?.children.find((child) => child.name === name);
const value = (node: Node | undefined, name: string): string => text(firstChild(node, name));
const all = (node: Node | undefined, name: string): Node[] =>
  node?.children.filter((child) => child.name === name) ?? [];

/** Checks one element's children against its spec, recursively. */
function checkStructure(
  node: Node,
  spec: ElementSpec,
  schema: CinSchema,
  child: number | null,
  findings: CinFinding[],
): void {
  const specs = spec.children ?? [];
  const seen = new Map<string, number>();
  const finding = (kind: CinSchemaKind, at: Node, field: string, found = ''): void => {
    findings.push({
      code: cinSchemaCode(kind),
      module: node.name,
      line: at.line,
      where: at.where,
      child,
      field,
      value: found.slice(0, 100),
    });
  };
  if (specs.length > 0 && node.text.trim() !== '') finding('stray-text', node, node.name, node.text.trim());
  for (const item of node.children) {
    if (PRE_PROCEEDINGS_NAMES.has(item.name)) {
      checkPreProceedings(item, schema, child, findings);
      continue;
    }
    const itemSpec = specs.find((candidate) => candidate.name === item.name);
    if (!itemSpec) {
      const renamed = specs.find((candidate) => candidate.otherYearsName === item.name);
      if (renamed) {
        seen.set(renamed.name, (seen.get(renamed.name) ?? 0) + 1);
        finding('element-name', item, item.name, `${item.name} (expected ${renamed.name})`);
      } else finding('unexpected-element', item, item.name);
      continue;
    }
    const count = (seen.get(item.name) ?? 0) + 1;
    seen.set(item.name, count);
    if (count === 2 && !itemSpec.repeats) finding('repeated-element', item, item.name);
    if (itemSpec.type) {
      if (item.children.length > 0) finding('unexpected-element', item.children[0]!, item.children[0]!.name);
      const found = text(item);
      if (itemSpec.type === 'text') continue;
      if (found === '' && !itemSpec.required) continue;
      if (found === '' && MISSING_LEFT_TO_RULES.has(item.name)) continue;
      if (VALUES_LEFT_TO_RULES.has(item.name)) continue;
      if (!leafValueOk(itemSpec.type, found, schema)) finding(itemSpec.type, item, item.name, found);
    } else checkStructure(item, itemSpec, schema, child, findings);
  }
  for (const required of specs) {
    if (!required.required || (seen.get(required.name) ?? 0) > 0) continue;
    if (MISSING_LEFT_TO_RULES.has(required.name)) continue;
    // From 2024/25 rule 4180 reports a missing sex.
    if (required.name === 'Sex') continue;
    finding('missing-element', node, required.name);
  }
}

/** A pre-proceedings block: no stray text, and a date in every element named ...Date, at any depth. */
function checkPreProceedings(
  block: Node,
  schema: CinSchema,
  child: number | null,
  findings: CinFinding[],
): void {
  const visit = (node: Node): void => {
    const found = text(node);
    const finding = (kind: CinSchemaKind, field: string, value: string): void => {
      findings.push({
        code: cinSchemaCode(kind),
        module: block.name,
        line: node.line,
        where: node.where,
        child,
        field,
        value,
      });
    };
    if (node.children.length > 0) {
      if (found !== '') finding('stray-text', node.name, found.slice(0, 100));
      for (const item of node.children) visit(item);
    } else if (isPreProceedingsDate(node.name) && found !== '' && !leafValueOk('date', found, schema))
      finding('date', node.name, found.slice(0, 100));
  };
  visit(block);
}

function toEpisode(node: Node): CinEpisode {
  return {
    line: node.line,
    where: node.where,
    referralDate: value(node, 'CINreferralDate'),
    referralSource: value(node, 'ReferralSource'),
    primaryNeed: value(node, 'PrimaryNeedCode'),
    closureDate: value(node, 'CINclosureDate'),
    closureReason: value(node, 'ReasonForClosure'),
    icpcDate: value(node, 'DateOfInitialCPC'),
    referralNfa: value(node, 'ReferralNFA'),
    assessments: all(node, 'Assessments').map((item) => {
      const factors = firstChild(item, 'FactorsIdentifiedAtAssessment');
      return {
        line: item.line,
        where: item.where,
        start: value(item, 'AssessmentActualStartDate'),
        internalReview: value(item, 'AssessmentInternalReviewDate'),
        authorised: value(item, 'AssessmentAuthorisationDate'),
        factors: factors ? all(factors, 'AssessmentFactors').map(text) : null,
      };
    }),
    cinPlans: all(node, 'CINPlanDates').map((item) => ({
      line: item.line,
      where: item.where,
      start: value(item, 'CINPlanStartDate'),
      end: value(item, 'CINPlanEndDate'),
    })),
    section47: all(node, 'Section47').map((item) => ({
      line: item.line,
      where: item.where,
      start: value(item, 'S47ActualStartDate'),
      icpcTarget: value(item, 'InitialCPCtarget'),
      icpcDate: value(item, 'DateOfInitialCPC'),
      icpcNotRequired: value(item, 'ICPCnotRequired'),
    })),
    protectionPlans: all(node, 'ChildProtectionPlans').map((item) => {
      const reviews = firstChild(item, 'Reviews');
      return {
        line: item.line,
        where: item.where,
        start: value(item, 'CPPstartDate'),
        end: value(item, 'CPPendDate'),
        initialCategory: value(item, 'InitialCategoryOfAbuse'),
        latestCategory: value(item, 'LatestCategoryOfAbuse'),
        previousPlans: value(item, 'NumberOfPreviousCPP'),
        reviews: reviews ? all(reviews, 'CPPreviewDate').map(text) : null,
      };
    }),
  };
}

function toChild(node: Node, ordinal: number, schema: CinSchema): CinChild {
  const ids = firstChild(node, 'ChildIdentifiers');
  const traits = firstChild(node, 'ChildCharacteristics');
  const disabilities = firstChild(traits, 'Disabilities');
  const otherSex = schema.sexElement === 'Sex' ? 'GenderCurrent' : 'Sex';
  return {
    ordinal,
    line: node.line,
    where: node.where,
    laChildId: value(ids, 'LAchildID'),
    upn: value(ids, 'UPN'),
    formerUpn: value(ids, 'FormerUPN'),
    upnUnknown: value(ids, 'UPNunknown'),
    birthDate: value(ids, 'PersonBirthDate'),
    expectedBirthDate: value(ids, 'ExpectedPersonBirthDate'),
    sex: firstChild(ids, schema.sexElement) ? value(ids, schema.sexElement) : value(ids, otherSex),
    deathDate: value(ids, 'PersonDeathDate'),
    ethnicity: value(traits, 'Ethnicity'),
    disabilities: disabilities ? all(disabilities, 'Disability').map(text) : null,
    episodes: all(node, 'CINdetails').map(toEpisode),
  };
}

function toHeader(node: Node): CinHeader {
  const details = firstChild(node, 'CollectionDetails');
  const source = firstChild(node, 'Source');
  return {
    line: node.line,
    collection: value(details, 'Collection'),
    year: value(details, 'Year'),
    referenceDate: value(details, 'ReferenceDate'),
    referenceDateLine: firstChild(details, 'ReferenceDate')?.line ?? node.line,
    lea: value(source, 'LEA'),
  };
}

/**
 * Streams a CIN census file: the header (when there is one) and then each child, with its schema findings.
 * Throws ReturnReadError for DOCTYPE/ENTITY declarations, malformed XML, a file that is not a CIN census,
 * an empty file or a child too large to hold.
 */
export async function* readCinXml(source: ByteSource, options: CinXmlOptions): AsyncGenerator<CinXmlItem> {
  const { fileName, schema } = options;
  const maxElements = options.maxElementsPerChild ?? 20_000;
  const parser = new SaxesParser({ position: true, fileName });
  const ready: CinXmlItem[] = [];
  const path: string[] = [];
  const unknown = new Set<string>();
  /** The element being built (Header or Child) and its open descendants. */
  const open: Node[] = [];
  let capture: { kind: 'header' | 'child'; elements: number } | null = null;
  let ordinal = 0;
  let startLine = 1;
  let error: ReturnReadError | null = null;

  const reportUnknown = (where: string, line: number): void => {
    if (unknown.has(where) || unknown.size >= MAX_UNKNOWN_REPORTED) return;
    unknown.add(where);
    options.onUnknownElement?.(where, line);
  };

  parser.on('error', (failure) => {
    error ??= malformed(fileName, parser.line, failure.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });
  parser.on('doctype', () => {
    error ??= new ReturnReadError(
      'xml-doctype',
      `"${fileName}" contains a document type declaration. For security we do not accept XML files that contain one.`,
      fileName,
    );
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const name = tag.name;
    const depth = path.length;
    const parent = path.at(-1);
    path.push(name);
    if (capture) {
      if (PRE_PROCEEDINGS_NAMES.has(name)) options.onPreProceedings?.();
      capture.elements++;
      if (capture.elements > maxElements) {
        error ??= malformed(
          fileName,
          startLine,
          `one <Child> holds more than ${maxElements.toLocaleString('en-GB')} elements`,
        );
        return;
      }
      const parentNode = open.at(-1)!;
      const where = REPEATED_MODULES.has(name)
        ? `${parentNode.where}, ${name} ${parentNode.children.filter((item) => item.name === name).length + 1}`
        : `${parentNode.where}, ${name}`;
      const node: Node = { name, line: startLine, where, text: '', children: [] };
      parentNode.children.push(node);
      open.push(node);
      return;
    }
    if (depth === 0) {
      if (name !== ROOT) {
        const hint =
          name === 'EXPSSDA903'
            ? ' It looks like an SSDA903 (children looked after) return: start an ssda903 submission for it.'
            : '';
        error ??= new ReturnReadError(
          'xml-root',
          `"${fileName}" is XML but not a CIN census file: its top element is <${name}>, and a CIN census file starts with <${ROOT}>.${hint}`,
          fileName,
        );
      }
      return;
    }
    if (depth === 1 && name === 'Header') {
      capture = { kind: 'header', elements: 0 };
      open.push({ name, line: startLine, where: 'Header', text: '', children: [] });
      return;
    }
    if (depth === 1 && WORKFORCE.has(name)) {
      error ??= new ReturnReadError(
        'xml-root',
        `"${fileName}" looks like a children's social work workforce census (it has <${name}>), not a CIN census. Start a csww submission for it.`,
        fileName,
      );
      return;
    }
    if (depth === 1 && name === 'Children') return;
    if (depth === 2 && parent === 'Children' && name === 'Child') {
      capture = { kind: 'child', elements: 0 };
      open.push({ name, line: startLine, where: `Child ${ordinal + 1}`, text: '', children: [] });
      return;
    }
    reportUnknown(`${parent}/${name}`, startLine);
  });
  const addText = (chunk: string): void => {
    const node = open.at(-1);
    if (!node) return;
    if (node.text.length + chunk.length > MAX_TEXT_CHARS) {
      error ??= malformed(fileName, parser.line, `an element holds more than ${MAX_TEXT_CHARS} characters`);
      return;
    }
    node.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    path.pop();
    if (!capture) return;
    const node = open.pop()!;
    if (open.length > 0) return;
    const findings: CinFinding[] = [];
    if (capture.kind === 'header') {
      checkStructure(node, schema.header, schema, null, findings);
      ready.push({ kind: 'header', header: toHeader(node), findings });
    } else {
      ordinal++;
      checkStructure(node, schema.child, schema, ordinal, findings);
      ready.push({ kind: 'child', child: toChild(node, ordinal, schema), findings });
    }
    capture = null;
  });

  let sawContent = false;
  for await (const chunk of refuseDoctype(decodeText(source, { fileName, onEncoding: options.onEncoding }), {
    fileName,
    root: ROOT,
  })) {
    sawContent ||= chunk.trim().length > 0;
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
      `"${fileName}" is empty. Export the census file again.`,
      fileName,
    );
  }
  parser.close();
  if (error) throw error;
  yield* ready;
}
