// Domain: SSDA903 rule 516 — staying put with former foster carers needs a foster placement. Catalogue fields:
// REC PLACE (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

/** Ceased: moved to, or stayed with, former foster carers ("staying put"). */
const STAYING_PUT = codeSet('REC', ['E45', 'E46']);
const FOSTER_PLACEMENTS = codeSet('PLACE', ['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

export const rule516: Rule = rowRule({
  code: '516',
  description:
    'The episode ended with the young person staying with former foster carers (E45 or E46), but it was not a foster placement (U1 to U6).',
  table: 'Episodes',
  fields: ['REC', 'PLACE'],
  flagField: 'REC',
  when: STAYING_PUT,
  fails: (row) => STAYING_PUT.has(row.values.REC ?? '') && !FOSTER_PLACEMENTS.has(row.values.PLACE ?? ''),
});
