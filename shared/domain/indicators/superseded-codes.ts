// Domain: council codes that local government reorganisation retired, and what replaced them.
//
// Published files label each council by DfE number (old_la_code) and ONS code (new_la_code). Two kinds
// of change reach us:
// - a council replaced by one or more new councils with new DfE numbers (Dorset/BCP, Northamptonshire,
//   Cumbria). The old council's published history stays under its own number: its area differs from
//   each successor's, so its figures are not carried into a successor's trend;
// - a council that kept its DfE number but was given a new ONS code (Barnsley, Sheffield, North
//   Yorkshire, Somerset, Buckinghamshire). Its history continues under the same DfE number.
// The baseline builder refuses any code that is neither current nor listed here.

export interface SupersededCouncil {
  readonly kind: 'council';
  /** The retired DfE number. */
  readonly la: string;
  readonly ons: string;
  readonly name: string;
  /** DfE numbers of the councils that took over its area. */
  readonly successors: readonly string[];
  /** The day the successors took over (ISO date). */
  readonly effective: string;
  readonly note: string;
}

export interface SupersededOnsCode {
  readonly kind: 'ons-code';
  /** The DfE number, which did not change. */
  readonly la: string;
  readonly name: string;
  /** The retired ONS code, still printed in some published files. */
  readonly ons: string;
  /** The ONS code in use now. */
  readonly successor: string;
  readonly note: string;
}

export type SupersededCode = SupersededCouncil | SupersededOnsCode;

export const SUPERSEDED_CODES: readonly SupersededCode[] = [
  // Dorset, 1 April 2019: Bournemouth, Poole and Christchurch (a Dorset district) became
  // Bournemouth, Christchurch and Poole (839); the rest of the county became Dorset Council (838).
  // CIN and CLA figures for the year to 31 March 2019 are still published under 835-837.
  {
    kind: 'council',
    la: '835',
    ons: 'E10000009',
    name: 'Dorset (county council)',
    successors: ['838', '839'],
    effective: '2019-04-01',
    note: 'Christchurch went to Bournemouth, Christchurch and Poole; the remainder became Dorset Council.',
  },
  {
    kind: 'council',
    la: '836',
    ons: 'E06000029',
    name: 'Poole',
    successors: ['839'],
    effective: '2019-04-01',
    note: 'Merged into Bournemouth, Christchurch and Poole.',
  },
  {
    kind: 'council',
    la: '837',
    ons: 'E06000028',
    name: 'Bournemouth',
    successors: ['839'],
    effective: '2019-04-01',
    note: 'Merged into Bournemouth, Christchurch and Poole.',
  },
  // Northamptonshire, 1 April 2021: the county split into North (940) and West (941) Northamptonshire.
  // Children's services for both are run by one trust; the two file a joint workforce census.
  {
    kind: 'council',
    la: '928',
    ons: 'E10000021',
    name: 'Northamptonshire',
    successors: ['940', '941'],
    effective: '2021-04-01',
    note: 'CIN and CLA figures to 31 March 2021 are published under 928; workforce from September 2021 is joint 940/941.',
  },
  // Cumbria, 1 April 2023: the county split into Cumberland (942) and Westmorland and Furness (943).
  {
    kind: 'council',
    la: '909',
    ons: 'E10000006',
    name: 'Cumbria',
    successors: ['942', '943'],
    effective: '2023-04-01',
    note: 'CIN and CLA figures to 31 March 2023 are published under 909; workforce from September 2023 is per successor.',
  },
  // Same DfE number, new ONS code -------------------------------------------------------------------
  // Barnsley and Sheffield were given new ONS codes after a small boundary change between them; DfE's
  // CIN and CLA files still print the old codes.
  {
    kind: 'ons-code',
    la: '370',
    name: 'Barnsley',
    ons: 'E08000016',
    successor: 'E08000038',
    note: 'Recoded by ONS after a minor boundary change with Sheffield.',
  },
  {
    kind: 'ons-code',
    la: '373',
    name: 'Sheffield',
    ons: 'E08000019',
    successor: 'E08000039',
    note: 'Recoded by ONS after a minor boundary change with Barnsley.',
  },
  // North Yorkshire and Somerset, 1 April 2023: the county councils absorbed their districts and became
  // unitary councils with new ONS codes; the DfE numbers (815, 933) and the areas did not change.
  {
    kind: 'ons-code',
    la: '815',
    name: 'North Yorkshire',
    ons: 'E10000023',
    successor: 'E06000065',
    note: 'County council became a unitary council on 1 April 2023.',
  },
  {
    kind: 'ons-code',
    la: '933',
    name: 'Somerset',
    ons: 'E10000027',
    successor: 'E06000066',
    note: 'County council became a unitary council on 1 April 2023.',
  },
  // Buckinghamshire, 1 April 2020: the same change for Buckinghamshire (DfE number 825).
  {
    kind: 'ons-code',
    la: '825',
    name: 'Buckinghamshire',
    ons: 'E10000002',
    successor: 'E06000060',
    note: 'County council became a unitary council on 1 April 2020.',
  },
];

export function supersededCouncil(la: string): SupersededCouncil | undefined {
  return SUPERSEDED_CODES.find(
    (entry): entry is SupersededCouncil => entry.kind === 'council' && entry.la === la,
  );
}

/** True when `ons` is an ONS code this DfE number has carried, now retired. */
export function isRetiredOnsCodeOf(la: string, ons: string): boolean {
  return SUPERSEDED_CODES.some((entry) => entry.kind === 'ons-code' && entry.la === la && entry.ons === ons);
}

/** Councils that file one workforce census between them; DfE prints the pair as "314 / 318". */
export interface JointReturn {
  readonly councils: readonly [string, string];
  readonly sourceReturn: 'csww';
  readonly note: string;
}

export const JOINT_RETURNS: readonly JointReturn[] = [
  {
    councils: ['314', '318'],
    sourceReturn: 'csww',
    note: 'Kingston upon Thames and Richmond upon Thames file one workforce census through Achieving for Children.',
  },
  {
    councils: ['940', '941'],
    sourceReturn: 'csww',
    note: "North and West Northamptonshire file one workforce census through Northamptonshire Children's Trust.",
  },
];

/** The last day of a period: 31 March for CIN/SSDA903 periods, 30 September for the workforce census. */
function periodEndDate(period: number, endsInSeptember: boolean): string {
  return endsInSeptember ? `${period}-09-30` : `${period}-03-31`;
}

/**
 * Whether a council existed for a period: a successor exists once a period ends on or after the day it
 * took over; a retired council exists for periods that ended before that day. Councils untouched by
 * reorganisation always exist.
 */
export function councilExistedIn(la: string, period: number, endsInSeptember: boolean): boolean {
  const end = periodEndDate(period, endsInSeptember);
  const retired = supersededCouncil(la);
  if (retired) return end < retired.effective;
  const predecessor = SUPERSEDED_CODES.find(
    (entry): entry is SupersededCouncil => entry.kind === 'council' && entry.successors.includes(la),
  );
  if (predecessor) return end >= predecessor.effective;
  return true;
}
