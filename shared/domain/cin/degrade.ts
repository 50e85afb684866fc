// Domain: what of a CIN census child leaves ingest (docs/data-model.md), as rows of the curated extract's tables.
// The LA child ID becomes the council-keyed pseudonym (so a child links across years within a council),
// dates of birth, expected birth and death become the first of their month, and UPN, former UPN and any
// free text are dropped. Only the columns named here are written.
import { formatIsoDay, parseIsoDate } from '../dates.ts';
import { eighteenthBirthday, firstOfMonth, pseudonymiseChild, revealsBirthday } from '../privacy.ts';
import type { CinChild } from './model.ts';

export const CIN_CURATED_TABLES = {
  Children: [
    'ChildKey',
    'BirthMonth',
    'ExpectedBirthMonth',
    'DeathMonth',
    'Sex',
    'Ethnicity',
    'Disabilities',
    'UPNunknown',
  ],
  CINdetails: [
    'ChildKey',
    'Episode',
    'CINreferralDate',
    'ReferralSource',
    'PrimaryNeedCode',
    'CINclosureDate',
    'ReasonForClosure',
    'DateOfInitialCPC',
    'ReferralNFA',
  ],
  Assessments: [
    'ChildKey',
    'Episode',
    'AssessmentActualStartDate',
    'AssessmentInternalReviewDate',
    'AssessmentAuthorisationDate',
    'AssessmentFactors',
  ],
  CINPlanDates: ['ChildKey', 'Episode', 'CINPlanStartDate', 'CINPlanEndDate'],
  Section47: [
    'ChildKey',
    'Episode',
    'S47ActualStartDate',
    'InitialCPCtarget',
    'DateOfInitialCPC',
    'ICPCnotRequired',
  ],
  ChildProtectionPlans: [
    'ChildKey',
    'Episode',
    'CPPstartDate',
    'CPPendDate',
    'InitialCategoryOfAbuse',
    'LatestCategoryOfAbuse',
    'NumberOfPreviousCPP',
    'CPPreviewDates',
  ],
} as const;

export type CinCuratedTable = keyof typeof CIN_CURATED_TABLES;

export interface CinDegradedRow {
  readonly table: CinCuratedTable;
  readonly values: readonly string[];
}

/** The first of the month of an ISO date; '' when blank or not a date (never the full date). */
export function monthOf(text: string): string {
  const day = text === '' ? null : parseIsoDate(text);
  return day === null ? '' : formatIsoDay(firstOfMonth(day));
}

/** A date kept as an event date: only a well-formed date passes (anything else could be free text). */
const dateOnly = (text: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && parseIsoDate(text) !== null ? text : '';
/** A code kept as is: short, letters, digits and a few separators only. */
const codeOnly = (text: string): string => (/^[A-Za-z0-9 ._-]{0,12}$/.test(text) ? text : '');

/** The child's key: a keyed hash of the LA child ID ('' when there is none: such a child cannot be linked). */
export function childKey(child: CinChild, councilKey: Buffer): string {
  return child.laChildId === '' ? '' : pseudonymiseChild(child.laChildId, councilKey);
}

/** Event dates of one child: well-formed only, and to the month when within a day of the 18th birthday. */
function eventDates(birthDate: string): (text: string) => string {
  const dob = birthDate === '' ? null : parseIsoDate(birthDate);
  const eighteenth = dob === null ? null : eighteenthBirthday(dob);
  return (text) => {
    const kept = dateOnly(text);
    if (kept === '' || eighteenth === null) return kept;
    return revealsBirthday(parseIsoDate(kept)!, eighteenth) ? monthOf(kept) : kept;
  };
}

export function degradeCinChild(child: CinChild, key: string): CinDegradedRow[] {
  const date = eventDates(child.birthDate);
  const rows: CinDegradedRow[] = [
    {
      table: 'Children',
      values: [
        key,
        monthOf(child.birthDate),
        monthOf(child.expectedBirthDate),
        monthOf(child.deathDate),
        codeOnly(child.sex),
        codeOnly(child.ethnicity),
        (child.disabilities ?? []).map(codeOnly).join(' '),
        codeOnly(child.upnUnknown),
      ],
    },
  ];
  child.episodes.forEach((episode, index) => {
    const number = String(index + 1);
    rows.push({
      table: 'CINdetails',
      values: [
        key,
        number,
        date(episode.referralDate),
        codeOnly(episode.referralSource),
        codeOnly(episode.primaryNeed),
        date(episode.closureDate),
        codeOnly(episode.closureReason),
        date(episode.icpcDate),
        codeOnly(episode.referralNfa),
      ],
    });
    for (const item of episode.assessments)
      rows.push({
        table: 'Assessments',
        values: [
          key,
          number,
          date(item.start),
          date(item.internalReview),
          date(item.authorised),
          (item.factors ?? []).map(codeOnly).join(' '),
        ],
      });
    for (const item of episode.cinPlans)
      rows.push({ table: 'CINPlanDates', values: [key, number, date(item.start), date(item.end)] });
    for (const item of episode.section47)
      rows.push({
        table: 'Section47',
        values: [
          key,
          number,
          date(item.start),
          date(item.icpcTarget),
          date(item.icpcDate),
          codeOnly(item.icpcNotRequired),
        ],
      });
    for (const item of episode.protectionPlans)
      rows.push({
        table: 'ChildProtectionPlans',
        values: [
          key,
          number,
          date(item.start),
          date(item.end),
          codeOnly(item.initialCategory),
          codeOnly(item.latestCategory),
          codeOnly(item.previousPlans),
          (item.reviews ?? []).map(dateOnly).filter(Boolean).join(' '),
        ],
      });
  });
  return rows;
}
