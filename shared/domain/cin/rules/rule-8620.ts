// Domain: CIN rule 8620 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod } from './helpers.ts';

export const rule8620 = cinRule(
  '8620',
  'CINdetails',
  'The CIN closure date is not within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const closure = day(episode.closureDate);
      if (closure !== null && !inPeriod(closure, context))
        emit(episode, 'CINclosureDate', episode.closureDate);
    }
  },
);
