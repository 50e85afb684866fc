// Domain: SSDA903 rule 701 — DoLO end is a real date. Catalogue fields: DOLO_END (DoLo); from 2026/27.
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule701: Rule = validDateRule({
  code: '701',
  description: 'The end date of the deprivation of liberty order (DoLO) is not a real date.',
  table: 'DoLo',
  field: 'DOLO_END',
  required: false,
});
