// Domain: SSDA903 rule 378 — placed with parents under section 20. Catalogue fields: PLACE LS (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const WITH_PARENTS = codeSet('PLACE', ['P1']);
export const rule378: Rule = rowRule({
  code: '378',
  description:
    'A child placed with parents (P1) cannot be looked after under a single period of accommodation under section 20 (V2).',
  table: 'Episodes',
  fields: ['PLACE', 'LS'],
  flagField: 'LS',
  when: WITH_PARENTS,
  fails: (row) => (row.values.PLACE ?? '') === 'P1' && (row.values.LS ?? '') === 'V2',
});
