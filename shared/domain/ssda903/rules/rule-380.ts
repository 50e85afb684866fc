// Domain: SSDA903 rule 380 — a period of care cannot start in a temporary placement. Catalogue fields:
// PLACE RNE (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { TEMPORARY_PLACEMENTS, val } from './support.ts';

export const rule380: Rule = rowRule({
  code: '380',
  description:
    'The child started to be looked after (reason for new episode S) in a temporary placement (T0–T4).',
  table: 'Episodes',
  fields: ['PLACE', 'RNE'],
  flagField: 'PLACE',
  fails: (row) => val(row, 'RNE') === 'S' && TEMPORARY_PLACEMENTS.includes(val(row, 'PLACE')),
});
