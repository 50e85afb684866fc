// Domain: SSDA903 rule 144 — legal status code. Catalogue fields: LS (Episodes).
import type { Rule } from '../model.ts';
import { LS_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule144: Rule = codeListRule({
  code: '144',
  description:
    'The legal status is missing or is not a valid legal status code (C1, C2, D1, E1, V2–V4, L1–L3, J1–J3).',
  table: 'Episodes',
  field: 'LS',
  codes: LS_CODES,
  required: true,
});
