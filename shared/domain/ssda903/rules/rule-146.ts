// Domain: SSDA903 rule 146 — placement type code, year-aware. Catalogue fields: PLACE (Episodes); last defined
// 2025/26. Code lists: schema 2024 (H5, P2 valid), 2025 diff (K3 added, H5 and P2 gone), 2026 diff (Z11–Z14 added).
import type { Rule } from '../model.ts';
import { PLACE_CODES_2025, PLACE_CODES_FROM_2026, PLACE_CODES_UNTIL_2024 } from './code-lists.ts';
import { codeListRule } from './factories.ts';

const description =
  'The placement type is missing or is not a valid placement code for this collection year.';

export const rule146Until2024: Rule = codeListRule({
  code: '146',
  description,
  table: 'Episodes',
  field: 'PLACE',
  codes: PLACE_CODES_UNTIL_2024,
  required: true,
});

export const rule146Until2025: Rule = codeListRule({
  code: '146',
  description,
  table: 'Episodes',
  field: 'PLACE',
  codes: PLACE_CODES_2025,
  required: true,
});

export const rule146: Rule = codeListRule({
  code: '146',
  description,
  table: 'Episodes',
  field: 'PLACE',
  codes: PLACE_CODES_FROM_2026,
  required: true,
});
