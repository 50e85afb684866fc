// Domain: SSDA903 rule 436 — RNE B or U (legal status and placement change) must match the data. Catalogue
// fields: RNE LS PLACE PL_POST URN PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { episodePairRule } from './factories.ts';
import { samePlacement } from './support.ts';

const BOTH_CHANGED = codeSet('RNE', ['B', 'U']);

export const rule436: Rule = episodePairRule({
  code: '436',
  description:
    'The reason for new episode is B or U (legal status and placement both changed), but the legal status is unchanged or no placement detail changed.',
  fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
  flags: 'next',
  flagField: 'RNE',
  fails: (previous, next) =>
    BOTH_CHANGED.has(next.row.values.RNE ?? '') &&
    ((next.row.values.LS ?? '') === (previous.row.values.LS ?? '') || samePlacement(previous, next)),
});
