// Domain: CIN rule 8839 (Section47, error); catalogue entry last defined in 2022/23.
import { awaitingConference, cinRule } from './helpers.ts';

export const rule8839 = cinRule(
  '8839',
  'Section47',
  'An episode has two or more section 47 enquiries still awaiting a conference.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const open = episode.section47.filter(awaitingConference);
      for (const item of open.slice(1)) emit(item, 'DateOfInitialCPC', '');
    }
  },
);
