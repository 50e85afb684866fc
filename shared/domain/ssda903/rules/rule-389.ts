// Domain: SSDA903 rule 389 — transfer to adult social care under 16. Catalogue fields: REC (Header, Episodes).
import type { Rule } from '../model.ts';
import { ceasedReasonAgeRule } from './factories.ts';
import { hasReachedAge } from './support.ts';

export const rule389: Rule = ceasedReasonAgeRule({
  code: '389',
  description:
    'The episode ceased because the child transferred to residential care funded by adult social care (E7) but the child was under 16.',
  reasons: ['E7'],
  wrongAge: (dob, dec) => !hasReachedAge(dob, dec, 16),
});
