// Domain: CIN rule 8608 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8608 = cinRule(
  '8608',
  'Assessments',
  'The assessment starts after it was authorised (completed).',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const start = day(item.start);
        const end = day(item.authorised);
        if (start !== null && end !== null && start > end)
          emit(item, 'AssessmentActualStartDate', item.start);
      }
  },
);
