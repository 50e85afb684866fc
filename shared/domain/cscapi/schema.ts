// Domain: the structure of one child's document in the DfE children's social care API payload (docs/cscapi.md),
// written as a small JSON Schema-like description: what each field holds (text, date, flag, code from a DfE
// list, whole number), which objects nest where, and which lists hold records whose id must be unique within
// their parent. Code lists are the CIN census and SSDA903 lists this service already checks those returns with.
// checkChild walks a parsed document against it and says where each problem is, as a record path such as
// social_care_episodes[2].section_47_assessments[0].icpc_date.

import { CLOSURE_REASON, DISABILITY, ETHNICITY, REFERRAL_SOURCE } from '../cin/rules/helpers.ts';
import { cinSchemaForYear } from '../cin/schema.ts';
import { parseIsoDate } from '../dates.ts';

export type FieldSpec =
  | { readonly kind: 'text'; readonly maxLength: number; readonly personal?: boolean }
  | { readonly kind: 'date'; readonly personal?: boolean }
  | { readonly kind: 'flag' }
  | { readonly kind: 'code'; readonly list: string; readonly codes: ReadonlySet<string> }
  | { readonly kind: 'codes'; readonly list: string; readonly codes: ReadonlySet<string> }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'object'; readonly fields: ObjectSpec }
  /** A list of records; `id` names the field that is unique within the parent (absent: no id). */
  | { readonly kind: 'records'; readonly id?: string; readonly fields: ObjectSpec };

export interface ObjectSpec {
  readonly [field: string]: { readonly spec: FieldSpec; readonly required?: boolean };
}

const text = (maxLength: number, personal = false): FieldSpec => ({ kind: 'text', maxLength, personal });
const date: FieldSpec = { kind: 'date' };
const flag: FieldSpec = { kind: 'flag' };
const code = (list: string, codes: Iterable<string>): FieldSpec => ({
  kind: 'code',
  list,
  codes: new Set(codes),
});
const optional = (spec: FieldSpec) => ({ spec });
const required = (spec: FieldSpec) => ({ spec, required: true });
const purge = optional(flag);

// The SSDA903 lists the payload uses, as in the 2025/26 return (SSDA903_schema, the reading of
// shared/domain/ssda903/schema.ts; the SSDA903 domain stays that return's own, and a test keeps the two equal).
// biome-ignore format: laid out like the SSDA903 lists, to check them side by side
const SSDA903 = {
  RNE: ['S', 'L', 'P', 'T', 'B', 'U'],
  PLACE: [
    'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3',
    'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14',
  ],
  REC: [
    'X1', 'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48',
    'E5', 'E6', 'E7', 'E9', 'E14', 'E15', 'E16', 'E17', 'E8',
  ],
  REASON_PLACE_CHANGE: [
    'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER',
  ],
  ACTIV: ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'],
  ACCOM: [
    ...['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'].flatMap((letter) => [
      `${letter}1`,
      `${letter}2`,
    ]),
    '0',
  ],
} as const;

/** The lists the payload's codes are checked against (their names are what the report quotes). */
export const CODE_LISTS = {
  sex: code('sex (M, F or U)', ['M', 'F', 'U']),
  ethnicity: code('ethnicity (CIN census)', ETHNICITY),
  referralSource: code('referral source (CIN census)', REFERRAL_SOURCE),
  closureReason: code('closure reason (CIN census)', CLOSURE_REASON),
  startReason: code('reason for new episode (SSDA903 RNE)', SSDA903.RNE),
  placementType: code('placement type (SSDA903 PLACE)', SSDA903.PLACE),
  endReason: code('reason episode ceased (SSDA903 REC)', SSDA903.REC),
  changeReason: code('reason for placement change (SSDA903)', SSDA903.REASON_PLACE_CHANGE),
  activity: code('care leaver activity (SSDA903 OC3)', SSDA903.ACTIV),
  accommodation: code('care leaver accommodation (SSDA903 OC3)', SSDA903.ACCOM),
} as const;

const disabilities: FieldSpec = { kind: 'codes', list: 'disability (CIN census)', codes: DISABILITY };
const factors: FieldSpec = {
  kind: 'codes',
  list: 'assessment factor (CIN census)',
  codes: cinSchemaForYear(9999).factors,
};

