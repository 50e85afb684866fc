// Domain: SSDA903 rule 363 — a child assessment order lasts at most seven days (Children Act 1989). Catalogue
// fields: LS DECOM DEC (Episodes). Episodes under L3 that follow on make one order; an open one runs to 31 March.
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule363: Rule = maximumSpellRule({
  code: '363',
  description: 'A child assessment order (legal status L3) lasted more than the seven days the law allows.',
  field: 'LS',
  codes: ['L3'],
  maxDays: 7,
});
