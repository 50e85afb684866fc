// Domain: SSDA903 rule 700 — DoLO start is a real date. Catalogue fields: DOLO_START (DoLo); from 2026/27.
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule700: Rule = validDateRule({
  code: '700',
  description: 'The start date of the deprivation of liberty order (DoLO) is blank or not a real date.',
  table: 'DoLo',
  field: 'DOLO_START',
  required: true,
});