const EPISODE: ObjectSpec = {
  social_care_episode_id: required(text(48)),
  referral_date: optional(date),
  referral_source: optional(CODE_LISTS.referralSource),
  referral_no_further_action_flag: optional(flag),
  closure_date: optional(date),
  closure_reason: optional(CODE_LISTS.closureReason),
  purge,
  care_worker_details: optional({
    kind: 'records',
    fields: { worker_id: required(text(48)), start_date: required(date), end_date: optional(date) },
  }),
  child_and_family_assessments: optional({
    kind: 'records',
    id: 'child_and_family_assessment_id',
    fields: {
      child_and_family_assessment_id: required(text(48)),
      start_date: optional(date),
      authorisation_date: optional(date),
      factors: optional(factors),
      purge,
    },
  }),
  child_in_need_plans: optional({
    kind: 'records',
    id: 'child_in_need_plan_id',
    fields: {
      child_in_need_plan_id: required(text(48)),
      start_date: optional(date),
      end_date: optional(date),
      purge,
    },
  }),
  section_47_assessments: optional({
    kind: 'records',
    id: 'section_47_assessment_id',
    fields: {
      section_47_assessment_id: required(text(48)),
      start_date: optional(date),
      icpc_required_flag: optional(flag),
      icpc_date: optional(date),
      end_date: optional(date),
      purge,
    },
  }),
  child_protection_plans: optional({
    kind: 'records',
    id: 'child_protection_plan_id',
    fields: {
      child_protection_plan_id: required(text(48)),
      start_date: optional(date),
      end_date: optional(date),
      purge,
    },
  }),
  child_looked_after_placements: optional({
    kind: 'records',
    id: 'child_looked_after_placement_id',
    fields: {
      child_looked_after_placement_id: required(text(48)),
      start_date: optional(date),
      start_reason: optional(CODE_LISTS.startReason),
      placement_type: optional(CODE_LISTS.placementType),
      postcode: optional(text(8, true)),
      end_date: optional(date),
      end_reason: optional(CODE_LISTS.endReason),
      change_reason: optional(CODE_LISTS.changeReason),
      purge,
    },
  }),
  adoption: optional({
    kind: 'object',
    fields: {
      initial_decision_date: optional(date),
      matched_date: optional(date),
      placed_date: optional(date),
      purge,
    },
  }),
  care_leavers: optional({
    kind: 'object',
    fields: {
      contact_date: optional(date),
      activity: optional(CODE_LISTS.activity),
      accommodation: optional(CODE_LISTS.accommodation),
      purge,
    },
  }),
};

/** One child's document: the root of the description. */
export const CHILD_DOCUMENT: ObjectSpec = {
  la_code: optional(text(3)),
  la_child_id: required(text(48, true)),
  mis_child_id: optional(text(48, true)),
  purge,
  child_details: optional({
    kind: 'object',
    fields: {
      unique_pupil_number: optional(text(13, true)),
      former_unique_pupil_number: optional(text(13, true)),
      unique_pupil_number_unknown_reason: optional(
        code('UPN unknown reason', ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7', 'UN8', 'UN9', 'UN10']),
      ),
      first_name: optional(text(128, true)),
      surname: optional(text(128, true)),
      date_of_birth: optional({ kind: 'date', personal: true }),
      expected_date_of_birth: optional({ kind: 'date', personal: true }),
      sex: optional(CODE_LISTS.sex),
      ethnicity: optional(CODE_LISTS.ethnicity),
      disabilities: optional(disabilities),
      postcode: optional(text(8, true)),
      uasc_flag: optional(flag),
      uasc_end_date: optional(date),
      purge,
    },
  }),
  health_and_wellbeing: optional({
    kind: 'object',
    fields: {
      sdq_assessments: optional({
        kind: 'records',
        fields: { date: required(date), score: required({ kind: 'integer', min: 0, max: 40 }) },
      }),
      purge,
    },
  }),
  education_health_care_plans: optional({
    kind: 'records',
    id: 'education_health_care_plan_id',
    fields: {
      education_health_care_plan_id: required(text(48)),
      request_received_date: optional(date),
      request_outcome_date: optional(date),
      assessment_outcome_date: optional(date),
      plan_start_date: optional(date),
      purge,
    },
  }),
  social_care_episodes: optional({ kind: 'records', id: 'social_care_episode_id', fields: EPISODE }),
};

/** One problem with one value of one child's document. */
export interface DocumentProblem {
  readonly code: ProblemCode;
  /** Where in the child's document: "social_care_episodes[2].section_47_assessments[0].icpc_date". */
  readonly path: string;
  /** The value as sent, or '' when it is missing or personal (never echoed). */
  readonly value: string;
  readonly message: string;
}

export const PROBLEM_DESCRIPTIONS = {
  'not-json': 'A child’s document is not valid JSON.',
  'not-an-object': 'A value that must be an object (or a list of records) is something else.',
  missing: 'A required field is missing.',
  'unknown-field': 'A field that is not in the payload’s structure.',
  text: 'A value that must be text is not, or is too long.',
  date: 'A date that is not a real date written YYYY-MM-DD.',
  flag: 'A flag that is not true or false.',
  code: 'A code that is not in its DfE list.',
  integer: 'A number that is not a whole number in its range.',
  'duplicate-id': 'Two records of the same kind share an id within the same parent.',
  'date-order': 'An end date before its start date.',
  'other-council': 'A child’s document for another council.',
  'too-large': 'A child’s document over the size limit.',
} as const;

export type ProblemCode = keyof typeof PROBLEM_DESCRIPTIONS;

/** Pairs of dates within one record where the second may not come before the first. */
const DATE_ORDER: readonly (readonly [string, string])[] = [
  ['referral_date', 'closure_date'],
  ['start_date', 'end_date'],
  ['start_date', 'authorisation_date'],
  ['start_date', 'icpc_date'],
];

const shown = (value: unknown): string =>
  typeof value === 'string' ? value : value === null ? 'null' : (JSON.stringify(value) ?? '');

/** The problems of one parsed child document, in document order. */
export function checkChild(document: unknown): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  checkObject(document, CHILD_DOCUMENT, '', problems);
  return problems;
}

