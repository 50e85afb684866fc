// Domain: SSDA903 rule 379 — an unspecified temporary placement at most seven days. Catalogue fields:
// DECOM PLACE (Episodes).
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule379: Rule = maximumSpellRule({
  code: '379',
  description: 'A temporary placement for another reason (T4) lasted more than seven days.',
  field: 'PLACE',
  codes: ['T4'],
  maxDays: 7,
});
