// Domain: SSDA903 rule 392c — postcodes written as UK postcodes. Catalogue fields: HOME_POST PL_POST (Episodes).
//
// DfE checks each postcode against the ONS postcode directory, which cannot ship with the product; this checks
// the shape only: an outward code (A9, A99, AA9, AA99, A9A or AA9A), an optional space, and an inward code (9AA).
// A postcode of the right shape that does not exist is not caught.
import type { Finding, Rule } from '../model.ts';
import { finding, NO_FINDINGS, rowsOf } from './support.ts';

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Whether the text has the shape of a UK postcode, letters in either case: the regular expression
 * /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i, read character by character, since every episode has two.
 */
export function isUkPostcode(text: string): boolean {
  const length = text.length;
  if (length < 5 || length > 8) return false;
  // The inward code is the last three characters; a space may come before it.
  if (!isDigit(text.charCodeAt(length - 3)) || !isLetter(text.charCodeAt(length - 2))) return false;
  if (!isLetter(text.charCodeAt(length - 1))) return false;
  const outward = text.charCodeAt(length - 4) === 32 ? length - 4 : length - 3;
  // The outward code: A9, AA9, A9X or AA9X (X a letter or a digit).
  if (outward < 2 || outward > 4 || !isLetter(text.charCodeAt(0))) return false;
  const second = text.charCodeAt(1);
  if (outward === 2) return isDigit(second);
  const third = text.charCodeAt(2);
  if (outward === 3)
    return isLetter(second) ? isDigit(third) : isDigit(second) && (isLetter(third) || isDigit(third));
  const fourth = text.charCodeAt(3);
  return isLetter(second) && isDigit(third) && (isLetter(fourth) || isDigit(fourth));
}

/**
 * isUkPostcode for a child's home or placement postcode, remembering the last answer for each: a child's episodes
 * mostly repeat the same postcodes.
 */
class PostcodeShape {
  private lastText = '';
  private lastAnswer = false;

  isUkPostcode(text: string): boolean {
    if (text !== this.lastText) {
      this.lastAnswer = isUkPostcode(text);
      this.lastText = text;
    }
    return this.lastAnswer;
  }
}

const homeShape = new PostcodeShape();
const placementShape = new PostcodeShape();

export const rule392c: Rule = {
  code: '392c',
  description: 'The home or placement postcode is not written as a UK postcode (for example SW1A 1AA).',
  tables: ['Episodes'],
  fields: ['HOME_POST', 'PL_POST'],
  check(child) {
    let findings: Finding[] | null = null;
    const rows = rowsOf(child, 'Episodes');
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      const home = row.values.HOME_POST ?? '';
      if (home !== '' && !homeShape.isUkPostcode(home)) {
        findings ??= [];
        findings.push(finding('392c', child, row, 'HOME_POST'));
      }
      const placement = row.values.PL_POST ?? '';
      if (placement !== '' && !placementShape.isUkPostcode(placement)) {
        findings ??= [];
        findings.push(finding('392c', child, row, 'PL_POST'));
      }
    }
    return findings ?? NO_FINDINGS;
  },
};
