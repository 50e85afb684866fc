// Domain: the in-year core dataset, version 1: one CSV row per council per month of council-level counts
// across the indicator families (front door, assessments, child protection, children in care, workforce).
// This list of columns is the single definition: the reader checks uploads against it, and the published
// JSON Schema (docs/inyear-v1.schema.json) and the column table in docs/inyear-format.md are made from it
// (a test fails if they drift).

export const INYEAR_FORMAT_VERSION = 1;

export type Family = 'front-door' | 'assessments' | 'child-protection' | 'children-in-care' | 'workforce';

/** count: whole number of children or events; fte: full-time equivalent; days: working days. */
export type MeasureKind = 'count' | 'fte' | 'days';

export interface Measure {
  readonly column: string;
  readonly family: Family;
  readonly kind: MeasureKind;
  /** flow: happened during the month; snapshot: the position on the month's last day. */
  readonly timing: 'flow' | 'snapshot';
  readonly description: string;
  /** The measure must not exceed this other measure of the same month. */
  readonly atMost?: string;
}

export const MEASURES: readonly Measure[] = [
  {
    column: 'referrals',
    family: 'front-door',
    kind: 'count',
    timing: 'flow',
    description: 'Referrals received by children’s social care in the month.',
  },
  {
    column: 're_referrals',
    family: 'front-door',
    kind: 'count',
    timing: 'flow',
    description: 'Of those referrals, the ones within 12 months of a previous referral of the same child.',
    atMost: 'referrals',
  },
  {
    column: 'referrals_nfa',
    family: 'front-door',
    kind: 'count',
    timing: 'flow',
    description: 'Of those referrals, the ones that led to no further action.',
    atMost: 'referrals',
  },
  {
    column: 'assessments_completed',
    family: 'assessments',
    kind: 'count',
    timing: 'flow',
    description: 'Children and family assessments completed in the month.',
  },
  {
    column: 'assessments_within_45_days',
    family: 'assessments',
    kind: 'count',
    timing: 'flow',
    description: 'Of those, the ones completed within 45 working days of the referral.',
    atMost: 'assessments_completed',
  },
  {
    column: 'assessments_not_in_need',
    family: 'assessments',
    kind: 'count',
    timing: 'flow',
    description: 'Of those, the ones where the child was assessed not to be in need.',
    atMost: 'assessments_completed',
  },
  {
    column: 'section_47_started',
    family: 'child-protection',
    kind: 'count',
    timing: 'flow',
    description: 'Section 47 enquiries started in the month.',
  },
  {
    column: 'icpc_held',
    family: 'child-protection',
    kind: 'count',
    timing: 'flow',
    description: 'Initial child protection conferences held in the month.',
  },
  {
    column: 'icpc_within_15_days',
    family: 'child-protection',
    kind: 'count',
    timing: 'flow',
    description: 'Of those, the ones held within 15 working days of the start of the section 47 enquiry.',
    atMost: 'icpc_held',
  },
  {
    column: 'cp_plans_started',
    family: 'child-protection',
    kind: 'count',
    timing: 'flow',
    description: 'Child protection plans started in the month.',
  },
  {
    column: 'cp_plans_started_repeat',
    family: 'child-protection',
    kind: 'count',
    timing: 'flow',
    description: 'Of those, second or subsequent plans for the child.',
    atMost: 'cp_plans_started',
  },
  {
    column: 'cp_plans_open',
    family: 'child-protection',
    kind: 'count',
    timing: 'snapshot',
    description: 'Children on a child protection plan on the last day of the month.',
  },
  {
    column: 'cla_started',
    family: 'children-in-care',
    kind: 'count',
    timing: 'flow',
    description: 'Children who started to be looked after in the month.',
  },
  {
    column: 'cla_ceased',
    family: 'children-in-care',
    kind: 'count',
    timing: 'flow',
    description: 'Children who ceased to be looked after in the month.',
  },
  {
    column: 'cla_open',
    family: 'children-in-care',
    kind: 'count',
    timing: 'snapshot',
    description: 'Children looked after on the last day of the month (short breaks excluded).',
  },
  {
    column: 'sw_fte_in_post',
    family: 'workforce',
    kind: 'fte',
    timing: 'snapshot',
    description: 'FTE employed children and family social workers in post on the last day of the month.',
  },
  {
    column: 'sw_agency_fte',
    family: 'workforce',
    kind: 'fte',
    timing: 'snapshot',
    description: 'FTE agency social workers on the last day of the month.',
  },
  {
    column: 'sw_vacancy_fte',
    family: 'workforce',
    kind: 'fte',
    timing: 'snapshot',
    description: 'FTE vacant social worker posts on the last day of the month.',
  },
  {
    column: 'sw_leavers_fte',
    family: 'workforce',
    kind: 'fte',
    timing: 'flow',
    description: 'FTE employed social workers who left in the month.',
  },
  {
    column: 'sw_sickness_days_lost',
    family: 'workforce',
    kind: 'days',
    timing: 'flow',
    description: 'Working days lost to sickness absence by employed social workers in the month.',
  },
  {
    column: 'sw_cases',
    family: 'workforce',
    kind: 'count',
    timing: 'snapshot',
    description:
      'Cases held by case-holding social workers (employed and agency) on the last day of the month.',
  },
  {
    column: 'sw_case_holder_fte',
    family: 'workforce',
    kind: 'fte',
    timing: 'snapshot',
    description: 'FTE of the social workers holding those cases.',
  },
];

