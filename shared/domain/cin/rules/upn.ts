// Domain: the parts of a UPN the CIN rules check: its check letter and the local authority number in it.
import { COUNCILS } from '../../councils.ts';
import { SUPERSEDED_CODES } from '../../indicators/superseded-codes.ts';

/** Check letters in order of the remainder (I, O and S are never used). */
export const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** Every local authority number a UPN may carry, current or superseded. */
export const LA_CODES: ReadonlySet<string> = new Set([
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
