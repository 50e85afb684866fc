// Domain: CIN rule 8930 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod, plansOf } from './helpers.ts';

export const rule8930 = cinRule(
  '8930',
  'ChildProtectionPlans',
  'The child protection plan end date is not within the census year.',
  (child, context, emit) => {
    for (const plan of plansOf(child)) {
      const end = day(plan.end);
      if (end !== null && !inPeriod(end, context)) emit(plan, 'CPPendDate', plan.end);
    }
  },
);
