// Domain: CIN rule 8832 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, isYes } from './helpers.ts';

export const rule8832 = cinRule(
  '8832',
  'ChildProtectionPlans',
  'A child protection plan is recorded on a referral with no further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isYes(episode.referralNfa))
        for (const plan of episode.protectionPlans) emit(plan, 'CPPstartDate', plan.start);
  },
);
