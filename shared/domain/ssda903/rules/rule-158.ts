// Domain: SSDA903 rule 158 — no "intervention offered" when one was received. Catalogue fields:
// INTERVENTION_RECEIVED INTERVENTION_OFFERED (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule158: Rule = rowRule({
  code: '158',
  description:
    'The child received an intervention for substance misuse (1), so whether one was offered should be left blank.',
  table: 'OC2',
  fields: ['INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  flagField: 'INTERVENTION_OFFERED',
  fails: (row) =>
    (row.values.INTERVENTION_RECEIVED ?? '') === '1' && (row.values.INTERVENTION_OFFERED ?? '') !== '',
});
