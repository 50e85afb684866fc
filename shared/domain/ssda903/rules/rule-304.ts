// Domain: SSDA903 rule 304 — UASC status ends by the 18th birthday. Catalogue fields: DUC (UASC).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, daysOf, dobFor } from './support.ts';

export const rule304: Rule = rowRule({
  code: '304',
  description: "The date UASC status ceased is after the child's 18th birthday; it must be on or before it.",
  table: 'UASC',
  fields: ['DUC'],
  flagField: 'DUC',
  fails: (row, child) => {
    const duc = daysOf(row).DUC ?? null;
    const dob = dobFor(child, row);
    return duc !== null && dob !== null && duc > addYears(dob, 18);
  },
});
