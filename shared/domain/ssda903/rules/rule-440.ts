// Domain: SSDA903 rule 440 — PN0 (under 4) used for a child of 4 or over. Catalogue fields:
// DOB REVIEW REVIEW_CODE (Reviews).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, dobFor, hasReachedAge } from './support.ts';

export const rule440: Rule = rowRule({
  code: '440',
  description: 'Participation is PN0 (child under 4) but the child was 4 or over on the review date.',
  table: 'Reviews',
  fields: ['DOB', 'REVIEW', 'REVIEW_CODE'],
  flagField: 'REVIEW_CODE',
  fails: (row, child) => {
    const dob = dobFor(child, row);
    const review = daysOf(row).REVIEW ?? null;
    return (
      (row.values.REVIEW_CODE ?? '') === 'PN0' &&
      dob !== null &&
      review !== null &&
      hasReachedAge(dob, review, 4)
    );
  },
});
