// Domain: SSDA903 rule 1000 — no care leaver information for a child who died in care. Catalogue fields:
// IN_TOUCH ACTIV ACCOM (Episodes, OC3).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { rowsOf, val } from './support.ts';

export const rule1000: Rule = rowRule({
  code: '1000',
  description:
    'The child died while looked after (reason ceased E2), so care leaver information should not be completed.',
  table: 'OC3',
  tables: ['OC3', 'Episodes'],
  fields: ['IN_TOUCH', 'ACTIV', 'ACCOM'],
  flagField: 'IN_TOUCH',
  fails: (row, child) =>
    ['IN_TOUCH', 'ACTIV', 'ACCOM'].some((field) => val(row, field) !== '') &&
    rowsOf(child, 'Episodes').some((episode) => (episode.values.REC ?? '') === 'E2'),
});
