// Domain: SSDA903 rule 101 — the child's sex code. Catalogue fields: SEX (Header); last defined 2024/25.
import type { Rule } from '../model.ts';
import { SEX_CODES_FROM_2025, SEX_CODES_UNTIL_2024 } from './code-lists.ts';
import { codeListRule } from './factories.ts';

/** Returns up to 2023/24 used 1 (male) and 2 (female). */
export const rule101Until2024: Rule = codeListRule({
  code: '101',
  description: "The child's sex must be recorded as 1 (male) or 2 (female).",
  table: 'Header',
  field: 'SEX',
  codes: SEX_CODES_UNTIL_2024,
  required: true,
});

/** From 2024/25 sex is recorded as M, F or U. */
export const rule101: Rule = codeListRule({
  code: '101',
  description: "The child's sex must be recorded as M (male), F (female) or U (unknown).",
  table: 'Header',
  field: 'SEX',
  codes: SEX_CODES_FROM_2025,
  required: true,
});