export const IDENTITY_COLUMNS = ['version', 'la', 'month'] as const;
export const INYEAR_COLUMNS: readonly string[] = [...IDENTITY_COLUMNS, ...MEASURES.map((m) => m.column)];

export const MEASURE_BY_COLUMN: ReadonlyMap<string, Measure> = new Map(MEASURES.map((m) => [m.column, m]));

/** Largest value a cell may hold: far above any council's monthly figure, so a typo is caught. */
export const MAX_VALUE = 1_000_000;

/** The months of a collection year: 2026 is April 2025 to March 2026 ("2025-04" … "2026-03"). */
export function monthsOfYear(collectionYear: number): string[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    const year = index < 9 ? collectionYear - 1 : collectionYear;
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

const DECIMALS: Readonly<Record<MeasureKind, number>> = { count: 0, fte: 2, days: 2 };

export function decimalsOf(kind: MeasureKind): number {
  return DECIMALS[kind];
}

/**
 * The JSON Schema (draft 2020-12) of one row, read as text cells the way a CSV gives them: a measure is
 * blank (not collected that month) or a number of the measure's kind.
 */
export function inyearJsonSchema(): Record<string, unknown> {
  const measureSchema = (measure: Measure) => ({
    description: `${measure.description.replace(/\.$/, '')} (${measure.family}, ${measure.timing}, ${measure.kind}).`,
    type: 'string',
    pattern: measure.kind === 'count' ? '^(|\\d{1,7})$' : '^(|\\d{1,7}(\\.\\d{1,2})?)$',
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:upstream:inyear-core-dataset:v1',
    title: 'In-year core dataset, version 1: one row',
    description:
      'One council’s counts for one month. Cells are CSV text: a blank measure means not collected that month. ' +
      'Cross-column rules (a part never larger than its whole) and the council/year checks are described in docs/inyear-format.md.',
    type: 'object',
    additionalProperties: false,
    required: [...IDENTITY_COLUMNS],
    properties: {
      version: { description: 'The format version.', const: String(INYEAR_FORMAT_VERSION) },
      la: { description: 'The council’s three-digit DfE number.', type: 'string', pattern: '^\\d{3}$' },
      month: {
        description: 'The calendar month, yyyy-mm, within the collection year (April to March).',
        type: 'string',
        pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
      },
      ...Object.fromEntries(MEASURES.map((measure) => [measure.column, measureSchema(measure)])),
    },
  };
}
