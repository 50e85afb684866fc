// Domain: SSDA903 rule 441 — PN1–PN7 used for a child under 4. Catalogue fields: DOB REVIEW REVIEW_CODE.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, dobFor, hasReachedAge } from './support.ts';

export const rule441: Rule = rowRule({
  code: '441',
  description:
    'Participation is recorded as PN1–PN7 (child 4 or over) but the child was under 4 on the review date.',
  table: 'Reviews',
  fields: ['DOB', 'REVIEW', 'REVIEW_CODE'],
  flagField: 'REVIEW_CODE',
  fails: (row, child) => {
    const dob = dobFor(child, row);
    const review = daysOf(row).REVIEW ?? null;
    const code = row.values.REVIEW_CODE ?? '';
    return /^PN[1-7]$/.test(code) && dob !== null && review !== null && !hasReachedAge(dob, review, 4);
  },
});
