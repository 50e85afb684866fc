// Domain: SSDA903 rule 193 — no intervention items without a substance misuse problem. Catalogue fields:
// SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { firstFilled } from './support.ts';

export const rule193: Rule = rowRule({
  code: '193',
  description:
    'No substance misuse problem is recorded, but whether an intervention was received or offered is completed.',
  table: 'OC2',
  fields: ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  flagField: 'SUBSTANCE_MISUSE',
  fails: (row) =>
    (row.values.SUBSTANCE_MISUSE ?? '') !== '1' &&
    firstFilled(row, ['INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED']) !== undefined,
});
