// Domain: SSDA903 rule 104 — date UASC status ceased is a real date. Catalogue fields: DUC (UASC).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule104: Rule = validDateRule({
  code: '104',
  description:
    'The date unaccompanied asylum-seeking child (UASC) status ceased is not a real date in dd/mm/yyyy form.',
  table: 'UASC',
  field: 'DUC',
  required: false,
});
