// Domain: CIN rule 8736 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod } from './helpers.ts';

export const rule8736 = cinRule(
  '8736',
  'Assessments',
  'An assessment not yet completed must have started within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const start = day(item.start);
        if (item.authorised === '' && start !== null && !inPeriod(start, context))
          emit(item, 'AssessmentActualStartDate', item.start);
      }
  },
);
