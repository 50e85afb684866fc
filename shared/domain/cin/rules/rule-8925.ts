// Domain: CIN rule 8925 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, plansOf } from './helpers.ts';

export const rule8925 = cinRule(
  '8925',
  'ChildProtectionPlans',
  'The child protection plan ends before it starts.',
  (child, _context, emit) => {
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      const end = day(plan.end);
      if (start !== null && end !== null && end < start) emit(plan, 'CPPendDate', plan.end);
    }
  },
);
