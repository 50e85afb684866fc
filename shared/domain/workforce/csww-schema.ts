// Domain: the children's social work workforce census (CSWW) XML format, as a small model of
// shared/reference/schemas/CSWW_schema_2022.xsd: which elements may appear where, how often and in what order,
// and what each simple value must look like. The reader walks a file against this model as it streams.
//
// XSD shape: Message > Header? (CollectionDetails?, Source*), LALevelVacancies, CSWWWorker+ (siblings, in
// that order). "fractionDigits fixed=true value=N" means at most N decimal places.
import { parseIsoDate } from '../dates.ts';

export type ValueType =
  | {
      readonly kind: 'enum';
      readonly values: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'decimal';
      readonly decimals: number;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly kind: 'integer'; readonly min?: number }
  | { readonly kind: 'date' }
  | { readonly kind: 'year' }
  | { readonly kind: 'dateTime' }
  | { readonly kind: 'pattern'; readonly pattern: RegExp; readonly described: string }
  | { readonly kind: 'text' };

export interface ElementSpec {
  readonly name: string;
  readonly min: number;
  /** Infinity for unbounded. */
  readonly max: number;
  /** A simple element's value type. */
  readonly type?: ValueType;
  /** A complex element's children, in sequence order. */
  readonly children?: readonly ElementSpec[];
  /** Personal data: checked, never echoed in a report and never stored. */
  readonly personal?: boolean;
}

const el = (
  name: string,
  min: number,
  max: number,
  type?: ValueType,
  extra: Partial<ElementSpec> = {},
): ElementSpec => ({ name, min, max, ...(type ? { type } : {}), ...extra });
const group = (name: string, min: number, max: number, children: readonly ElementSpec[]): ElementSpec => ({
  name,
  min,
  max,
  children,
});

const YES_NO = { kind: 'enum', values: { '0': 'No', '1': 'Yes' } } as const;
const FTE: ValueType = { kind: 'decimal', decimals: 6, min: 0, max: 1 };
const TWO_DP: ValueType = { kind: 'decimal', decimals: 2 };
const ONE_DP: ValueType = { kind: 'decimal', decimals: 1 };

const ORG_ROLES: Readonly<Record<string, string>> = {
  '1': 'Senior manager',
  '2': 'Middle manager',
  '3': 'First line manager',
  '4': 'Senior practitioner',
  '5': 'Case holder',
  '6': 'Qualified without cases',
};

const REASONS_FOR_LEAVING: Readonly<Record<string, string>> = {
  '1': 'Resignation',
  '2': 'Voluntary redundancy',
  '3': 'Compulsory redundancy',
  '4': 'Dismissed',
  '5': 'Retired',
  '6': 'Deceased',
  '7': 'Moved to a non-child and family social work role within the council',
  '8': 'Other',
  '9': 'Not known',
  '10': 'Not yet collected',
};

const WORKER: readonly ElementSpec[] = [
  el('AgencyWorker', 1, 1, { kind: 'enum', values: { '0': 'Not an agency worker', '1': 'Agency worker' } }),
  el(
    'SWENo',
    1,
    1,
    { kind: 'pattern', pattern: /^[A-Za-z]{2}\d{10}$/, described: 'two letters followed by ten digits' },
    { personal: true },
  ),
  el('FTE', 0, 1, FTE),
  el('PersonBirthDate', 0, 1, { kind: 'date' }, { personal: true }),
  el('GenderCurrent', 0, 1, {
    kind: 'enum',
    values: { '0': 'Not known', '1': 'Male', '2': 'Female', '9': 'Not specified' },
  }),
  el('Ethnicity', 0, 1, {
    kind: 'enum',
    values: Object.fromEntries(
      'WBRI WIRI WOTH MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT'
        .split(' ')
        .map((code) => [code, code]),
    ),
  }),
  el('QualInst', 1, Infinity, { kind: 'text' }),
  el('QualLevel', 0, 1, {
    kind: 'enum',
    values: { '1': 'Undergraduate', '2': 'Postgraduate', '3': 'Other' },
  }),
  el('StepUpGrad', 0, 1, YES_NO),
  el('OrgRole', 0, 1, { kind: 'enum', values: ORG_ROLES }),
  el('RoleStartDate', 0, 1, { kind: 'date' }),
  el('StartOrigin', 0, 1, {
    kind: 'enum',
    values: Object.fromEntries(Array.from({ length: 10 }, (_, index) => [String(index + 1), ''])),
  }),
  el('RoleEndDate', 0, 1, { kind: 'date' }),
  el('LeaverDestination', 0, 1, {
    kind: 'enum',
    values: Object.fromEntries(Array.from({ length: 9 }, (_, index) => [String(index + 1), ''])),
  }),
  el('ReasonLeave', 0, 1, { kind: 'enum', values: REASONS_FOR_LEAVING }),
  el('FTE30', 0, 1, FTE),
  el('Cases30', 0, 1, { kind: 'integer' }),
  el('WorkingDaysLost', 0, 1, TWO_DP),
  el('ContractWeeks', 0, Infinity, ONE_DP),
  el('FrontlineGrad', 0, 1, YES_NO),
  el('Absat30Sept', 0, Infinity, YES_NO),
  el('ReasonAbsence', 0, Infinity, {
    kind: 'enum',
    values: Object.fromEntries('MAT OTH PUB SIC TRN UNA UNP'.split(' ').map((code) => [code, code])),
  }),
  el('CFKSSstatus', 0, Infinity, {
    kind: 'enum',
    values: {
      '1': 'ASYE',
      '2': 'Frontline practitioner',
      '3': 'Practice supervisor',
      '4': 'Practice leader',
    },
  }),
];

