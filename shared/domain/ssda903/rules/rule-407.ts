// Domain: SSDA903 rule 407 — special guardianship after 18. Catalogue fields: DEC DOB REC (Header, Episodes).
import type { Rule } from '../model.ts';
import { ceasedReasonAgeRule } from './factories.ts';
import { hasReachedAge } from './support.ts';

export const rule407: Rule = ceasedReasonAgeRule({
  code: '407',
  description:
    'The episode ceased because of a special guardianship order (E45–E48) but the child had already turned 18.',
  reasons: ['E45', 'E46', 'E47', 'E48'],
  wrongAge: (dob, dec) => hasReachedAge(dob, dec, 18),
});
