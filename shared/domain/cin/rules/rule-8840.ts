// Domain: CIN rule 8840 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, plansOf } from './helpers.ts';

export const rule8840 = cinRule(
  '8840',
  'ChildProtectionPlans',
  'The child protection plan starts and ends on the same day.',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      if (plan.start !== '' && plan.start === plan.end) emit(plan, 'CPPendDate', plan.end);
  },
);
