// Domain: SSDA903 rule 374 — residential employment needs a child aged 14+. Catalogue fields: DECOM PLACE.
import type { Rule } from '../model.ts';
import { placementMinimumAgeRule } from './factories.ts';

export const rule374: Rule = placementMinimumAgeRule({
  code: '374',
  description: 'A child in residential employment (P3) should be at least 14.',
  places: ['P3'],
  years: 14,
});
