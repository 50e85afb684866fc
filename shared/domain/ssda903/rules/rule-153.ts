// Domain: SSDA903 rule 153 — care leaver items all or none. Catalogue fields: IN_TOUCH ACTIV ACCOM (OC3).
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, val } from './support.ts';

const ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'];

/** Points at each blank item on a row where some items are filled. */
export const rule153: Rule = {
  code: '153',
  description:
    "The care leaver's contact, activity and accommodation must all be completed or all left blank.",
  tables: ['OC3'],
  fields: ITEMS,
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'OC3')) {
      const blanks = ITEMS.filter((field) => val(row, field) === '');
      if (blanks.length > 0 && blanks.length < ITEMS.length) {
        for (const field of blanks) findings.push(finding('153', child, row, field));
      }
    }
    return findings;
  },
};
