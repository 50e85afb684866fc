// Domain: CIN rule 1105 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule1105 = cinRule(
  '1105',
  'ChildProtectionPlans',
  'The child protection plan starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const plan of episode.protectionPlans) {
        const start = day(plan.start);
        if (referral !== null && start !== null && start < referral) emit(plan, 'CPPstartDate', plan.start);
      }
    }
  },
);
