// Domain: SSDA903 rule 192 — a substance misuse problem needs the intervention-received item. Catalogue fields:
// SUBSTANCE_MISUSE INTERVENTION_RECEIVED (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule192: Rule = rowRule({
  code: '192',
  description:
    'A substance misuse problem is recorded (1), but whether the child received an intervention for it is blank.',
  table: 'OC2',
  fields: ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED'],
  flagField: 'INTERVENTION_RECEIVED',
  fails: (row) =>
    (row.values.SUBSTANCE_MISUSE ?? '') === '1' && (row.values.INTERVENTION_RECEIVED ?? '') === '',
});
