// Domain: SSDA903 rule 149 — reason episode ceased code. Catalogue fields: REC (Episodes).
import type { Rule } from '../model.ts';
import { REC_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule149: Rule = codeListRule({
  code: '149',
  description: 'The reason the episode ceased is not a valid code (X1 or one of the E codes).',
  table: 'Episodes',
  field: 'REC',
  codes: REC_CODES,
  required: false,
});
