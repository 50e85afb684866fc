// Domain: SSDA903 rule 232 — sex reported as unknown (a query). Catalogue fields: SEX (Header); from 2024/25.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule232: Rule = rowRule({
  code: '232',
  description: "The child's sex is recorded as U (unknown); check whether it is known.",
  table: 'Header',
  fields: ['SEX'],
  flagField: 'SEX',
  fails: (row) => (row.values.SEX ?? '') === 'U',
});
