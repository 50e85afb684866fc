// Domain: SSDA903 rule 204 — ethnic origin differs from last year's return. Catalogue fields: ETHNIC (Header,
// Header_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { unchangedHeaderRule } from './last-year.ts';

export const rule204: Rule = unchangedHeaderRule({
  code: '204',
  description: 'Ethnic origin is not the same as in last year’s return for this child.',
  field: 'ETHNIC',
  same: (now, last) => now.toUpperCase() === last.toUpperCase(),
});
