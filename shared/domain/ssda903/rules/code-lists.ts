// Domain: SSDA903 code lists by collection year, from the project schemas (SSDA903_schema_2024.yml plus the
// 2025 and 2026 diffs). A schema year is the collection year it applies to (2025 = 2024/25 return).
import { SW_REASON } from '../schema.ts';

export const SEX_CODES_UNTIL_2024: readonly string[] = ['1', '2'];
/** 2025 schema diff: SEX becomes M/F/U in Header (UASC accepts 1/2 as aliases). */
export const SEX_CODES_FROM_2025: readonly string[] = ['M', 'F', 'U'];

export { ETHNIC_CODES } from '../../ethnicity.ts';

export const RNE_CODES: readonly string[] = ['S', 'L', 'P', 'T', 'B', 'U'];

export const LS_CODES: readonly string[] = [
  'C1',
  'C2',
  'D1',
  'E1',
  'V2',
  'V3',
  'V4',
  'L1',
  'L2',
  'L3',
  'J1',
  'J2',
  'J3',
];

export const CIN_CODES: readonly string[] = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'];

const PLACE_CODES_COMMON: readonly string[] = [
  'A3',
  'A4',
  'A5',
  'A6',
  'K1',
  'K2',
  'P1',
  'P3',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
  'Z1',
];
/** Schema 2024: includes H5 (semi-independent living) and P2 (independent living). */
export const PLACE_CODES_UNTIL_2024: readonly string[] = [...PLACE_CODES_COMMON, 'H5', 'P2'];
/** Schema 2025 diff: K3 (supported accommodation) added; H5 and P2 removed. */
export const PLACE_CODES_2025: readonly string[] = [...PLACE_CODES_COMMON, 'K3'];
/**
 * Schema 2026 diff: Z11–Z14 added. They replace Z1, which the diff still lists but DfE's 2025/26 code list and
 * rule 178 do not: Z1 is not a placement code from 2025/26.
 */
export const PLACE_CODES_FROM_2026: readonly string[] = [
  ...PLACE_CODES_2025.filter((place) => place !== 'Z1'),
  'Z11',
  'Z12',
  'Z13',
  'Z14',
];

export const PLACE_PROVIDER_CODES: readonly string[] = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'];

export const REC_CODES: readonly string[] = [
  'X1',
  'E11',
  'E12',
  'E2',
  'E3',
  'E4A',
  'E4B',
  'E13',
  'E41',
  'E45',
  'E46',
  'E47',
  'E48',
  'E5',
  'E6',
  'E7',
  'E9',
  'E14',
  'E15',
  'E16',
  'E17',
  'E8',
];

export const REASON_PLACE_CHANGE_CODES: readonly string[] = [
  'CARPL',
  'CLOSE',
  'ALLEG',
  'STAND',
  'APPRR',
  'CREQB',
  'CREQO',
  'CHILD',
  'LAREQ',
  'PLACE',
  'CUSTOD',
  'OTHER',
];

export const MISSING_CODES: readonly string[] = ['M', 'A'];

export const REVIEW_CODES: readonly string[] = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'];

export const IN_TOUCH_CODES: readonly string[] = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'];

export const ACTIV_CODES: readonly string[] = [
  'F1',
  'P1',
  'F2',
  'P2',
  'F4',
  'P4',
  'F5',
  'P5',
  'G4',
  'G5',
  'G6',
  '0',
];

export const ACCOM_CODES: readonly string[] = [
  ...['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'].flatMap((letter) => [
    `${letter}1`,
    `${letter}2`,
  ]),
  '0',
];

export const SDQ_REASON_CODES: readonly string[] = ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'];

export const FOSTER_CARE_CODES: readonly string[] = ['0', '1'];
export const NB_ADOPTR_CODES: readonly string[] = ['1', '2'];
export const SEX_ADOPTR_CODES: readonly string[] = ['M1', 'F1', 'MM', 'FF', 'MF'];
export const LS_ADOPTR_CODES: readonly string[] = ['L0', 'L11', 'L12', 'L2', 'L3', 'L4'];

export const REASON_PLACED_CEASED_CODES: readonly string[] = ['RD1', 'RD2', 'RD3', 'RD4'];

export const PREV_PERM_CODES: readonly string[] = ['P1', 'P2', 'P3', 'P4', 'Z1'];

/** The schema lists "PCCHAN " with a stray trailing space; uploaded values are trimmed, so PCCHAN is meant. */
export const SW_REASON_CODES: readonly string[] = SW_REASON;
