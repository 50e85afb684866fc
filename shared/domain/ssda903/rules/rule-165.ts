// Domain: SSDA903 rule 165 — mother status. Catalogue fields: MOTHER SEX DECOM (Header, Episodes; OC3 listed).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { episodesInOrder, SHORT_BREAKS, sexOf } from './support.ts';

/**
 * MOTHER must be 0 or 1 when given; it should not be given for a boy; and a girl looked after during the year
 * (other than on short breaks) should have it completed. Sex is read in either code list (1/2 or M/F).
 */
export const rule165: Rule = rowRule({
  code: '165',
  description:
    'Mother status is not valid: it must be 0 or 1, must be left blank for a boy, and must be completed for a girl looked after during the year.',
  table: 'Header',
  tables: ['Header', 'Episodes'],
  fields: ['MOTHER', 'SEX', 'DECOM'],
  flagField: 'MOTHER',
  fails: (row, child, context) => {
    const mother = row.values.MOTHER ?? '';
    const sex = sexOf(row);
    if (mother !== '') return !['0', '1'].includes(mother) || sex === 'male';
    if (sex !== 'female') return false;
    return episodesInOrder(child).some(
      (episode) =>
        !SHORT_BREAKS.has(episode.row.values.LS ?? '') &&
        episode.decom <= context.periodEnd &&
        (episode.dec === null || episode.dec >= context.periodStart),
    );
  },
});
