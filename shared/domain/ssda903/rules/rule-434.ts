// Domain: SSDA903 rule 434 — RNE L (legal status change only) must match the data. Catalogue fields:
// RNE LS PLACE PL_POST URN PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { episodePairRule } from './factories.ts';
import { samePlacement } from './support.ts';

export const rule434: Rule = episodePairRule({
  code: '434',
  description:
    'The reason for new episode is L (legal status changed, placement did not), but the legal status is unchanged or the placement details changed.',
  fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
  flags: 'next',
  flagField: 'RNE',
  fails: (previous, next) =>
    (next.row.values.RNE ?? '') === 'L' &&
    ((next.row.values.LS ?? '') === (previous.row.values.LS ?? '') || !samePlacement(previous, next)),
});
