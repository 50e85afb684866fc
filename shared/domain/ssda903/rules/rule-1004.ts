// Domain: SSDA903 rule 1004 — missing period start is a real date. Catalogue fields: MIS_START (Missing).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule1004: Rule = validDateRule({
  code: '1004',
  description:
    'The start date of the missing or away-from-placement period is not a real date in dd/mm/yyyy form.',
  table: 'Missing',
  field: 'MIS_START',
  required: false,
});
