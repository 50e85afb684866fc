// Domain: CIN rule 8615 (Section47, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8615 = cinRule(
  '8615',
  'Section47',
  'The section 47 start date is missing or later than the initial child protection conference.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const start = day(item.start);
        const icpc = day(item.icpcDate);
        if (start === null || (icpc !== null && start > icpc)) emit(item, 'S47ActualStartDate', item.start);
      }
  },
);
