// Domain: SSDA903 rule 143 — reason for new episode code. Catalogue fields: RNE (Episodes).
import type { Rule } from '../model.ts';
import { RNE_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule143: Rule = codeListRule({
  code: '143',
  description: 'The reason for new episode is missing or is not one of S, L, P, T, B or U.',
  table: 'Episodes',
  field: 'RNE',
  codes: RNE_CODES,
  required: true,
});
