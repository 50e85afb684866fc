// Domain: CIN rules on ChildIdentifiers and ChildCharacteristics (one rule per constant).
import { COUNCILS } from '../../councils.ts';
import { SUPERSEDED_CODES } from '../../indicators/superseded-codes.ts';
import {
  addYears,
  CLOSED_AFTER_ASSESSMENT,
  cinRule,
  DISABILITY,
  day,
  ETHNICITY,
  inPeriod,
  isNo,
} from './helpers.ts';

const IDS = 'ChildIdentifiers';
const TRAITS = 'ChildCharacteristics';
const DISABILITIES = 'Disabilities';

/** Check letters in order of the remainder (I, O and S are never used). */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const LA_CODES = new Set([
  ...COUNCILS.map((council) => council.la),
  ...SUPERSEDED_CODES.map((code) => code.la),
]);

/**
 * The check letter of a UPN: characters 2 to 13 weighted 2 to 13, summed, remainder on division by 23 (a
 * letter in position 13 counts as its place in CHECK_LETTERS). null when characters 2 to 13 cannot be scored.
 */
export function upnCheckLetter(upn: string): string | null {
  if (upn.length !== 13) return null;
  let sum = 0;
  for (let position = 2; position <= 13; position++) {
    const char = upn[position - 1]!.toUpperCase();
    let worth: number;
    if (/\d/.test(char)) worth = Number(char);
    else if (position === 13 && CHECK_LETTERS.includes(char)) worth = CHECK_LETTERS.indexOf(char);
    else return null;
    sum += worth * position;
  }
  return CHECK_LETTERS[sum % 23]!;
}

export const rule8500 = cinRule('8500', IDS, 'The LA child ID is missing.', (child, _context, emit) => {
  if (child.laChildId === '') emit(child.line, 'LAchildID', '');
});

export const rule1570 = cinRule(
  '1570',
  IDS,
  'The LA child ID is longer than 20 characters.',
  (child, _context, emit) => {
    if (child.laChildId.length > 20) emit(child.line, 'LAchildID', child.laChildId);
  },
);

export const rule1580 = cinRule(
  '1580',
  IDS,
  'The LA child ID may hold only letters and digits.',
  (child, _context, emit) => {
    if (/[^A-Za-z0-9]/.test(child.laChildId)) emit(child.line, 'LAchildID', child.laChildId);
  },
);

export const rule1510 = cinRule(
  '1510',
  IDS,
  'The UPN’s first character is not the check letter its other characters give.',
  (child, _context, emit) => {
    const expected = upnCheckLetter(child.upn);
    if (expected !== null && child.upn[0]!.toUpperCase() !== expected) emit(child.line, 'UPN', child.upn);
  },
);

export const rule1530 = cinRule(
  '1530',
  IDS,
  'Characters 2 to 4 of the UPN are not a local authority number.',
  (child, _context, emit) => {
    if (child.upn !== '' && !LA_CODES.has(child.upn.slice(1, 4))) emit(child.line, 'UPN', child.upn);
  },
);

export const rule1540 = cinRule(
  '1540',
  IDS,
  'Characters 5 to 12 of the UPN must all be digits.',
  (child, _context, emit) => {
    if (child.upn !== '' && !/^\d{8}$/.test(child.upn.slice(4, 12))) emit(child.line, 'UPN', child.upn);
  },
);

export const rule1550 = cinRule(
  '1550',
  IDS,
  'Character 13 of the UPN must be a digit or a letter other than I, O and S.',
  (child, _context, emit) => {
    if (child.upn === '') return;
    const last = child.upn.length === 13 ? child.upn[12]!.toUpperCase() : '';
    if (!/\d/.test(last) && !CHECK_LETTERS.includes(last)) emit(child.line, 'UPN', child.upn);
  },
);

export const rule1560Q = cinRule(
  '1560Q',
  IDS,
  'The former UPN is not in the UPN format (a letter, 11 digits, then a digit or letter).',
  (child, _context, emit) => {
    if (child.formerUpn !== '' && !/^[A-Za-z]\d{11}[0-9A-Za-z]$/.test(child.formerUpn))
      emit(child.line, 'FormerUPN', child.formerUpn);
  },
);

export const rule4180 = cinRule('4180', IDS, 'Sex must be given as M, F or U.', (child, _context, emit) => {
  if (!['M', 'F', 'U'].includes(child.sex)) emit(child.line, 'Sex', child.sex);
});

export const rule8750 = cinRule(
  '8750',
  IDS,
  'An unborn child (expected date of birth, no date of birth) must have sex U.',
  (child, _context, emit) => {
    if (child.birthDate === '' && child.expectedBirthDate !== '' && child.sex !== 'U')
      emit(child.line, 'Sex', child.sex);
  },
);

