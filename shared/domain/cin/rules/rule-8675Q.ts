// Domain: CIN rule 8675Q (Section47, query); catalogue entry last defined in 2022/23.

import { workingDaysBetween } from '../working-days.ts';
import { awaitingConference, cinRule, day } from './helpers.ts';

export const rule8675Q = cinRule(
  '8675Q',
  'Section47',
  'The section 47 enquiry started more than 15 working days before the end of the census year but has no conference date.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const start = day(item.start);
        if (awaitingConference(item) && start !== null && workingDaysBetween(start, context.periodEnd) > 15)
          emit(item, 'DateOfInitialCPC', '');
      }
  },
);
