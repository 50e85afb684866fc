// Domain: CIN rule 8740 (Section47, error); catalogue entry last defined in 2022/23.
import { awaitingConference, cinRule, day, inPeriod } from './helpers.ts';

export const rule8740 = cinRule(
  '8740',
  'Section47',
  'A section 47 enquiry with no conference by the end of the census year must have started within it.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const start = day(item.start);
        if (awaitingConference(item) && start !== null && !inPeriod(start, context))
          emit(item, 'S47ActualStartDate', item.start);
      }
  },
);