export const rule8520 = cinRule(
  '8520',
  IDS,
  'The date of birth is after the end of the census year.',
  (child, context, emit) => {
    const birth = day(child.birthDate);
    if (birth !== null && birth > context.periodEnd) emit(child.line, 'PersonBirthDate', child.birthDate);
  },
);

export const rule8525Q = cinRule(
  '8525Q',
  IDS,
  'Give either the date of birth or the expected date of birth, not both and not neither.',
  (child, _context, emit) => {
    if ((child.birthDate === '') === (child.expectedBirthDate === ''))
      emit(child.line, 'PersonBirthDate', child.birthDate);
  },
);

export const rule8530Q = cinRule(
  '8530Q',
  IDS,
  'The expected date of birth should fall between March and December of the year the census ends.',
  (child, context, emit) => {
    const expected = day(child.expectedBirthDate);
    if (expected === null) return;
    const year = context.collectionYear;
    if (child.expectedBirthDate < `${year}-03-01` || child.expectedBirthDate > `${year}-12-31`)
      emit(child.line, 'ExpectedPersonBirthDate', child.expectedBirthDate);
  },
);

export const rule8535Q = cinRule(
  '8535Q',
  IDS,
  'The date of death is before the date of birth.',
  (child, _context, emit) => {
    const birth = day(child.birthDate);
    const death = day(child.deathDate);
    if (birth !== null && death !== null && death < birth)
      emit(child.line, 'PersonDeathDate', child.deathDate);
  },
);

export const rule8545Q = cinRule(
  '8545Q',
  IDS,
  'The date of death should fall within the census year.',
  (child, context, emit) => {
    const death = day(child.deathDate);
    if (death !== null && !inPeriod(death, context)) emit(child.line, 'PersonDeathDate', child.deathDate);
  },
);

export const rule8775Q = cinRule(
  '8775Q',
  IDS,
  'The child is over 25 years old at the end of the census year.',
  (child, context, emit) => {
    const birth = day(child.birthDate);
    if (birth !== null && addYears(birth, 25) < context.periodEnd)
      emit(child.line, 'PersonBirthDate', child.birthDate);
  },
);

export const rule8772 = cinRule(
  '8772',
  IDS,
  'UPN unknown reason UN7 (referral with no further action) is given, but a referral went on to further action.',
  (child, _context, emit) => {
    if (child.upnUnknown === 'UN7' && child.episodes.some((episode) => isNo(episode.referralNfa)))
      emit(child.line, 'UPNunknown', child.upnUnknown);
  },
);

export const rule8590 = cinRule(
  '8590',
  IDS,
  'The child has no CINdetails (CIN episode).',
  (child, _context, emit) => {
    if (child.episodes.length === 0) emit(child.line, 'CINdetails', '');
  },
);

export const rule8555Q = cinRule(
  '8555Q',
  'CINdetails',
  'A referral is dated after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral !== null && referral > death) emit(episode.line, 'CINreferralDate', episode.referralDate);
    }
  },
);

export const rule8585Q = cinRule(
  '8585Q',
  'CINdetails',
  'An episode closed with reason RC2 (the child died), but the child has no date of death.',
  (child, _context, emit) => {
    if (child.deathDate !== '') return;
    for (const episode of child.episodes)
      if (episode.closureReason === 'RC2') emit(episode.line, 'ReasonForClosure', episode.closureReason);
  },
);

export const rule4220 = cinRule(
  '4220',
  TRAITS,
  'Ethnicity is missing or not a code in the ethnicity list.',
  (child, _context, emit) => {
    if (!ETHNICITY.has(child.ethnicity)) emit(child.line, 'Ethnicity', child.ethnicity);
  },
);

export const rule8540 = cinRule(
  '8540',
  DISABILITIES,
  'A disability is blank or not a code in the disability list.',
  (child, _context, emit) => {
    for (const code of child.disabilities ?? [])
      if (!DISABILITY.has(code)) emit(child.line, 'Disability', code);
  },
);

export const rule8790 = cinRule(
  '8790',
  DISABILITIES,
  'Disabilities list NONE together with other codes.',
  (child, _context, emit) => {
    const codes = child.disabilities ?? [];
    if (codes.includes('NONE') && codes.some((code) => code !== 'NONE'))
      emit(child.line, 'Disability', 'NONE');
  },
);

export const rule8794 = cinRule(
  '8794',
  DISABILITIES,
  'The same disability code is given twice.',
  (child, _context, emit) => {
    const codes = child.disabilities ?? [];
    const seen = new Set<string>();
    for (const code of codes) {
      if (seen.has(code)) emit(child.line, 'Disability', code);
      seen.add(code);
    }
  },
);

export const rule8825Q = cinRule(
  '8825Q',
  'CINdetails',
  'Closure reason RC8 or RC9 (closed after assessment) is given, but the episode has no assessment.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (CLOSED_AFTER_ASSESSMENT.has(episode.closureReason) && episode.assessments.length === 0)
        emit(episode.line, 'ReasonForClosure', episode.closureReason);
  },
);
