// Domain: CIN rule 8715 (Section47, error); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod } from './helpers.ts';

export const rule8715 = cinRule(
  '8715',
  'Section47',
  'The date of the initial child protection conference is not within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const icpc = day(episode.icpcDate);
      if (icpc !== null && !inPeriod(icpc, context)) emit(episode, 'DateOfInitialCPC', episode.icpcDate);
      for (const item of episode.section47) {
        const date = day(item.icpcDate);
        if (date !== null && !inPeriod(date, context)) emit(item, 'DateOfInitialCPC', item.icpcDate);
      }
    }
  },
);
