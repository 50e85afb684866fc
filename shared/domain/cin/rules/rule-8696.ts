// Domain: CIN rule 8696 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod } from './helpers.ts';

export const rule8696 = cinRule(
  '8696',
  'Assessments',
  'The assessment authorisation (end) date is not within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const end = day(item.authorised);
        if (end !== null && !inPeriod(end, context))
          emit(item, 'AssessmentAuthorisationDate', item.authorised);
      }
  },
);
