// Domain: SSDA903 rule 371 — minimum age for semi-independent / supported accommodation. Catalogue fields:
// DECOM PLACE (Header, Episodes); last defined 2024/25, when H5 (at least 14) gave way to K3 (at least 16).
import type { Rule } from '../model.ts';
import { placementMinimumAgeRule } from './factories.ts';

export const rule371Until2024: Rule = placementMinimumAgeRule({
  code: '371',
  description:
    'A child in semi-independent living accommodation not subject to children’s homes regulations (H5) should be at least 14.',
  places: ['H5'],
  years: 14,
});

export const rule371: Rule = placementMinimumAgeRule({
  code: '371',
  description:
    'A child in supported accommodation not subject to children’s homes regulations (K3) should be at least 16.',
  places: ['K3'],
  years: 16,
});
