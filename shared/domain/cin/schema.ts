// Domain: the structure of a CIN census XML file for a census year, written from the DfE XSDs
// (shared/reference/schemas/CIN_schema_2024.xsd for years up to 2024, CIN_schema_2026.xsd from 2025: the 2025
// census renamed GenderCurrent to Sex and narrowed yes/no flags to 0 and 1).
//
// Checked here: which elements may appear where, which are required, which may appear only once, and the
// types of dates, yes/no flags, counts and the two code lists no DfE rule covers (UPNunknown and
// AssessmentFactors). Code lists that DfE rules cover (sex, ethnicity, disability, referral source, need,
// closure reason, category of abuse) are left to those rules so each problem is reported once. The order of
// elements within a module is not checked. A pre-proceedings block is accepted anywhere in a child under the
// names councils' tools write (PRE_PROCEEDINGS_NAMES): the year's XSD does not define it, so its contents are
// checked by their form only (text outside its elements, and dates in elements named ...Date), and no
// census rule reads it.
import { parseIsoDate } from '../dates.ts';

export type LeafType = 'text' | 'date' | 'yesno' | 'count' | 'upnunknown' | 'factor' | 'gender';

export interface ElementSpec {
  readonly name: string;
  readonly required: boolean;
  readonly repeats: boolean;
  /** Leaf element: the type of its text. */
  readonly type?: LeafType;
  /** Container element: what it holds. */
  readonly children?: readonly ElementSpec[];
  /** Another year's name for this element, reported as misnamed rather than unknown. */
  readonly otherYearsName?: string;
}

export interface CinSchema {
  readonly collectionYear: number;
  /** "CIN_schema_2024.xsd" or "CIN_schema_2026.xsd". */
  readonly xsd: string;
  /** The element holding the child's sex this year. */
  readonly sexElement: 'Sex' | 'GenderCurrent';
  readonly yesNo: ReadonlySet<string>;
  readonly factors: ReadonlySet<string>;
  readonly child: ElementSpec;
  readonly header: ElementSpec;
}

const leaf = (name: string, type: LeafType, required = false, repeats = false): ElementSpec => ({
  name,
  type,
  required,
  repeats,
});
const group = (
  name: string,
  children: readonly ElementSpec[],
  required = false,
  repeats = false,
): ElementSpec => ({ name, children, required, repeats });

const FACTORS_2024 = [
  '1A',
  '1B',
  '1C',
  '2A',
  '2B',
  '2C',
  '3A',
  '3B',
  '3C',
  '4A',
  '4B',
  '4C',
  '5A',
  '5B',
  '5C',
  '6A',
  '6B',
  '6C',
  '7A',
  '8B',
  '8C',
  '8D',
  '8E',
  '8F',
  '9A',
  '10A',
  '11A',
  '12A',
  '13A',
  '14A',
  '15A',
  '16A',
  '17A',
  '18B',
  '18C',
  '19B',
  '19C',
  '20',
  '21',
  '22A',
  '23A',
  '24A',
];
/** The 2026 XSD keeps 18A and 19A so that rules 8945Q and 8950Q can query them. */
const FACTORS_2025 = [...FACTORS_2024, '18A', '19A'];

/** The first census year of the 2026 XSD's shape (Sex instead of GenderCurrent, yes/no as 0 or 1). */
export const SEX_FROM_YEAR = 2025;
export const FIRST_CIN_YEAR = 2013;

