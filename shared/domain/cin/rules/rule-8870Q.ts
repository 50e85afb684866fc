// Domain: CIN rule 8870Q (Section47, query); catalogue entry last defined in 2022/23.

import { isWeekend } from '../working-days.ts';
import { cinRule, day } from './helpers.ts';

export const rule8870Q = cinRule(
  '8870Q',
  'Section47',
  'The target date for the initial child protection conference falls on a weekend.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const target = day(item.icpcTarget);
        if (target !== null && isWeekend(target)) emit(item, 'InitialCPCtarget', item.icpcTarget);
      }
  },
);
