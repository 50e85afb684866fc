// Domain: CIN rule 8670Q (Assessments, query); catalogue entry last defined in 2022/23.

import { workingDaysBetween } from '../working-days.ts';
import { cinRule, day } from './helpers.ts';

export const rule8670Q = cinRule(
  '8670Q',
  'Assessments',
  'The assessment started more than 45 working days before the end of the census year but has no end date.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const start = day(item.start);
        if (item.authorised === '' && start !== null && workingDaysBetween(start, context.periodEnd) > 45)
          emit(item, 'AssessmentAuthorisationDate', '');
      }
  },
);
