// Domain: the indicator register — what each indicator measures, how it reads, and where DfE publishes it.
//
// The register is the single description of an indicator that every other part reads: the baseline
// builder (which published column holds it), the benchmarks (which way is better), the documentation
// (docs/indicators.md is rendered from this file) and, later, the risk model (which domain it scores).
import type { PublishedFileId } from './published-sources.ts';

export type SourceReturn = 'cin' | 'ssda903' | 'csww';
export type IndicatorUnit = 'percent' | 'per10k' | 'ratio' | 'count';
/** How a value reads: higher is better, higher is worse, or context (shown against peers, never RAG-rated). */
export type Polarity = 'higherBetter' | 'higherWorse' | 'context';
export type IndicatorDomain =
  | 'front-door'
  | 'child-protection'
  | 'children-in-care'
  | 'care-leavers'
  | 'workforce';
/**
 * What "period 2025" means for the indicator: the CIN and SSDA903 years run to 31 March (2025 = April 2024
 * to March 2025, or a snapshot on 31 March 2025); the workforce census is taken on 30 September
 * (2025 = 30 September 2025, or the year to that date).
 */
export type PeriodBasis = 'year-to-31-march' | 'at-31-march' | 'year-to-30-september' | 'at-30-september';

/** How a figure must be protected before it leaves the council (DfE's disclosure guidance; README, DfE feeds). */
export interface DisclosureRule {
  readonly id: 'child-counts' | 'population-rate' | 'workforce-fte';
  /** Council-level counts in this inclusive range are suppressed ("c"); null when counts are not of children. */
  readonly suppressCountsBetween: readonly [number, number] | null;
  /** Whether a second cell must be suppressed where a total would reveal a suppressed one. */
  readonly secondarySuppression: boolean;
  /** England and regional counts are rounded to this multiple (null: not rounded). */
  readonly roundTotalsTo: number | null;
  /** Decimal places for rates and percentages. */
  readonly decimals: number;
  readonly description: string;
}

export const DISCLOSURE_RULES = {
  childCounts: {
    id: 'child-counts',
    suppressCountsBetween: [1, 5],
    secondarySuppression: true,
    roundTotalsTo: 10,
    decimals: 1,
    description:
      'Council counts of 1 to 5 children (numerator or denominator) are suppressed as "c", with secondary ' +
      'suppression where a total would reveal them; England and regional counts are rounded to the nearest ' +
      '10; percentages are given to one decimal place.',
  },
  populationRate: {
    id: 'population-rate',
    suppressCountsBetween: [1, 5],
    secondarySuppression: true,
    roundTotalsTo: 10,
    decimals: 1,
    description:
      'The count of children is suppressed as "c" when it is 1 to 5, and the rate with it; England and ' +
      'regional counts are rounded to the nearest 10; rates per 10,000 are given to one decimal place.',
  },
  workforceFte: {
    id: 'workforce-fte',
    suppressCountsBetween: null,
    secondarySuppression: false,
    roundTotalsTo: null,
    decimals: 1,
    description:
      'Workforce rates are FTE-based and describe staff, not children: no small-number suppression; ' +
      'rates are given to one decimal place; a rate whose FTE denominator is zero is "z" (not applicable).',
  },
} as const satisfies Record<string, DisclosureRule>;

/** One column of one published EES file, optionally narrowed to the rows matching `where`. */
export interface EesColumn {
  readonly file: Exclude<PublishedFileId, 'lait'>;
  readonly where?: Readonly<Record<string, string>>;
  readonly column: string;
}

/** One measure of LAIT's benchmark dataset (`short_desc` in the long file). */
export interface LaitMeasure {
  readonly file: 'lait';
  readonly measure: string;
}

/** A denominator DfE does not print but defines as the sum of published columns. */
export interface ColumnSum {
  readonly sumOf: readonly EesColumn[];
}

/** Where the published value for a span of years lives. Mappings are tried in order; the first match wins. */
export interface PublishedMapping {
  readonly from: number;
  readonly to: number;
  readonly value: EesColumn | LaitMeasure;
  readonly numerator?: EesColumn;
  readonly denominator?: EesColumn | ColumnSum;
}

