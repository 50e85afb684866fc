// Domain: CIN rule 1103 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule1103 = cinRule(
  '1103',
  'Assessments',
  'The assessment starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const item of episode.assessments) {
        const start = day(item.start);
        if (referral !== null && start !== null && start < referral)
          emit(item, 'AssessmentActualStartDate', item.start);
      }
    }
  },
);
