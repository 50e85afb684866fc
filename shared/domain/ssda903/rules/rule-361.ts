// Domain: SSDA903 rule 361 — police protection lasts at most 72 hours. Catalogue fields: DECOM LS DEC (Episodes).
import type { Rule } from '../model.ts';
import { maximumSpellRule } from './factories.ts';

export const rule361: Rule = maximumSpellRule({
  code: '361',
  description:
    'Police protection (legal status L1) lasted longer than the 72 hours the Children Act 1989 allows.',
  field: 'LS',
  codes: ['L1'],
  maxDays: 3,
});
