// Domain: how each register indicator is produced from a council's own return, against DfE's definition:
// the source of the definition, what is left out, the edge cases, the known limits, and the unit test that
// holds each one. For an indicator not produced from returns, why not. Rendered into docs/indicators.md;
// a unit test checks that every named test exists.

/** One rule of a definition and the unit test (title, in the file) that holds it. */
export interface DefinitionCheck {
  readonly rule: string;
  readonly file: string;
  readonly test: string;
}

export interface ProducedFromReturn {
  readonly produced: true;
  /** DfE's statistical release whose methodology defines the figure. */
  readonly release: string;
  /** The title of the indicator's entry in LAIT's data dictionary (its code is the register's laitMeasure). */
  readonly laitEntry: string;
  readonly exclusions: readonly DefinitionCheck[];
  readonly edgeCases: readonly DefinitionCheck[];
  /** What a single return cannot show, so the figure may differ from DfE's. */
  readonly limits?: string;
}

export interface NotProducedFromReturn {
  readonly produced: false;
  readonly release: string;
  readonly laitEntry: string;
  readonly why: string;
}

export type ReturnDefinition = ProducedFromReturn | NotProducedFromReturn;

const CIN_RELEASE =
  'DfE, Children in need (statistical release on Explore education statistics) and its methodology';
const CLA_RELEASE =
  'DfE, Children looked after in England including adoptions (statistical release on Explore education ' +
  'statistics) and its methodology';
const SW_STABILITY_RELEASE =
  'DfE, Stability measures for children looked after in England (2024 release on Explore education statistics)';
const CSWW_RELEASE =
  "DfE, Children's social work workforce (statistical release on Explore education statistics) and its methodology";

const CIN_TESTS = 'test/unit/cin/aggregates.test.ts';
const CLA_TESTS = 'test/unit/ssda903-aggregates.test.ts';
const CSWW_TESTS = 'test/unit/workforce/csww.test.ts';

const cin = (rule: string, test: string): DefinitionCheck => ({ rule, file: CIN_TESTS, test });
const cla = (rule: string, test: string): DefinitionCheck => ({ rule, file: CLA_TESTS, test });
const csww = (rule: string, test: string): DefinitionCheck => ({ rule, file: CSWW_TESTS, test });

const REFERRALS_TEST = 'counts referrals in the year and those with no further action';
const CP_TEST =
  'counts children in need and on a plan at 31 March, long and repeat plans, and reviews on time';
const S47_TEST = 'counts section 47 enquiries and conferences, and times conferences in working days';
const CLA_TEST =
  'counts children looked after at 31 March and their placements in the year, leaving out short breaks';
const LEAVERS_TEST =
  'counts only 19 to 21 year olds, leaves out RHOM, gone abroad, deported and residence not known from suitability, and REFU from not in touch';
const LEAVERS_AGE_TEST =
  'takes the age at 31 March: a 19th birthday on 31 March counts, a 22nd birthday in the year does not';
const LEAVERS_DOB_TEST = 'falls back to the header date of birth, and leaves out a leaver with none';
const LEAVERS_DIED_TEST =
  'reads care leavers’ accommodation, activity and contact, leaving out those who died';
const WORKFORCE_TEST =
  'works out FTE in post, leavers, agency, vacancies, absence and caseload as DfE defines them';
const ZERO_BASE_TEST =
  'gives no rate when the base is zero, and leaves out vacancy and agency rates the census lacks';

const YEAR_OF_REFERRALS = cin(
  'Year boundaries: a referral on 1 April or 31 March is in the year; one on 31 March of the year before is not.',
  REFERRALS_TEST,
);
const POPULATION_RATE =
  'The rate needs DfE’s published child population for the council; the return does not carry it.';