function childSpec(sexElement: 'Sex' | 'GenderCurrent'): ElementSpec {
  const otherName = sexElement === 'Sex' ? 'GenderCurrent' : 'Sex';
  return group(
    'Child',
    [
      group(
        'ChildIdentifiers',
        [
          leaf('LAchildID', 'text', true),
          leaf('UPN', 'text'),
          leaf('FormerUPN', 'text'),
          leaf('UPNunknown', 'upnunknown'),
          leaf('PersonBirthDate', 'date'),
          leaf('ExpectedPersonBirthDate', 'date'),
          // From 2024/25 rule 4180 checks Sex; GenderCurrent's codes (0, 1, 2, 9) are checked here.
          { ...leaf(sexElement, sexElement === 'Sex' ? 'text' : 'gender', true), otherYearsName: otherName },
          leaf('PersonDeathDate', 'date'),
        ],
        true,
      ),
      group(
        'ChildCharacteristics',
        [leaf('Ethnicity', 'text', true), group('Disabilities', [leaf('Disability', 'text', true, true)])],
        true,
      ),
      group(
        'CINdetails',
        [
          leaf('CINreferralDate', 'date', true),
          leaf('ReferralSource', 'text', true),
          leaf('PrimaryNeedCode', 'text'),
          leaf('CINclosureDate', 'date'),
          leaf('ReasonForClosure', 'text'),
          leaf('DateOfInitialCPC', 'date'),
          group(
            'Assessments',
            [
              leaf('AssessmentActualStartDate', 'date', true),
              leaf('AssessmentInternalReviewDate', 'date'),
              leaf('AssessmentAuthorisationDate', 'date'),
              group('FactorsIdentifiedAtAssessment', [leaf('AssessmentFactors', 'factor', false, true)]),
            ],
            false,
            true,
          ),
          group(
            'CINPlanDates',
            [leaf('CINPlanStartDate', 'date', true), leaf('CINPlanEndDate', 'date')],
            false,
            true,
          ),
          group(
            'Section47',
            [
              leaf('S47ActualStartDate', 'date', true),
              leaf('InitialCPCtarget', 'date'),
              leaf('DateOfInitialCPC', 'date'),
              leaf('ICPCnotRequired', 'yesno', true),
            ],
            false,
            true,
          ),
          leaf('ReferralNFA', 'yesno', true),
          group(
            'ChildProtectionPlans',
            [
              leaf('CPPstartDate', 'date', true),
              leaf('CPPendDate', 'date'),
              leaf('InitialCategoryOfAbuse', 'text', true),
              leaf('LatestCategoryOfAbuse', 'text', true),
              leaf('NumberOfPreviousCPP', 'count', true),
              group('Reviews', [leaf('CPPreviewDate', 'date', true, true)]),
            ],
            false,
            true,
          ),
        ],
        true,
        true,
      ),
    ],
    true,
    true,
  );
}

const HEADER = group('Header', [
  group('CollectionDetails', [
    leaf('Collection', 'text'),
    leaf('Year', 'text'),
    leaf('ReferenceDate', 'date'),
  ]),
  group(
    'Source',
    [
      leaf('SourceLevel', 'text'),
      leaf('LEA', 'text', true),
      leaf('SoftwareCode', 'text'),
      leaf('Release', 'text'),
      leaf('SerialNo', 'text'),
      leaf('DateTime', 'text'),
    ],
    false,
    true,
  ),
]);

/** The pre-proceedings (and family group decision making) block, as councils' tools name it. */
export const PRE_PROCEEDINGS_NAMES: ReadonlySet<string> = new Set([
  'PreProceedings',
  'PreProceedingsandFGDM',
  'PreProceedingsAndFGDM',
]);

/** Inside a pre-proceedings block, an element whose name ends in "Date" holds a date. */
export const isPreProceedingsDate = (name: string): boolean => name.endsWith('Date');

const cache = new Map<number, CinSchema>();

/** The structure a census year's file must have. */
export function cinSchemaForYear(collectionYear: number): CinSchema {
  let schema = cache.get(collectionYear);
  if (!schema) {
    const modern = collectionYear >= SEX_FROM_YEAR;
    const sexElement = modern ? 'Sex' : 'GenderCurrent';
    schema = {
      collectionYear,
      xsd: modern ? 'CIN_schema_2026.xsd' : 'CIN_schema_2024.xsd',
      sexElement,
      yesNo: new Set(modern ? ['0', '1'] : ['true', 'false', 'TRUE', 'FALSE', '0', '1']),
      factors: new Set(modern ? FACTORS_2025 : FACTORS_2024),
      child: childSpec(sexElement),
      header: HEADER,
    };
    cache.set(collectionYear, schema);
  }
  return schema;
}

/** "2024/25" for 2025. */
export const cinYearLabel = (year: number): string => `${year - 1}/${String(year).slice(2)}`;

const UPN_UNKNOWN = new Set(['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7']);
const COUNT = /^\d{1,4}$/;
const GENDER_CURRENT = new Set(['0', '1', '2', '9']);

/** Whether a leaf value has its type; '' (an empty element) is judged by whether the element is required. */
export function leafValueOk(type: LeafType, value: string, schema: CinSchema): boolean {
  switch (type) {
    case 'text':
      return true;
    case 'date':
      return parseIsoDate(value) !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'yesno':
      return schema.yesNo.has(value);
    case 'count':
      return COUNT.test(value);
    case 'upnunknown':
      return UPN_UNKNOWN.has(value);
    case 'factor':
      return schema.factors.has(value);
    case 'gender':
      return GENDER_CURRENT.has(value);
  }
}

/** Truthy yes/no values in either year's form. */
export const isYes = (value: string): boolean => value === '1' || value.toLowerCase() === 'true';
export const isNo = (value: string): boolean => value === '0' || value.toLowerCase() === 'false';
