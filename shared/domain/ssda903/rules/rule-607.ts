// Domain: SSDA903 rule 607 — a girl who stopped being looked after during the year with no mother status.
// Catalogue fields: DEC REC MOTHER LS SEX (Episodes, Header); last defined 2024/25, when SEX became M/F/U: each
// version reads its year's code for female (2 until 2023/24, F from 2024/25).
import type { Rule } from '../model.ts';
import { episodesInOrder, finding, headerRow, NO_FINDINGS, SHORT_BREAKS } from './support.ts';

function motherStatusOnLeaving(female: string): Rule {
  return {
    code: '607',
    description:
      'She stopped being looked after during the year, so whether she is a mother should be recorded.',
    tables: ['Header', 'Episodes'],
    fields: ['DEC', 'REC', 'MOTHER', 'LS', 'SEX'],
    check(child, context) {
      const header = headerRow(child);
      if (!header || (header.values.SEX ?? '') !== female || (header.values.MOTHER ?? '') !== '')
        return NO_FINDINGS;
      const ceased = episodesInOrder(child).some(
        (episode) =>
          episode.dec !== null &&
          episode.dec >= context.periodStart &&
          episode.dec <= context.periodEnd &&
          (episode.row.values.REC ?? '') !== '' &&
          (episode.row.values.REC ?? '') !== 'X1' &&
          !SHORT_BREAKS.has(episode.row.values.LS ?? ''),
      );
      return ceased ? [finding('607', child, header, 'MOTHER')] : NO_FINDINGS;
    },
  };
}

export const rule607Until2024: Rule = motherStatusOnLeaving('2');
export const rule607: Rule = motherStatusOnLeaving('F');
