// Domain: SSDA903 rule 379 — an unspecified temporary placement at most seven days. Catalogue fields:
// DECOM PLACE (Episodes).
//
// Decision (from the text, the placement "exceeds" its limit): a placement still open at the end of the year is
// counted up to 31 March. By then it has lasted that long, so the limit is already exceeded; waiting for the
// placement to end would hide it for a year.
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule379: Rule = maximumSpellRule({
  code: '379',
  description: 'A temporary placement for another reason (T4) lasted more than seven days.',
  field: 'PLACE',
  codes: ['T4'],
  maxDays: 7,
});