export interface IndicatorDefinition {
  /** Stable kebab-case identifier: never reuse or rename once published. */
  readonly code: string;
  readonly name: string;
  readonly domain: IndicatorDomain;
  readonly definition: string;
  readonly sourceReturn: SourceReturn;
  readonly periodBasis: PeriodBasis;
  readonly numerator: string;
  readonly denominator: string;
  readonly unit: IndicatorUnit;
  /** Decimal places of the published figure (the finest precision any mapped source prints). */
  readonly decimals: number;
  readonly polarity: Polarity;
  /** Why the polarity is what it is, where it is arguable. */
  readonly polarityNote?: string;
  /**
   * Below this denominator the council's value is flagged as too small to display on its own
   * (null: the denominator is a population or FTE base where the rule does not apply).
   */
  readonly minimumDenominator: number | null;
  readonly disclosure: DisclosureRule;
  /** A proportion of children (binomial), so funnel-plot limits apply when a denominator is known. */
  readonly funnelEligible: boolean;
  /** The published figures that make the national baseline; empty when DfE publishes nothing usable. */
  readonly published: readonly PublishedMapping[];
  /** The matching measure in LAIT's data dictionary, for cross-reference and polarity checks. */
  readonly laitMeasure?: string;
}

// Reused published columns ------------------------------------------------------------------------

/** ONS mid-year estimate of children aged 0-17, as printed beside the children looked after rate. */
const CHILD_POPULATION: EesColumn = {
  file: 'ees-cla-rates',
  where: { population_type: 'Children looked after on 31 March each year' },
  column: 'population_estimate',
};

const CLA_AT_31_MARCH = { population_type: 'Children looked after on 31 March each year' };
const CLA_STARTING = { population_type: 'Children starting to be looked after each year' };
const PLACEMENTS_3_PLUS = {
  cla_group: 'CLA on 31 March',
  placement_stability: 'With 3 or more placements during the year',
};
const PLACEMENTS_BASE = { cla_group: 'CLA on 31 March', placement_stability: 'Total children' };
const LONG_TERM_GROUP =
  'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years';
const SAME_CARER_2_YEARS = {
  cla_group: LONG_TERM_GROUP,
  placement_stability: 'Living with the same carer for at least 2 years',
};
const LONG_TERM_BASE = { cla_group: LONG_TERM_GROUP, placement_stability: 'Total children' };
const SW_3_PLUS = { cla_group: 'CLA on 31 March', sw_stability: '3 or more social workers during the year' };
const SW_BASE = { cla_group: 'CLA on 31 March', sw_stability: 'Total children' };
const LEAVERS_19_21 = '19 to 21 years';
const SUITABLE = { care_leaver_age: LEAVERS_19_21, breakdown: 'Accommodation considered suitable' };
const SUITABILITY_BASE = { care_leaver_age: LEAVERS_19_21, breakdown: 'Suitability total' };
const IN_EET = { care_leaver_age: LEAVERS_19_21, breakdown: 'Total in education, employment or training' };
const ACTIVITY_BASE = { care_leaver_age: LEAVERS_19_21, breakdown: 'Total' };

const lait = (measure: string): LaitMeasure => ({ file: 'lait', measure });

// The register ------------------------------------------------------------------------------------

