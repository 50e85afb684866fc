// Domain: SSDA903 rule 392d — home and placement postcodes differ unless placed with parents. Catalogue fields:
// HOME_POST PL_POST PLACE (Episodes). Postcodes are compared without spaces or case.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';

const normalised = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

const isAsciiSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const asciiUpper = (code: number): number => (code >= 97 && code <= 122 ? code - 32 : code);

/**
 * Whether two postcodes are the same once spaces and case are set aside. Runs on every episode, so ASCII
 * text is compared in place, without making the normalised strings; other text goes the long way.
 */
export function samePostcode(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (true) {
    while (i < a.length && isAsciiSpace(a.charCodeAt(i))) i++;
    while (j < b.length && isAsciiSpace(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) break;
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x >= 0x80 || y >= 0x80) return normalised(a) === normalised(b);
    if (asciiUpper(x) !== asciiUpper(y)) return false;
    i++;
    j++;
  }
  // One has run out: the other must have nothing left but spaces (or text that only the long way can judge).
  for (; i < a.length; i++)
    if (!isAsciiSpace(a.charCodeAt(i))) return a.charCodeAt(i) >= 0x80 && normalised(a) === normalised(b);
  for (; j < b.length; j++)
    if (!isAsciiSpace(b.charCodeAt(j))) return b.charCodeAt(j) >= 0x80 && normalised(a) === normalised(b);
  return true;
}

export const rule392d: Rule = rowRule({
  code: '392d',
  description:
    'The home and placement postcodes are the same, which is only expected when the child is placed with parents (P1).',
  table: 'Episodes',
  fields: ['HOME_POST', 'PL_POST', 'PLACE'],
  flagField: 'PL_POST',
  fails: (row) => {
    const home = row.values.HOME_POST ?? '';
    return home !== '' && (row.values.PLACE ?? '') !== 'P1' && samePostcode(home, row.values.PL_POST ?? '');
  },
});
