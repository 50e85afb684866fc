// Domain: SSDA903 rule 625 — the mother's first child born after the year ended or after she left care.
// Catalogue fields: MC_DOB DEC (Episodes, Header); last defined 2022/23.
import type { Rule } from '../model.ts';
import { daysOf, episodesInOrder, finalCeasedEpisode, finding, headerRow, NO_FINDINGS } from './support.ts';

export const rule625: Rule = {
  code: '625',
  description:
    'The date of birth of the mother’s first child is after the end of the year, or after she stopped being looked after.',
  tables: ['Header', 'Episodes'],
  fields: ['MC_DOB', 'DEC'],
  check(child, context) {
    const header = headerRow(child);
    const born = header ? (daysOf(header).MC_DOB ?? null) : null;
    if (!header || born === null) return NO_FINDINGS;
    const ceased = finalCeasedEpisode(episodesInOrder(child))?.dec ?? null;
    if (born > context.periodEnd || (ceased !== null && born > ceased))
      return [finding('625', child, header, 'MC_DOB')];
    return NO_FINDINGS;
  },
};
