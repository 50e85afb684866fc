// Domain: SSDA903 rule 435 — RNE P or T (placement change only) must match the data. Catalogue fields:
// LS PLACE PL_POST URN PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { episodePairRule } from './factories.ts';
import { samePlacement } from './support.ts';

const PLACEMENT_ONLY = codeSet('RNE', ['P', 'T']);

export const rule435: Rule = episodePairRule({
  code: '435',
  description:
    'The reason for new episode is P or T (placement changed, legal status did not), but the legal status changed or no placement detail changed.',
  fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
  flags: 'next',
  flagField: 'RNE',
  fails: (previous, next) =>
    PLACEMENT_ONLY.has(next.row.values.RNE ?? '') &&
    ((next.row.values.LS ?? '') !== (previous.row.values.LS ?? '') || samePlacement(previous, next)),
});
