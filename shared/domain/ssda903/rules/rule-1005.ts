// Domain: SSDA903 rule 1005 — missing period end is a real date. Catalogue fields: MIS_END (Missing).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule1005: Rule = validDateRule({
  code: '1005',
  description:
    'The end date of the missing or away-from-placement period is not a real date in dd/mm/yyyy form.',
  table: 'Missing',
  field: 'MIS_END',
  required: false,
});
