// Domain: SSDA903 rule 347 — no Foyer for care leavers under 18. Catalogue fields: PLACE DEC URN (the catalogue's
// list); the check reads ACCOM and DOB in OC3. Last defined 2023/24, the first version we hold.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dobFor, hasReachedAge } from './support.ts';

export const rule347: Rule = rowRule({
  code: '347',
  description: 'A care leaver who was under 18 when the year began cannot be recorded as living in a Foyer.',
  table: 'OC3',
  fields: ['ACCOM'],
  flagField: 'ACCOM',
  fails: (row, child, context) => {
    if ((row.values.ACCOM ?? '') !== 'T') return false;
    const dob = dobFor(child, row);
    return dob !== null && !hasReachedAge(dob, context.periodStart, 18);
  },
});
