// Domain: CIN rule 8875 (Section47, error); catalogue entry last defined in 2022/23.

import { isWeekend } from '../working-days.ts';
import { cinRule, day } from './helpers.ts';

export const rule8875 = cinRule(
  '8875',
  'Section47',
  'The initial child protection conference is dated on a weekend.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const icpc = day(episode.icpcDate);
      if (icpc !== null && isWeekend(icpc)) emit(episode, 'DateOfInitialCPC', episode.icpcDate);
      for (const item of episode.section47) {
        const date = day(item.icpcDate);
        if (date !== null && isWeekend(date)) emit(item, 'DateOfInitialCPC', item.icpcDate);
      }
    }
  },
);
