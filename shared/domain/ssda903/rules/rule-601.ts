// Domain: SSDA903 rule 601 — a child adopted during the year without complete adoption details. Catalogue
// fields: REC DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR (Episodes, AD1); last defined
// 2022/23.
import type { Rule } from '../model.ts';
import { episodesInOrder, finding, rowsOf, val } from './support.ts';

const ADOPTION_FIELDS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'];

export const rule601: Rule = {
  code: '601',
  description:
    'The child was adopted during the year (reason ceased E11 or E12), so every adoption detail should be completed.',
  tables: ['Episodes', 'AD1'],
  fields: ['REC', ...ADOPTION_FIELDS],
  check(child, context) {
    const adoption = episodesInOrder(child).find(
      (episode) =>
        ['E11', 'E12'].includes(episode.row.values.REC ?? '') &&
        episode.dec !== null &&
        episode.dec >= context.periodStart &&
        episode.dec <= context.periodEnd,
    );
    if (!adoption) return [];
    const details = rowsOf(child, 'AD1')[0];
    if (!details) return [finding('601', child, adoption.row, 'REC')];
    const blank = ADOPTION_FIELDS.find((field) => val(details, field) === '');
    return blank ? [finding('601', child, details, blank)] : [];
  },
};
