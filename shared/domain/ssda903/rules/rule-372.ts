// Domain: SSDA903 rule 372 — youth custody or prison needs a child aged 10+. Catalogue fields: DECOM PLACE.
import type { Rule } from '../model.ts';
import { placementMinimumAgeRule } from './factories.ts';

export const rule372: Rule = placementMinimumAgeRule({
  code: '372',
  description: 'A child placed in a young offender institution or prison (R5) should be at least 10.',
  places: ['R5'],
  years: 10,
});
