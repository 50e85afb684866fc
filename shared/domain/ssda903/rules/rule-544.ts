// Domain: SSDA903 rule 544 — conviction information comes with the health fields. Catalogue fields:
// CONVICTED IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { OC2_HEALTH_FIELDS, val } from './support.ts';

export const rule544: Rule = rowRule({
  code: '544',
  description:
    'Conviction information is given, so immunisations, teeth check, health assessment and substance misuse must be given too.',
  table: 'OC2',
  fields: ['CONVICTED', ...OC2_HEALTH_FIELDS],
  flagField: 'CONVICTED',
  fails: (row) =>
    (row.values.CONVICTED ?? '') !== '' && OC2_HEALTH_FIELDS.some((field) => val(row, field) === ''),
});
