// Domain: SSDA903 rule 602 — adoption details for a child whose episodes show no adoption in the year.
// Catalogue fields: CHILD (Episodes, AD1); last defined 2022/23.
import type { Rule } from '../model.ts';
import { episodesInOrder, finding, rowsOf, val } from './support.ts';

const ADOPTION_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];

export const rule602: Rule = {
  code: '602',
  description:
    'Adoption details are given, but no episode shows the child adopted during the year (reason ceased E11 or E12).',
  tables: ['AD1', 'Episodes'],
  fields: ['CHILD'],
  check(child, context) {
    const adopted = episodesInOrder(child).some(
      (episode) =>
        ['E11', 'E12'].includes(episode.row.values.REC ?? '') &&
        episode.dec !== null &&
        episode.dec >= context.periodStart &&
        episode.dec <= context.periodEnd,
    );
    if (adopted) return [];
    return rowsOf(child, 'AD1')
      .filter((row) => ADOPTION_FIELDS.some((field) => val(row, field) !== ''))
      .map((row) => finding('602', child, row, 'CHILD'));
  },
};
