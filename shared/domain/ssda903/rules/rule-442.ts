// Domain: SSDA903 rule 442 — UPN not completed. Catalogue fields: UPN (Header; Episodes listed).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule442: Rule = rowRule({
  code: '442',
  description: 'The UPN is blank; give the UPN, or UN1–UN5 if it is not known.',
  table: 'Header',
  fields: ['UPN'],
  flagField: 'UPN',
  fails: (row) => (row.values.UPN ?? '') === '',
});
