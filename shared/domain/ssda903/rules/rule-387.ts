// Domain: SSDA903 rule 387 — independent living under 14. Catalogue fields: REC (Header, Episodes).
import type { Rule } from '../model.ts';
import { ceasedReasonAgeRule } from './factories.ts';
import { hasReachedAge } from './support.ts';

export const rule387: Rule = ceasedReasonAgeRule({
  code: '387',
  description:
    'The episode ceased because the child moved into independent living (E5 or E6) but the child was under 14.',
  reasons: ['E5', 'E6'],
  wrongAge: (dob, dec) => !hasReachedAge(dob, dec, 14),
});