export const CSWW_ROOT: ElementSpec = group('Message', 1, 1, [
  group('Header', 0, 1, [
    group('CollectionDetails', 0, 1, [
      el('Collection', 0, 1, { kind: 'enum', values: { CSWW: 'CSWW' } }),
      el('Year', 0, 1, { kind: 'year' }),
      el('ReferenceDate', 0, 1, { kind: 'date' }),
    ]),
    group('Source', 0, Infinity, [
      el('SourceLevel', 0, 1, { kind: 'enum', values: { L: 'L' } }),
      el('LEA', 1, 1, {
        kind: 'pattern',
        pattern: /^\d{3}$/,
        described: 'the council’s three-digit DfE number',
      }),
      el('SoftwareCode', 0, 1, { kind: 'text' }),
      el('DateTime', 0, 1, { kind: 'dateTime' }),
    ]),
  ]),
  group('LALevelVacancies', 1, 1, [
    el('NumberOfVacancies', 1, 1, TWO_DP),
    el('NoAgencyFTE', 1, 1, TWO_DP),
    el('NoAgencyHeadcount', 1, 1, { kind: 'integer' }),
  ]),
  group('CSWWWorker', 1, Infinity, WORKER),
]);

const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** What a value of the type must look like, in words for a council data officer. */
export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'enum': {
      const codes = Object.entries(type.values).map(([code, label]) =>
        label && label !== code ? `${code} (${label})` : code,
      );
      return codes.length > 12
        ? `one of the codes ${Object.keys(type.values).join(', ')}`
        : `one of ${codes.join(', ')}`;
    }
    case 'decimal': {
      const range =
        type.min !== undefined && type.max !== undefined ? ` from ${type.min} to ${type.max}` : '';
      return `a number${range} with at most ${type.decimals} decimal place${type.decimals === 1 ? '' : 's'}`;
    }
    case 'integer':
      return 'a whole number';
    case 'date':
      return 'a date written yyyy-mm-dd';
    case 'year':
      return 'a year such as 2025';
    case 'dateTime':
      return 'a date and time such as 2025-10-14T09:30:00';
    case 'pattern':
      return type.described;
    case 'text':
      return 'some text';
  }
}

/** Whether a trimmed value is valid for the type. */
export function isValidValue(type: ValueType, value: string): boolean {
  switch (type.kind) {
    case 'enum':
      return Object.hasOwn(type.values, value);
    case 'decimal': {
      const match = DECIMAL.exec(value);
      if (!match || (match[2]?.length ?? 0) > type.decimals) return false;
      const number = Number(value);
      return (
        Number.isFinite(number) &&
        (type.min === undefined || number >= type.min) &&
        (type.max === undefined || number <= type.max)
      );
    }
    case 'integer':
      return INTEGER.test(value) && (type.min === undefined || Number(value) >= type.min);
    case 'date':
      return parseIsoDate(value) !== null;
    case 'year':
      return /^\d{4}$/.test(value);
    case 'dateTime':
      return DATE_TIME.test(value) && parseIsoDate(value.slice(0, 10)) !== null;
    case 'pattern':
      return type.pattern.test(value);
    case 'text':
      return value.length > 0;
  }
}
