// Domain: SSDA903 rule 408 — a placement for adoption with a placement order needs that legal status. Catalogue
// fields: PLACE LS (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

/** Placed for adoption with a placement order (with or without the current foster carer). */
const PLACED_UNDER_ORDER = codeSet('PLACE', ['A5', 'A6']);

export const rule408: Rule = rowRule({
  code: '408',
  description:
    'The child is placed for adoption with a placement order (A5 or A6), but the legal status is not a placement order (E1).',
  table: 'Episodes',
  fields: ['PLACE', 'LS'],
  flagField: 'LS',
  when: PLACED_UNDER_ORDER,
  fails: (row) => PLACED_UNDER_ORDER.has(row.values.PLACE ?? '') && (row.values.LS ?? '') !== 'E1',
});
