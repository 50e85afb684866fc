// Domain: SSDA903 rule 547 — health promotion information comes with the health fields. Catalogue fields:
// HEALTH_CHECK IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { OC2_HEALTH_FIELDS, val } from './support.ts';

export const rule547: Rule = rowRule({
  code: '547',
  description:
    'Whether development assessments are up to date is given, so immunisations, teeth check, health assessment and substance misuse must be given too.',
  table: 'OC2',
  fields: ['HEALTH_CHECK', ...OC2_HEALTH_FIELDS],
  flagField: 'HEALTH_CHECK',
  fails: (row) =>
    (row.values.HEALTH_CHECK ?? '') !== '' && OC2_HEALTH_FIELDS.some((field) => val(row, field) === ''),
});
