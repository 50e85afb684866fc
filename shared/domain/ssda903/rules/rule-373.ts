// Domain: SSDA903 rule 373 — residential school needs a child aged 4+. Catalogue fields: DECOM PLACE.
import type { Rule } from '../model.ts';
import { placementMinimumAgeRule } from './factories.ts';

export const rule373: Rule = placementMinimumAgeRule({
  code: '373',
  description: 'A child placed in a residential school (S1) should be at least 4.',
  places: ['S1'],
  years: 4,
});
