// Domain: SSDA903 rule 117 — adoption decisions are not after the year or after care ended. Catalogue fields:
// DATE_PLACED_CEASED DATE_PLACED DEC REC DECOM (Episodes, PlacedAdoption).
import type { Finding, Rule } from '../model.ts';
import { dateIn, episodesInOrder, finalCeasedEpisode, finding, rowsOf } from './support.ts';

const DECISION_DATES = ['DATE_PLACED', 'DATE_PLACED_CEASED'];

export const rule117: Rule = {
  code: '117',
  description:
    'A decision that the child should (or should no longer) be placed for adoption is dated after 31 March or after the child stopped being looked after.',
  tables: ['PlacedAdoption', 'Episodes'],
  fields: ['DATE_PLACED_CEASED', 'DATE_PLACED', 'DEC', 'REC', 'DECOM'],
  check(child, context) {
    const ceased = finalCeasedEpisode(episodesInOrder(child))?.dec ?? null;
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'PlacedAdoption'))
      for (const field of DECISION_DATES) {
        const day = dateIn(row, field);
        if (day !== null && (day > context.periodEnd || (ceased !== null && day > ceased)))
          findings.push(finding('117', child, row, field));
      }
    return findings;
  },
};
