// Domain: CIN rule 4000 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinRule, isYes } from './helpers.ts';

export const rule4000 = cinRule(
  '4000',
  'CINplanDates',
  'CIN plan dates are given for a referral with no further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isYes(episode.referralNfa))
        for (const plan of episode.cinPlans) emit(plan, 'CINPlanStartDate', plan.start);
  },
);
