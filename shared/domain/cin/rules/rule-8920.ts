// Domain: CIN rule 8920 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, plansOf } from './helpers.ts';

export const rule8920 = cinRule(
  '8920',
  'ChildProtectionPlans',
  'The child protection plan ends after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of plansOf(child)) {
      const end = day(plan.end);
      if (end !== null && end > death) emit(plan, 'CPPendDate', plan.end);
    }
  },
);
