// Domain: SSDA903 rule 376 — cover for a foster carer's holiday at most three weeks. Catalogue fields:
// DECOM PLACE (Episodes). T3 is the placement code for the usual foster carer's holiday (T2 is another
// temporary placement, not in scope).
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule376: Rule = maximumSpellRule({
  code: '376',
  description:
    "A temporary placement covering the usual foster carer's holiday (T3) lasted more than three weeks.",
  field: 'PLACE',
  codes: ['T3'],
  maxDays: 21,
});
