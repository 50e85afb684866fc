// Domain: SSDA903 rule 375 — hospital as a temporary placement at most six weeks. Catalogue fields: DECOM PLACE.
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule375: Rule = maximumSpellRule({
  code: '375',
  description: 'A temporary placement in hospital (T1) lasted more than six weeks.',
  field: 'PLACE',
  codes: ['T1'],
  maxDays: 42,
});
