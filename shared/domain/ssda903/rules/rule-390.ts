// Domain: SSDA903 rule 390 — adopted only from a placement for adoption. Catalogue fields: PLACE REC (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';

const ADOPTED = ['E11', 'E12'];
const PLACED_FOR_ADOPTION = ['A3', 'A4', 'A5', 'A6'];

export const rule390: Rule = rowRule({
  code: '390',
  description:
    'The episode ended in adoption, but the child was not placed for adoption (A3 to A6) in that episode.',
  table: 'Episodes',
  fields: ['PLACE', 'REC'],
  flagField: 'REC',
  fails: (row) =>
    ADOPTED.includes(row.values.REC ?? '') && !PLACED_FOR_ADOPTION.includes(row.values.PLACE ?? ''),
});
