// Domain: SSDA903 rule 382 — short breaks are not temporary placements. Catalogue fields: LS PLACE (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { SHORT_BREAKS, TEMPORARY } from './support.ts';

export const rule382: Rule = rowRule({
  code: '382',
  description: 'A child on short breaks (legal status V3 or V4) cannot be in a temporary placement (T0–T4).',
  table: 'Episodes',
  fields: ['LS', 'PLACE'],
  flagField: 'PLACE',
  when: SHORT_BREAKS,
  fails: (row) => SHORT_BREAKS.has(row.values.LS ?? '') && TEMPORARY.has(row.values.PLACE ?? ''),
});