const join = (path: string, field: string) => (path === '' ? field : `${path}.${field}`);

function checkObject(value: unknown, spec: ObjectSpec, path: string, problems: DocumentProblem[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({
      code: 'not-an-object',
      path: path === '' ? '(document)' : path,
      value: '',
      message: `${path === '' ? 'The child’s document' : path} must be a JSON object of named fields.`,
    });
    return;
  }
  const record = value as Record<string, unknown>;
  const purged = record.purge === true;
  for (const [field, { spec: fieldSpec, required: isRequired }] of Object.entries(spec)) {
    const fieldValue = record[field];
    if (fieldValue === undefined || fieldValue === null) {
      // A purged record needs only its id (text): everything else about it is being deleted.
      if (isRequired && !(purged && fieldSpec.kind !== 'text'))
        problems.push({
          code: 'missing',
          path: join(path, field),
          value: '',
          message: `${field} is required here and is missing.`,
        });
      continue;
    }
    checkField(fieldValue, fieldSpec, join(path, field), problems);
  }
  for (const field of Object.keys(record))
    if (!Object.hasOwn(spec, field))
      problems.push({
        code: 'unknown-field',
        path: join(path, field),
        value: '',
        message: `${field} is not a field of the payload here; it was not read. Check the name against the published structure.`,
      });
  for (const [start, end] of DATE_ORDER) {
    const from = typeof record[start] === 'string' ? parseIsoDate(record[start] as string) : null;
    const to = typeof record[end] === 'string' ? parseIsoDate(record[end] as string) : null;
    if (from !== null && to !== null && to < from)
      problems.push({
        code: 'date-order',
        path: join(path, end),
        value: record[end] as string,
        message: `${end} (${record[end] as string}) is before ${start} (${record[start] as string}).`,
      });
  }
}

function checkField(value: unknown, spec: FieldSpec, path: string, problems: DocumentProblem[]): void {
  const fail = (code: ProblemCode, message: string, personal = false) =>
    problems.push({ code, path, value: personal ? '' : shown(value), message });
  switch (spec.kind) {
    case 'text':
      if ((typeof value !== 'string' && typeof value !== 'number') || String(value).length > spec.maxLength)
        fail('text', `Must be text of at most ${spec.maxLength} characters.`, spec.personal);
      return;
    case 'date':
      if (typeof value !== 'string' || parseIsoDate(value) === null || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        fail('date', 'Must be a real date written YYYY-MM-DD, e.g. 2025-04-01.', spec.personal);
      return;
    case 'flag':
      if (typeof value !== 'boolean') fail('flag', 'Must be true or false (without quotes).');
      return;
    case 'code':
      if (typeof value !== 'string' || !spec.codes.has(value))
        fail('code', `Is not a code of the ${spec.list} list.`);
      return;
    case 'codes':
      if (!Array.isArray(value)) {
        fail('not-an-object', `Must be a list of codes of the ${spec.list} list.`);
        return;
      }
      value.forEach((item, index) => {
        if (typeof item !== 'string' || !spec.codes.has(item))
          problems.push({
            code: 'code',
            path: `${path}[${index}]`,
            value: shown(item),
            message: `Is not a code of the ${spec.list} list.`,
          });
      });
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max)
        fail('integer', `Must be a whole number from ${spec.min} to ${spec.max}.`);
      return;
    case 'object':
      checkObject(value, spec.fields, path, problems);
      return;
    case 'records': {
      if (!Array.isArray(value)) {
        fail('not-an-object', 'Must be a list of records: [ {…}, {…} ].');
        return;
      }
      const seen = new Map<string, number>();
      value.forEach((item, index) => {
        const itemPath = `${path}[${index}]`;
        checkObject(item, spec.fields, itemPath, problems);
        if (!spec.id || typeof item !== 'object' || item === null) return;
        const id = (item as Record<string, unknown>)[spec.id];
        if (id === undefined || id === null) return;
        const earlier = seen.get(String(id));
        if (earlier !== undefined)
          problems.push({
            code: 'duplicate-id',
            path: join(itemPath, spec.id),
            value: shown(id),
            message: `The same ${spec.id} as ${path}[${earlier}]: each record needs its own id.`,
          });
        else seen.set(String(id), index);
      });
      return;
    }
  }
}
