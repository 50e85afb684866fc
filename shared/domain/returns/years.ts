// Domain: the collection years each return type is accepted for, decided once for the API (before anything is
// uploaded), the upload key and the ingestion.
import { cinYearLabel, FIRST_CIN_YEAR } from '../cin/schema.ts';
import { BANK_HOLIDAY_YEARS } from '../cin/working-days.ts';

export const FIRST_COLLECTION_YEAR = 2013;

/** CIN census years: the working-day rules need bank holidays for the census year and the one before. */
export const CIN_YEARS = { first: FIRST_CIN_YEAR, last: BANK_HOLIDAY_YEARS.last } as const;

/** A collection year as councils write it: 2026 is "2025/26" (April 2025 to March 2026). */
export function collectionYearLabel(collectionYear: number): string {
  return `${collectionYear - 1}/${String(collectionYear % 100).padStart(2, '0')}`;
}

export interface YearRange {
  readonly first: number;
  readonly last: number;
}

/** The years a return type (one of RETURN_TYPES) is accepted for today: never one that has not started. */
export function acceptedYears(returnType: string, now: Date): YearRange {
  const started = now.getUTCFullYear() + 1;
  if (returnType === 'cin') return { first: CIN_YEARS.first, last: Math.min(CIN_YEARS.last, started) };
  return { first: FIRST_COLLECTION_YEAR, last: started };
}

/** Why a year is refused for a return type, in a council officer's words, or undefined when it is accepted. */
export function yearRefusal(returnType: string, year: number, now: Date): string | undefined {
  const { first, last } = acceptedYears(returnType, now);
  if (Number.isInteger(year) && year >= first && year <= last) return undefined;
  if (returnType === 'cin') {
    return `CIN census returns are accepted for the census years ${cinYearLabel(first)} to ${cinYearLabel(last)}; ${cinYearLabel(year)} is outside them.`;
  }
  if (year > last) return `The ${year} collection year has not started yet.`;
  return `Returns are accepted for the collection years ${first} to ${last}; ${year} is outside them.`;
}
