// Domain: SSDA903 rule 203 — date of birth differs from last year's return. Catalogue fields: DOB (Header,
// Header_last); last defined 2022/23.
import { parseUkDate } from '../../dates.ts';
import type { Rule } from '../model.ts';
import { unchangedHeaderRule } from './last-year.ts';

export const rule203: Rule = unchangedHeaderRule({
  code: '203',
  description: 'Date of birth is not the same as in last year’s return for this child.',
  field: 'DOB',
  // "1/6/2012" and "01/06/2012" are the same day; text that is not a date is compared as written.
  same: (now, last) => {
    const a = parseUkDate(now);
    const b = parseUkDate(last);
    return a !== null && b !== null ? a === b : now === last;
  },
});
