// Domain: SSDA903 rule 633 — local authority where the previous permanence option was arranged. Catalogue
// fields: LA_PERM (PrevPerm); last defined 2022/23. The list (schema.ts) holds every English council's DfE
// number, including those retired by reorganisation, as an order may be years old.
import type { Rule } from '../model.ts';
import { LA_PERM_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule633: Rule = codeListRule({
  code: '633',
  description:
    'The local authority where the previous permanence option was arranged is not a council’s 3-digit DfE number, or WAL, SCO, NIR or NUK for outside England.',
  table: 'PrevPerm',
  field: 'LA_PERM',
  codes: LA_PERM_CODES,
  required: false,
});
