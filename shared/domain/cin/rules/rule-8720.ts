// Domain: CIN rule 8720 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, plansOf } from './helpers.ts';

export const rule8720 = cinRule(
  '8720',
  'ChildProtectionPlans',
  'The child protection plan start date is missing or after the end of the census year.',
  (child, context, emit) => {
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      if (start === null || start > context.periodEnd) emit(plan, 'CPPstartDate', plan.start);
    }
  },
);
