// Domain: CIN rule 8915 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, plansOf } from './helpers.ts';

export const rule8915 = cinRule(
  '8915',
  'ChildProtectionPlans',
  'The child protection plan starts after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      if (start !== null && start > death) emit(plan, 'CPPstartDate', plan.start);
    }
  },
);
