// Domain: SSDA903 rule SW08STG2 — earlier social worker episodes must have ended. Catalogue fields: SW_DEC.
import type { Rule } from '../model.ts';
import { finding, rowsOf, sortedByDate } from './support.ts';

export const ruleSW08STG2: Rule = {
  code: 'SW08STG2',
  description: 'A later social worker episode has started but this one has no end date.',
  tables: ['SWEpisodes'],
  fields: ['SW_DEC'],
  check(child) {
    return sortedByDate(rowsOf(child, 'SWEpisodes'), 'SW_DECOM')
      .slice(0, -1)
      .filter(({ row }) => (row.values.SW_DEC ?? '') === '')
      .map(({ row }) => finding('SW08STG2', child, row, 'SW_DEC'));
  },
};
