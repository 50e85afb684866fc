// Domain: SSDA903 rule 460 — "staying put" before 18. Catalogue fields: DEC REC (Header, Episodes).
import type { Rule } from '../model.ts';
import { ceasedReasonAgeRule } from './factories.ts';
import { hasReachedAge } from './support.ts';

export const rule460: Rule = ceasedReasonAgeRule({
  code: '460',
  description:
    'The episode ceased because the young person stayed with their carers at 18 or over (E17) but they were under 18.',
  reasons: ['E17'],
  wrongAge: (dob, dec) => !hasReachedAge(dob, dec, 18),
});
