// Domain: SSDA903 rule 390 — adopted only from a placement for adoption. Catalogue fields: PLACE REC (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const ADOPTED = codeSet('REC', ['E11', 'E12']);
const PLACED_FOR_ADOPTION = codeSet('PLACE', ['A3', 'A4', 'A5', 'A6']);

export const rule390: Rule = rowRule({
  code: '390',
  description:
    'The episode ended in adoption, but the child was not placed for adoption (A3 to A6) in that episode.',
  table: 'Episodes',
  fields: ['PLACE', 'REC'],
  flagField: 'REC',
  when: ADOPTED,
  fails: (row) => ADOPTED.has(row.values.REC ?? '') && !PLACED_FOR_ADOPTION.has(row.values.PLACE ?? ''),
});
