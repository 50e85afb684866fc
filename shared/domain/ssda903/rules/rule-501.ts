// Domain: SSDA903 rule 501 — overlapping episodes. Catalogue fields: DECOM DEC (Episodes).
import type { Rule } from '../model.ts';
import { episodePairRule } from './factories.ts';

export const rule501: Rule = episodePairRule({
  code: '501',
  description: 'This episode starts before the previous episode ended: episodes must not overlap.',
  fields: ['DECOM', 'DEC'],
  flags: 'next',
  flagField: 'DECOM',
  fails: (previous, next) => previous.dec !== null && next.decom < previous.dec,
});
