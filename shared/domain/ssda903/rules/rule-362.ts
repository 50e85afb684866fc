// Domain: SSDA903 rule 362 — an emergency protection order lasts at most 21 days. Catalogue fields:
// DECOM LS DEC (Episodes).
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule362: Rule = maximumSpellRule({
  code: '362',
  description: 'The emergency protection order (legal status L2) lasted longer than 21 days.',
  field: 'LS',
  codes: ['L2'],
  maxDays: 21,
});
