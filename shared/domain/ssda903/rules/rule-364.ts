// Domain: SSDA903 rule 364 — police detention in council accommodation is short (PACE 1984, sections 41–46).
// Catalogue fields: LS DECOM DEC (Episodes). Episodes under J2 that follow on are one detention, at most 21 days;
// an open one runs to 31 March.
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule364: Rule = maximumSpellRule({
  code: '364',
  description:
    'Detention under the Police and Criminal Evidence Act (legal status J2) lasted more than 21 days, longer than the law allows.',
  field: 'LS',
  codes: ['J2'],
  maxDays: 21,
});