export const RETURN_DEFINITIONS: Readonly<Record<string, ReturnDefinition>> = {
  'referral-rate': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: "Rates per 10,000 of referrals to Children's Social Services",
    exclusions: [],
    edgeCases: [YEAR_OF_REFERRALS],
    limits: POPULATION_RATE,
  },
  're-referrals': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: "Percentage of re-referrals to children's social care within 12 months",
    exclusions: [
      cin(
        'A child with no LA child ID cannot be linked to an earlier referral, so the referral counts as a first one.',
        'links re-referrals within 12 months through the keyed ID, across years and within the return',
      ),
    ],
    edgeCases: [
      cin(
        'A previous referral exactly 12 months before counts; 12 months and a day does not; the earlier referral may be in the previous year’s return.',
        'links re-referrals within 12 months through the keyed ID, across years and within the return',
      ),
    ],
    limits:
      'Not produced without the council’s return for the previous year: referrals in the 12 months before ' +
      '1 April would be missed and the figure understated.',
  },
  'referrals-no-further-action': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: "Referrals to children's social care closed with no further action",
    exclusions: [],
    edgeCases: [YEAR_OF_REFERRALS],
  },
  'assessed-not-in-need': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Referrals where the child is assessed but not found to be in need',
    exclusions: [
      cin(
        'Only referrals with an assessment, no CIN or child protection plan and closure reason RC8 (no further action after assessment) or RC9 (referred to early help) count; no further action at referral, closure without an assessment and other closure reasons do not.',
        'counts referrals assessed as not in need: assessed, closed RC8 or RC9, with no plan',
      ),
    ],
    edgeCases: [
      cin(
        'A referral from the year before closed RC8 in this year is not in the year’s referrals.',
        'counts referrals assessed as not in need: assessed, closed RC8 or RC9, with no plan',
      ),
    ],
  },
  'assessment-timeliness': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Continuous assessments completed within 45 working days',
    exclusions: [
      cin(
        'Assessments not yet authorised, or authorised before the year, are not counted.',
        'times assessments in working days from start to authorisation',
      ),
    ],
    edgeCases: [
      cin(
        '45 working days from the assessment start (bank holidays excluded) is on time; 46 is late.',
        'times assessments in working days from start to authorisation',
      ),
    ],
  },
  'section-47-rate': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Section 47 enquiries rate per 10,000 children',
    exclusions: [],
    edgeCases: [cin('Enquiries are counted by their start in the year.', S47_TEST)],
    limits: POPULATION_RATE,
  },
  'icpc-rate': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Rate of Initial Stage Child Protection conferences',
    exclusions: [],
    edgeCases: [
      cin('A conference recorded only on the CINdetails module (with no enquiry) counts.', S47_TEST),
    ],
    limits: POPULATION_RATE,
  },
  'icpc-timeliness': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Percentage of child protection conferences held within 15 days',
    exclusions: [
      cin(
        'A conference with no section 47 enquiry to time it from is left out of timeliness (it still counts in the rate).',
        S47_TEST,
      ),
    ],
    edgeCases: [cin('15 working days from the enquiry start is on time; 16 is late.', S47_TEST)],
  },
  'cp-reviews-on-time': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Review of Child Protection Cases',
    exclusions: [
      cin('Plans under 3 months old at 31 March and plans ended before it are left out.', CP_TEST),
    ],
    edgeCases: [
      cin('A review a day past 6 months after the one before is late.', CP_TEST),
      cin('A review overdue at 31 March makes the plan late.', 'finds a review overdue at 31 March'),
    ],
  },
  'repeat-cp-plans': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Percentage of children who became the subject of a plan for a second or subsequent time',
    exclusions: [],
    edgeCases: [
      cin(
        'Missing field: a plan without NumberOfPreviousCPP stays in the plans started (as it stays in the plan rate) and is not counted as a repeat.',
        'keeps a plan without NumberOfPreviousCPP in the repeat plan count, as it is in the plan rate',
      ),
    ],
  },
  'long-cp-plans': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Child Protection Plans lasting 2 years or more as at 31 March',
    exclusions: [cin('Plans ended on or before 31 March are not open at 31 March.', CP_TEST)],
    edgeCases: [
      cin(
        '2 years is 730 days counting the first and last day (DfE: more than 729 calendar days); 729 days is not long.',
        'reads 2 years of a plan as 730 days counting the first and last day (DfE: more than 729 days)',
      ),
    ],
  },
  'cin-rate': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Children in Need rate per 10,000',
    exclusions: [cin('Referrals closed with no further action are not children in need.', CP_TEST)],
    edgeCases: [cin('An episode closed on 31 March is not open at 31 March.', CP_TEST)],
    limits: POPULATION_RATE,
  },
  'cp-rate': {
    produced: true,
    release: CIN_RELEASE,
    laitEntry: 'Child Protection Plans rate per 10,000',
    exclusions: [cin('A plan ended before 31 March does not count.', CP_TEST)],
    edgeCases: [
      cin(
        'Missing field: a plan without NumberOfPreviousCPP counts, as it does among the plans started.',
        'keeps a plan without NumberOfPreviousCPP in the repeat plan count, as it is in the plan rate',
      ),
    ],
    limits: POPULATION_RATE,
  },
  'cla-rate': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: 'Children looked after rate per 10,000',
    exclusions: [cla('Children looked after only under short breaks (V3, V4) are left out.', CLA_TEST)],
    edgeCases: [cla('An episode that ended on 31 March is not open at 31 March.', CLA_TEST)],
    limits: POPULATION_RATE,
  },
  'cla-starting-rate': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: 'Rate of Children starting to be looked after each year',
    exclusions: [cla('Short breaks are left out.', CLA_TEST)],
    edgeCases: [
      cla(
        'A start is an episode with reason S in the year, including one that ended on 31 March; a start before 1 April is not.',
        CLA_TEST,
      ),
    ],
    limits: POPULATION_RATE,
  },
  'placement-instability': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: 'Placement 1 - % CLA with three or more placements',
    exclusions: [
      cla(
        'A change of placement with the same carer (reasons T and U, e.g. placed for adoption with the current foster carers) and a change of legal status only (L) are not new placements.',
        'does not count a change of placement type with the same carer (T or U) as a move',
      ),
      cla('Short breaks are left out.', CLA_TEST),
    ],
    edgeCases: [
      cla(
        'Open episodes: the placement open on 1 April counts whatever its reason. Same-day changes: a placement that starts and ends on the same day lasted under 24 hours and is not counted.',
        'counts the placement open on 1 April whatever its reason, and leaves out a placement of less than a day',
      ),
    ],
  },
  'long-term-stability': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: 'Long Term Placement Stability (%)',
    exclusions: [
      cla(
        'Children aged 16 or over at 31 March, and those in care under 2.5 years, are left out.',
        'measures long-term stability for under-16s in care 2.5 years, by time with the same carer',
      ),
      cla(
        'Missing field: a child without a date of birth cannot be placed in the age group and is left out; a gap in care restarts the time in care.',
        'leaves out a child without a date of birth and a chain broken by a gap in care',
      ),
    ],
    edgeCases: [
      cla(
        'A change of legal status and placement with the same carer (U) does not end the time with the carer.',
        'keeps the run with the same carer through a change of legal status and placement (U)',
      ),
      cla(
        'Placed for adoption with the current foster carers (A3, A5): the time with them before counts; with new carers (A4, A6) it does not.',
        'counts the time with the same carers before a placement for adoption with them',
      ),
      cla(
        '2.5 years is 913 days and 2 years 730 days, counting the first and last day.',
        'reads 2.5 years as 913 days and 2 years as 730 days, counting the first and last day',
      ),
    ],
    limits:
      'A return holds only the episodes open during its year. A child whose continuous care began with ' +
      'episodes that closed before 1 April is measured from the earliest episode the return holds, so the ' +
      'time in care (and with the carer) is a lower bound: some children looked after for 2.5 years drop ' +
      'out of the group, and the figure can differ from DfE’s, which reads every year’s episodes.',
  },
  'distant-placements': {
    produced: false,
    release: CLA_RELEASE,
    laitEntry: 'Children looked after placed more than 20 miles from home, outside LA Boundary (%)',
    why:
      'The return holds only the outward part of the home and placement postcodes. DfE measures the ' +
      'distance between full postcodes; that needs a postcode lookup the system does not hold, and full ' +
      'postcodes never survive ingest.',
  },
  'social-worker-changes': {
    produced: true,
    release: SW_STABILITY_RELEASE,
    laitEntry: 'Social Worker instability (3 or more social workers during the year)',
    exclusions: [
      cla(
        'Missing table: without the social worker episodes table the figure is not produced.',
        'counts distinct social workers in the year, and only when the table was uploaded',
      ),
    ],
    edgeCases: [
      cla(
        'A return to an earlier social worker does not count again; a social worker whose episode ended before 1 April does not count.',
        'counts distinct social workers in the year, and only when the table was uploaded',
      ),
    ],
  },
  'missing-from-care': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: '% Children looked after who were missing',
    exclusions: [
      cla(
        'Incidents recorded as away without authorisation (A) are not missing; incidents that ended before 1 April do not count.',
        'counts children who went missing during the year among all looked after in it',
      ),
    ],
    edgeCases: [
      cla(
        'Open episodes: an incident open on 1 April (started in March, ended in April or not yet ended) counts; one starting on 31 March counts.',
        'counts an incident open on 1 April (started in March, ended in April or not yet)',
      ),
    ],
  },
  'care-leavers-suitable-accommodation': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: 'Care Leavers - Suitable accommodation (%)',
    exclusions: [
      cla(
        'Young people under 19 or over 21 at 31 March, those who returned home for 6 months or more (RHOM), and those gone abroad, deported or whose residence is not known (G, H, R) are left out.',
        LEAVERS_TEST,
      ),
      cla('Young people who died are left out.', LEAVERS_DIED_TEST),
      cla(
        'Deported and residence not known are left out of suitability only.',
        'leaves out deported and residence-not-known accommodation from suitability only',
      ),
    ],
    edgeCases: [
      cla('Year boundaries: the age is taken at 31 March.', LEAVERS_AGE_TEST),
      cla(
        'Missing field: without a date of birth on the OC3 row the header’s is used; with neither the young person is left out.',
        LEAVERS_DOB_TEST,
      ),
    ],
  },
  'care-leavers-eet': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: 'Care Leavers - Education, Employment & Training (EET) (%)',
    exclusions: [
      cla('Young people under 19 or over 21 at 31 March and RHOM are left out.', LEAVERS_TEST),
      cla('Young people who died are left out.', LEAVERS_DIED_TEST),
    ],
    edgeCases: [
      cla('Year boundaries: the age is taken at 31 March.', LEAVERS_AGE_TEST),
      cla('Missing field: no date of birth anywhere leaves the young person out.', LEAVERS_DOB_TEST),
    ],
  },
  'care-leavers-not-in-touch': {
    produced: true,
    release: CLA_RELEASE,
    laitEntry: 'Care Leavers - Local authority not in touch (%)',
    exclusions: [
      cla(
        'Only NO is not in touch: a young person who refused contact (REFU) is not; ages outside 19 to 21 and RHOM are left out.',
        LEAVERS_TEST,
      ),
      cla('Young people who died are left out.', LEAVERS_DIED_TEST),
    ],
    edgeCases: [cla('Year boundaries: the age is taken at 31 March.', LEAVERS_AGE_TEST)],
  },
  'care-leavers-staying-put': {
    produced: false,
    release: CLA_RELEASE,
    laitEntry: 'Care Leavers - Staying with their former foster carers (%)',
    why:
      'The group is young people who left a foster placement on their 18th birthday. For a 19 or 20 year ' +
      'old that happened one or two years before, so it is in earlier years’ returns, not in the one ' +
      'uploaded; the system does not keep child-level episodes from year to year.',
  },
  'sw-vacancy-rate': {
    produced: true,
    release: CSWW_RELEASE,
    laitEntry: 'Percentage of social worker vacancies',
    exclusions: [csww('Without the LA-level vacancy figure the rate is not produced.', ZERO_BASE_TEST)],
    edgeCases: [csww('Vacancies over vacancies plus FTE in post at 30 September.', WORKFORCE_TEST)],
  },
  'sw-turnover-rate': {
    produced: true,
    release: CSWW_RELEASE,
    laitEntry: 'Percentage rate of social worker turnover',
    exclusions: [csww('With no FTE in post there is no rate.', ZERO_BASE_TEST)],
    edgeCases: [
      csww('A leaver is an employed worker whose role ended in the year to 30 September.', WORKFORCE_TEST),
    ],
  },
  'sw-agency-rate': {
    produced: true,
    release: CSWW_RELEASE,
    laitEntry: 'Percentage of agency social workers',
    exclusions: [csww('Without the LA-level agency FTE the rate is not produced.', ZERO_BASE_TEST)],
    edgeCases: [csww('Agency FTE over agency plus employed FTE in post.', WORKFORCE_TEST)],
  },
  'sw-absence-rate': {
    produced: true,
    release: CSWW_RELEASE,
    laitEntry: 'Social Worker absence rate',
    exclusions: [csww('With no FTE in post there is no rate.', ZERO_BASE_TEST)],
    edgeCases: [csww('Days lost over FTE in post times 253 working days.', WORKFORCE_TEST)],
    limits: 'DfE uses 254 working days in a leap year; the 253 of a non-leap year is used for every year.',
  },
  'average-caseload': {
    produced: true,
    release: CSWW_RELEASE,
    laitEntry: 'Average number of cases per children and family social worker (based on FTE counts)',
    exclusions: [
      csww(
        'Case holders with an FTE of zero are left out of both the cases and the FTE; workers holding no cases are left out of the FTE.',
        'divides the cases of case holders with an FTE above zero by their FTE (DfE: FTE greater than zero)',
      ),
      csww(
        'Missing field: a case holder with no FTE is left out, with a note in the report.',
        'reports workers in post with no FTE, and case holders whose cases cannot be counted',
      ),
    ],
    edgeCases: [csww('Employed and agency case holders both count.', WORKFORCE_TEST)],
  },
};
