// Domain: SSDA903 rule 103 — ethnicity code. Catalogue fields: ETHNIC (Header).
import type { Rule } from '../model.ts';
import { ETHNIC_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule103: Rule = codeListRule({
  code: '103',
  description: 'Ethnicity is missing or is not one of the DfE ethnicity codes (e.g. WBRI, MWBC, REFU, NOBT).',
  table: 'Header',
  field: 'ETHNIC',
  codes: ETHNIC_CODES,
  required: true,
});
