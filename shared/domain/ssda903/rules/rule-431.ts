// Domain: SSDA903 rule 431 — a new period of care cannot start the day the last one ended. Catalogue fields:
// RNE DECOM (Episodes).
import type { Rule } from '../model.ts';
import { episodePairRule } from './factories.ts';

export const rule431: Rule = episodePairRule({
  code: '431',
  description:
    'The reason for new episode is S (started to be looked after) but the previous episode ended on the same day or later.',
  fields: ['RNE', 'DECOM'],
  flags: 'next',
  flagField: 'RNE',
  fails: (previous, next) =>
    (next.row.values.RNE ?? '') === 'S' && previous.dec !== null && next.decom <= previous.dec,
});
