// Domain: SSDA903 rule 359 — looked after past 18 only under section 20(5) in a community home. Catalogue
// fields: DEC LS PLACE (Episodes, Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, headerDob } from './support.ts';

export const rule359: Rule = rowRule({
  code: '359',
  description:
    'A young person still looked after after their 18th birthday must be accommodated under section 20(5) (V2) in a community home (K2).',
  table: 'Episodes',
  tables: ['Episodes', 'Header'],
  fields: ['DEC', 'LS', 'PLACE'],
  flagField: 'LS',
  fails: (row, child, context) => {
    if ((row.values.DEC ?? '') !== '') return false;
    if ((row.values.LS ?? '') === 'V2' && (row.values.PLACE ?? '') === 'K2') return false;
    const dob = headerDob(child);
    return dob !== null && addYears(dob, 18) < context.periodEnd;
  },
});
