// Domain: CIN rule 4015 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule4015 = cinRule(
  '4015',
  'CINplanDates',
  'The CIN plan starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const plan of episode.cinPlans) {
        const start = day(plan.start);
        if (referral !== null && start !== null && start < referral)
          emit(plan, 'CINPlanStartDate', plan.start);
      }
    }
  },
);
