// Domain: SSDA903 rule 1011 — no care leaver information when care passed to another council. Catalogue
// fields: IN_TOUCH ACTIV ACCOM (Episodes, OC3).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { episodesInOrder, finalCeasedEpisode, firstFilled, OC3_FIELDS } from './support.ts';

export const rule1011: Rule = rowRule({
  code: '1011',
  description:
    'The child’s last episode ended with care transferred to another local authority (E3), so care leaver information should not be completed.',
  table: 'OC3',
  tables: ['OC3', 'Episodes'],
  fields: OC3_FIELDS,
  flagField: 'IN_TOUCH',
  fails: (row, child) => {
    if (firstFilled(row, OC3_FIELDS) === undefined) return false;
    const last = finalCeasedEpisode(episodesInOrder(child));
    return last !== undefined && (last.row.values.REC ?? '') === 'E3';
  },
});
