// Domain: SSDA903 rule 159 — "intervention offered" is needed when a misusing child received none. Catalogue
// fields: SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule159: Rule = rowRule({
  code: '159',
  description:
    'The child has a substance misuse problem and received no intervention (0), so whether one was offered must be completed.',
  table: 'OC2',
  fields: ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  flagField: 'INTERVENTION_OFFERED',
  fails: (row) =>
    (row.values.SUBSTANCE_MISUSE ?? '') === '1' &&
    (row.values.INTERVENTION_RECEIVED ?? '') === '0' &&
    (row.values.INTERVENTION_OFFERED ?? '') === '',
});
