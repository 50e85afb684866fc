// Domain: SSDA903 rule 386 — adoption after 18. Catalogue fields: REC (Header, Episodes).
import type { Rule } from '../model.ts';
import { ceasedReasonAgeRule } from './factories.ts';
import { hasReachedAge } from './support.ts';

export const rule386: Rule = ceasedReasonAgeRule({
  code: '386',
  description:
    'The episode ceased because the child was adopted (E11 or E12) but the child had already turned 18.',
  reasons: ['E11', 'E12'],
  wrongAge: (dob, dec) => hasReachedAge(dob, dec, 18),
});
