// Domain: SSDA903 rule 375 — hospital as a temporary placement at most six weeks. Catalogue fields: DECOM PLACE.
//
// Decision (from the text, the placement "exceeds" its limit): a placement still open at the end of the year is
// counted up to 31 March. By then it has lasted that long, so the limit is already exceeded; waiting for the
// placement to end would hide it for a year.
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule375: Rule = maximumSpellRule({
  code: '375',
  description: 'A temporary placement in hospital (T1) lasted more than six weeks.',
  field: 'PLACE',
  codes: ['T1'],
  maxDays: 42,
});