export const INDICATORS: readonly IndicatorDefinition[] = [
  // Front door and assessment (CIN census) -----------------------------------------------------------
  {
    code: 'referral-rate',
    name: 'Referral rate',
    domain: 'front-door',
    definition:
      "Referrals to children's social care received in the year, per 10,000 children aged 0 to 17. A referral " +
      'is a request for services for a child not already open to children\u2019s social care.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Referrals received in the year to 31 March',
    denominator: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'per10k',
    decimals: 1,
    polarity: 'context',
    polarityNote: 'Demand, not performance: a high or low rate needs local explanation.',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.populationRate,
    funnelEligible: false,
    published: [
      {
        from: 2016,
        to: 2025,
        value: lait('CPP_Total_Rateper10,000'),
        numerator: { file: 'ees-c1', column: 'referral_count' },
        denominator: CHILD_POPULATION,
      },
    ],
    laitMeasure: 'CPP_Total_Rateper10,000',
  },
  {
    code: 're-referrals',
    name: 'Re-referrals within 12 months',
    domain: 'front-door',
    definition:
      'Percentage of referrals in the year that came within 12 months of a previous referral for the same child.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Referrals within 12 months of a previous referral',
    denominator: 'Referrals received in the year',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherWorse',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2013,
        to: 2025,
        value: { file: 'ees-c1', column: 'rereferral_percent' },
        numerator: { file: 'ees-c1', column: 'rereferral_count' },
        denominator: { file: 'ees-c1', column: 'referral_count' },
      },
    ],
    laitMeasure: 'ReReferral',
  },
  {
    code: 'referrals-no-further-action',
    name: 'Referrals closed with no further action',
    domain: 'front-door',
    definition: 'Percentage of referrals in the year that were closed with no further action.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Referrals closed with no further action',
    denominator: 'Referrals received in the year',
    unit: 'percent',
    decimals: 1,
    polarity: 'context',
    polarityNote: 'Depends on how the front door filters contacts before they become referrals.',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2013,
        to: 2025,
        value: { file: 'ees-c1', column: 'no_further_action_percent' },
        numerator: { file: 'ees-c1', column: 'no_further_action_count' },
        denominator: { file: 'ees-c1', column: 'referral_count' },
      },
    ],
    laitMeasure: 'CIN_Refferals_NFA',
  },
  {
    code: 'assessed-not-in-need',
    name: 'Referrals assessed as not in need',
    domain: 'front-door',
    definition:
      'Percentage of referrals in the year that led to an assessment which found the child not to be in need.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Referrals whose assessment found the child not in need',
    denominator: 'Referrals received in the year',
    unit: 'percent',
    decimals: 1,
    polarity: 'context',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2013,
        to: 2025,
        value: { file: 'ees-c1', column: 'not_in_need_percent' },
        numerator: { file: 'ees-c1', column: 'not_in_need_count' },
        denominator: { file: 'ees-c1', column: 'referral_count' },
      },
    ],
    laitMeasure: 'Referrals_AssessedNotNeed',
  },
  {
    code: 'assessment-timeliness',
    name: 'Assessments completed within 45 working days',
    domain: 'front-door',
    definition:
      'Percentage of assessments completed in the year that were completed within 45 working days of the ' +
      'assessment start (England and Wales bank holidays excluded from working days).',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Assessments completed within 45 working days of the assessment start',
    denominator: 'Assessments completed in the year',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherBetter',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [{ from: 2016, to: 2025, value: lait('Continue_Assess_Comp') }],
    laitMeasure: 'Continue_Assess_Comp',
  },
  {
    code: 'section-47-rate',
    name: 'Section 47 enquiries rate',
    domain: 'child-protection',
    definition: 'Section 47 enquiries started in the year, per 10,000 children aged 0 to 17.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Section 47 enquiries started in the year',
    denominator: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'per10k',
    decimals: 1,
    polarity: 'context',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.populationRate,
    funnelEligible: false,
    published: [{ from: 2016, to: 2025, value: lait('Section_47') }],
    laitMeasure: 'Section_47',
  },
  {
    code: 'icpc-rate',
    name: 'Initial child protection conferences rate',
    domain: 'child-protection',
    definition: 'Initial child protection conferences held in the year, per 10,000 children aged 0 to 17.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Initial child protection conferences held in the year',
    denominator: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'per10k',
    decimals: 1,
    polarity: 'context',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.populationRate,
    funnelEligible: false,
    published: [{ from: 2016, to: 2025, value: lait('ISCP_Conf') }],
    laitMeasure: 'ISCP_Conf',
  },
  {
    code: 'icpc-timeliness',
    name: 'Initial child protection conferences within 15 working days',
    domain: 'child-protection',
    definition:
      'Percentage of initial child protection conferences held within 15 working days of the start of the ' +
      'section 47 enquiry that led to them.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Initial child protection conferences held within 15 working days of the section 47 start',
    denominator: 'Initial child protection conferences held in the year',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherBetter',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [{ from: 2016, to: 2025, value: lait('CP_conf_15days') }],
    laitMeasure: 'CP_conf_15days',
  },
  // Child protection ----------------------------------------------------------------------------------
  {
    code: 'cp-reviews-on-time',
    name: 'Child protection plans reviewed on time',
    domain: 'child-protection',
    definition:
      'Of children on a child protection plan at 31 March who had been on it for at least 3 months, the ' +
      'percentage whose plan had every review in time (first within 3 months, then at most 6 months apart).',
    sourceReturn: 'cin',
    periodBasis: 'at-31-march',
    numerator: 'Children whose plan reviews were all held in time',
    denominator: 'Children on a plan at 31 March for at least 3 months',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherBetter',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [{ from: 2016, to: 2025, value: lait('RevCP') }],
    laitMeasure: 'RevCP',
  },
  {
    code: 'repeat-cp-plans',
    name: 'Second or subsequent child protection plans',
    domain: 'child-protection',
    definition:
      'Percentage of child protection plans started in the year that were the child\u2019s second or later plan.',
    sourceReturn: 'cin',
    periodBasis: 'year-to-31-march',
    numerator: 'Plans started in the year that were a second or subsequent plan',
    denominator: 'Child protection plans started in the year',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherWorse',
    polarityNote:
      'Contested: a repeat plan can mean earlier plans ended too soon, or that a council acts properly on new ' +
      'harm. Read with long plans and re-referrals.',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2013,
        to: 2025,
        value: { file: 'ees-d3', column: 'CPP_subsequent_percent' },
        numerator: { file: 'ees-d3', column: 'CPP_subsequent' },
        denominator: { file: 'ees-d3', column: 'CPP_start' },
      },
    ],
    laitMeasure: 'PrevRegCPR',
  },
  {
    code: 'long-cp-plans',
    name: 'Child protection plans lasting 2 years or more',
    domain: 'child-protection',
    definition:
      'Percentage of child protection plans open at 31 March that had lasted 2 years or more (730 days or ' +
      'more, counting the first and last day).',
    sourceReturn: 'cin',
    periodBasis: 'at-31-march',
    numerator: 'Plans open at 31 March that had lasted 2 years or more',
    denominator: 'Child protection plans open at 31 March',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherWorse',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2013,
        to: 2025,
        value: { file: 'ees-d5', column: '2_years_or_more_percent' },
        numerator: { file: 'ees-d5', column: '2_years_or_more' },
        denominator: { file: 'ees-d5', column: 'CPP_At31' },
      },
    ],
    laitMeasure: 'CPPlans2yrsActive',
  },
  {
    code: 'cin-rate',
    name: 'Children in need rate',
    domain: 'front-door',
    definition: 'Children in need at 31 March, per 10,000 children aged 0 to 17.',
    sourceReturn: 'cin',
    periodBasis: 'at-31-march',
    numerator: 'Children in need at 31 March',
    denominator: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'per10k',
    decimals: 1,
    polarity: 'context',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.populationRate,
    funnelEligible: false,
    published: [
      {
        from: 2016,
        to: 2025,
        value: lait('CIN'),
        numerator: { file: 'ees-b1', column: 'At31_episodes' },
        denominator: CHILD_POPULATION,
      },
    ],
    laitMeasure: 'CIN',
  },
  {
    code: 'cp-rate',
    name: 'Child protection plan rate',
    domain: 'child-protection',
    definition: 'Children on a child protection plan at 31 March, per 10,000 children aged 0 to 17.',
    sourceReturn: 'cin',
    periodBasis: 'at-31-march',
    numerator: 'Children on a child protection plan at 31 March',
    denominator: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'per10k',
    decimals: 1,
    polarity: 'context',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.populationRate,
    funnelEligible: false,
    published: [
      {
        from: 2016,
        to: 2025,
        value: lait('CPP_rate'),
        numerator: { file: 'ees-d5', column: 'CPP_At31' },
        denominator: CHILD_POPULATION,
      },
    ],
    laitMeasure: 'CPP_rate',
  },
  // Children in care (SSDA903) ------------------------------------------------------------------------
  {
    code: 'cla-rate',
    name: 'Children looked after rate',
    domain: 'children-in-care',
    definition:
      'Children looked after at 31 March (excluding short breaks), per 10,000 children aged 0 to 17.',
    sourceReturn: 'ssda903',
    periodBasis: 'at-31-march',
    numerator: 'Children looked after at 31 March',
    denominator: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'per10k',
    decimals: 0,
    polarity: 'context',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.populationRate,
    funnelEligible: false,
    published: [
      {
        from: 2021,
        to: 2025,
        value: { file: 'ees-cla-rates', where: CLA_AT_31_MARCH, column: 'rate_per_10000' },
        numerator: { file: 'ees-cla-rates', where: CLA_AT_31_MARCH, column: 'children_count' },
        denominator: CHILD_POPULATION,
      },
      { from: 2016, to: 2020, value: lait('LAC') },
    ],
    laitMeasure: 'LAC',
  },
  {
    code: 'cla-starting-rate',
    name: 'Children starting to be looked after rate',
    domain: 'children-in-care',
    definition: 'Children who started to be looked after in the year, per 10,000 children aged 0 to 17.',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Children starting to be looked after in the year',
    denominator: 'Children aged 0 to 17 (ONS mid-year estimate)',
    unit: 'per10k',
    decimals: 0,
    polarity: 'context',
    polarityNote:
      'Includes unaccompanied asylum-seeking children, who dominate the rate in entry-point councils.',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.populationRate,
    funnelEligible: false,
    published: [
      {
        from: 2021,
        to: 2025,
        value: { file: 'ees-cla-rates', where: CLA_STARTING, column: 'rate_per_10000' },
        numerator: { file: 'ees-cla-rates', where: CLA_STARTING, column: 'children_count' },
        denominator: { file: 'ees-cla-rates', where: CLA_STARTING, column: 'population_estimate' },
      },
      { from: 2018, to: 2020, value: lait('LAC_Start_Rate') },
    ],
    laitMeasure: 'LAC_Start_Rate',
  },
  {
    code: 'placement-instability',
    name: 'Children looked after with 3 or more placements in the year',
    domain: 'children-in-care',
    definition:
      'Percentage of children looked after at 31 March who had 3 or more placements during the year: the ' +
      'placement open on 1 April and each new placement with a new carer after it. A change of placement with ' +
      'the same carer (for example being placed for adoption with the current foster carers) is not a new ' +
      'placement.',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Children looked after at 31 March with 3 or more placements in the year',
    denominator: 'Children looked after at 31 March',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherWorse',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2021,
        to: 2025,
        value: { file: 'ees-placement-stability', where: PLACEMENTS_3_PLUS, column: 'children_percent' },
        numerator: { file: 'ees-placement-stability', where: PLACEMENTS_3_PLUS, column: 'children_count' },
        denominator: { file: 'ees-placement-stability', where: PLACEMENTS_BASE, column: 'children_count' },
      },
      { from: 2016, to: 2020, value: lait('LACStable_2016on') },
    ],
    laitMeasure: 'LACStable_2016on',
  },
  {
    code: 'long-term-stability',
    name: 'Long-term placement stability',
    domain: 'children-in-care',
    definition:
      'Of children under 16 looked after continuously for at least 2.5 years (913 days) at 31 March, the ' +
      'percentage who had lived in the same placement for at least 2 years (730 days), or who were placed for ' +
      'adoption and whose adoptive placement together with their previous placement with the same carers had ' +
      'lasted at least 2 years. Days are counted including the first and last.',
    sourceReturn: 'ssda903',
    periodBasis: 'at-31-march',
    numerator: 'Of those, children in the same placement for at least 2 years',
    denominator: 'Children under 16 looked after continuously for at least 2.5 years at 31 March',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherBetter',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2021,
        to: 2025,
        value: { file: 'ees-placement-stability', where: SAME_CARER_2_YEARS, column: 'children_percent' },
        numerator: { file: 'ees-placement-stability', where: SAME_CARER_2_YEARS, column: 'children_count' },
        denominator: { file: 'ees-placement-stability', where: LONG_TERM_BASE, column: 'children_count' },
      },
      { from: 2018, to: 2020, value: lait('LAC_LongStable%') },
    ],
    laitMeasure: 'LAC_LongStable%',
  },
  {
    code: 'distant-placements',
    name: 'Placed more than 20 miles from home, outside the council',
    domain: 'children-in-care',
    definition:
      'Percentage of children looked after at 31 March placed more than 20 miles from the home they were first ' +
      'placed from and outside the council\u2019s boundary.',
    sourceReturn: 'ssda903',
    periodBasis: 'at-31-march',
    numerator:
      'Children looked after at 31 March placed more than 20 miles from home and outside the council',
    denominator: 'Children looked after at 31 March (excluding short breaks)',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherWorse',
    polarityNote: 'Some distant placements are right for the child (e.g. safety from exploitation).',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [{ from: 2016, to: 2025, value: lait('LACDistance') }],
    laitMeasure: 'LACDistance',
  },
  {
    code: 'social-worker-changes',
    name: 'Children looked after with 3 or more social workers in the year',
    domain: 'children-in-care',
    definition:
      'Percentage of children looked after at 31 March who had 3 or more different social workers during the ' +
      'year (returning to an earlier social worker does not count again).',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Children looked after at 31 March with 3 or more social workers in the year',
    denominator: 'Children looked after at 31 March',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherWorse',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2024,
        to: 2024,
        value: { file: 'ees-sw-changes', where: SW_3_PLUS, column: 'percentage' },
        numerator: { file: 'ees-sw-changes', where: SW_3_PLUS, column: 'number' },
        denominator: { file: 'ees-sw-changes', where: SW_BASE, column: 'number' },
      },
    ],
    laitMeasure: 'Stability_SocialWorker',
  },
  {
    code: 'missing-from-care',
    name: 'Children looked after who went missing',
    domain: 'children-in-care',
    definition:
      'Percentage of children looked after during the year who had at least one missing incident in the year, ' +
      'including an incident that was still open on 1 April.',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Children looked after with at least one missing incident in the year',
    denominator: 'Children looked after during the year',
    unit: 'percent',
    decimals: 0,
    polarity: 'context',
    polarityNote:
      'Recording practice differs: many councils record every absence as "missing" rather than "away without ' +
      'authorisation", so high values can reflect careful recording.',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [{ from: 2016, to: 2025, value: lait('Children_missing') }],
    laitMeasure: 'Children_missing',
  },
  // Care leavers (SSDA903) ---------------------------------------------------------------------------
  {
    code: 'care-leavers-suitable-accommodation',
    name: 'Care leavers aged 19 to 21 in suitable accommodation',
    domain: 'care-leavers',
    definition:
      'Percentage of care leavers who turned 19, 20 or 21 in the year whose accommodation was judged suitable, ' +
      'leaving out those who died, returned home for 6 months or more, went abroad, were deported or whose ' +
      'residence is not known.',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Care leavers aged 19 to 21 in accommodation judged suitable',
    denominator: 'Care leavers aged 19 to 21 (the suitability total)',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherBetter',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2021,
        to: 2025,
        value: { file: 'ees-care-leavers-accommodation', where: SUITABLE, column: 'care_leaver_percent' },
        numerator: { file: 'ees-care-leavers-accommodation', where: SUITABLE, column: 'care_leaver_count' },
        denominator: {
          file: 'ees-care-leavers-accommodation',
          where: SUITABILITY_BASE,
          column: 'care_leaver_count',
        },
      },
      { from: 2016, to: 2020, value: lait('CareLeaverAcc') },
    ],
    laitMeasure: 'CareLeaverAcc',
  },
  {
    code: 'care-leavers-eet',
    name: 'Care leavers aged 19 to 21 in education, employment or training',
    domain: 'care-leavers',
    definition:
      'Percentage of care leavers who turned 19, 20 or 21 in the year who were in education, employment or ' +
      'training, leaving out those who died or returned home for 6 months or more.',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Care leavers aged 19 to 21 in education, employment or training',
    denominator: 'Care leavers aged 19 to 21',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherBetter',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [
      {
        from: 2021,
        to: 2025,
        value: { file: 'ees-care-leavers-activity', where: IN_EET, column: 'care_leaver_percent' },
        numerator: { file: 'ees-care-leavers-activity', where: IN_EET, column: 'care_leaver_count' },
        denominator: { file: 'ees-care-leavers-activity', where: ACTIVITY_BASE, column: 'care_leaver_count' },
      },
      { from: 2016, to: 2020, value: lait('CareLeaverEET') },
    ],
    laitMeasure: 'CareLeaverEET',
  },
  {
    code: 'care-leavers-not-in-touch',
    name: 'Care leavers the council is not in touch with',
    domain: 'care-leavers',
    definition:
      'Percentage of care leavers who turned 19, 20 or 21 in the year with whom the council was not in touch ' +
      '(a young person who refused contact is not counted as not in touch; those who died or returned home ' +
      'for 6 months or more are left out).',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Care leavers aged 19 to 21 the council was not in touch with',
    denominator: 'Care leavers aged 19 to 21',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherWorse',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [{ from: 2016, to: 2025, value: lait('CareLeavers_LA_NotInTouch') }],
    laitMeasure: 'CareLeavers_LA_NotInTouch',
  },
  {
    code: 'care-leavers-staying-put',
    name: 'Care leavers staying put with former foster carers',
    domain: 'care-leavers',
    definition:
      'Percentage of care leavers aged 19 or 20 who left foster care on their 18th birthday and were still ' +
      'living with their former foster carers.',
    sourceReturn: 'ssda903',
    periodBasis: 'year-to-31-march',
    numerator: 'Care leavers aged 19 or 20 still living with their former foster carers',
    denominator: 'Care leavers aged 19 or 20 who ceased care in a foster placement on their 18th birthday',
    unit: 'percent',
    decimals: 0,
    polarity: 'higherBetter',
    minimumDenominator: 10,
    disclosure: DISCLOSURE_RULES.childCounts,
    funnelEligible: true,
    published: [{ from: 2016, to: 2025, value: lait('StayingPut') }],
    laitMeasure: 'StayingPut',
  },
  // Workforce (CSWW) ----------------------------------------------------------------------------------
  {
    code: 'sw-vacancy-rate',
    name: 'Social worker vacancy rate',
    domain: 'workforce',
    definition:
      'FTE vacant children and family social worker posts at 30 September as a percentage of vacancies plus ' +
      'FTE social workers in post.',
    sourceReturn: 'csww',
    periodBasis: 'at-30-september',
    numerator: 'FTE vacancies at 30 September',
    denominator: 'FTE vacancies plus FTE social workers in post at 30 September',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherWorse',
    minimumDenominator: 5,
    disclosure: DISCLOSURE_RULES.workforceFte,
    funnelEligible: false,
    published: [
      {
        from: 2017,
        to: 2025,
        value: { file: 'ees-csww', column: 'vacancy_rate_fte' },
        numerator: { file: 'ees-csww', column: 'vacancy_fte' },
        denominator: {
          sumOf: [
            { file: 'ees-csww', column: 'vacancy_fte' },
            { file: 'ees-csww', column: 'inpost_fte' },
          ],
        },
      },
      { from: 2016, to: 2016, value: lait('Work_Force_Vac_Rate') },
    ],
    laitMeasure: 'Work_Force_Vac_Rate',
  },
  {
    code: 'sw-turnover-rate',
    name: 'Social worker turnover rate',
    domain: 'workforce',
    definition:
      'FTE children and family social workers who left in the year to 30 September as a percentage of FTE ' +
      'social workers in post at 30 September.',
    sourceReturn: 'csww',
    periodBasis: 'year-to-30-september',
    numerator: 'FTE leavers in the year to 30 September',
    denominator: 'FTE social workers in post at 30 September',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherWorse',
    minimumDenominator: 5,
    disclosure: DISCLOSURE_RULES.workforceFte,
    funnelEligible: false,
    published: [
      {
        from: 2017,
        to: 2025,
        value: { file: 'ees-csww', column: 'turnover_rate_fte' },
        numerator: { file: 'ees-csww', column: 'leavers_fte' },
        denominator: { file: 'ees-csww', column: 'inpost_fte' },
      },
      { from: 2016, to: 2016, value: lait('Work_Force_TO_Rate') },
    ],
    laitMeasure: 'Work_Force_TO_Rate',
  },
  {
    code: 'sw-agency-rate',
    name: 'Agency social worker rate',
    domain: 'workforce',
    definition:
      'FTE agency children and family social workers at 30 September as a percentage of agency plus employed ' +
      'FTE social workers.',
    sourceReturn: 'csww',
    periodBasis: 'at-30-september',
    numerator: 'FTE agency social workers at 30 September',
    denominator: 'FTE agency social workers plus FTE social workers in post at 30 September',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherWorse',
    minimumDenominator: 5,
    disclosure: DISCLOSURE_RULES.workforceFte,
    funnelEligible: false,
    published: [
      {
        from: 2017,
        to: 2025,
        value: { file: 'ees-csww', column: 'agency_rate_fte' },
        numerator: { file: 'ees-csww', column: 'agency_fte' },
        denominator: {
          sumOf: [
            { file: 'ees-csww', column: 'agency_fte' },
            { file: 'ees-csww', column: 'inpost_fte' },
          ],
        },
      },
      { from: 2016, to: 2016, value: lait('Work_Force_Agecy_Rate') },
    ],
    laitMeasure: 'Work_Force_Agecy_Rate',
  },
  {
    code: 'sw-absence-rate',
    name: 'Social worker sickness absence rate',
    domain: 'workforce',
    definition:
      'Working days lost to sickness absence in the year to 30 September as a percentage of the working days ' +
      'available to FTE social workers in post.',
    sourceReturn: 'csww',
    periodBasis: 'year-to-30-september',
    numerator: 'FTE working days lost to sickness absence in the year',
    denominator: 'FTE social workers in post multiplied by the working days in the year',
    unit: 'percent',
    decimals: 1,
    polarity: 'higherWorse',
    minimumDenominator: null,
    disclosure: DISCLOSURE_RULES.workforceFte,
    funnelEligible: false,
    published: [
      {
        from: 2017,
        to: 2025,
        value: { file: 'ees-csww', column: 'absence_rate_fte' },
        numerator: { file: 'ees-csww', column: 'working_days_lost_fte' },
      },
      { from: 2016, to: 2016, value: lait('Work_Force_SWAbsence') },
    ],
    laitMeasure: 'Work_Force_SWAbsence',
  },
  {
    code: 'average-caseload',
    name: 'Average caseload per social worker',
    domain: 'workforce',
    definition:
      'Cases held by children and family social workers (employed and agency) at 30 September divided by the ' +
      'FTE of those social workers holding one or more cases and with an FTE above zero.',
    sourceReturn: 'csww',
    periodBasis: 'at-30-september',
    numerator: 'Cases held at 30 September',
    denominator:
      'FTE case-holding social workers (employed and agency) with an FTE above zero at 30 September',
    unit: 'ratio',
    decimals: 1,
    polarity: 'higherWorse',
    polarityNote: 'LAIT values before 2017 used a different method, so the baseline starts in 2017.',
    minimumDenominator: 5,
    disclosure: DISCLOSURE_RULES.workforceFte,
    funnelEligible: false,
    published: [
      {
        from: 2017,
        to: 2025,
        value: { file: 'ees-csww', column: 'caseload_fte' },
        numerator: { file: 'ees-csww', column: 'cases' },
        denominator: { file: 'ees-csww', column: 'case_holders_fte' },
      },
    ],
    laitMeasure: 'Work_Force_AvgNumCase_SW',
  },
];

const byCode = new Map(INDICATORS.map((indicator) => [indicator.code, indicator]));

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return byCode.get(code);
}

/** A scored indicator is read as better or worse (and so is banded and ranked); context ones are not. */
export function isScored(indicator: Pick<IndicatorDefinition, 'polarity'>): boolean {
  return indicator.polarity !== 'context';
}
