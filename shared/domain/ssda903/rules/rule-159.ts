// Domain: SSDA903 rule 159 — "intervention offered" is needed when a misusing child received none. Catalogue
// fields: SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { val } from './support.ts';

export const rule159: Rule = rowRule({
  code: '159',
  description:
    'The child has a substance misuse problem and received no intervention (0), so whether one was offered must be completed.',
  table: 'OC2',
  fields: ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  flagField: 'INTERVENTION_OFFERED',
  fails: (row) =>
    val(row, 'SUBSTANCE_MISUSE') === '1' &&
    val(row, 'INTERVENTION_RECEIVED') === '0' &&
    val(row, 'INTERVENTION_OFFERED') === '',
});
