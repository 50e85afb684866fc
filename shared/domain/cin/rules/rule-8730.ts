// Domain: CIN rule 8730 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, plansOf } from './helpers.ts';

export const rule8730 = cinRule(
  '8730',
  'ChildProtectionPlans',
  'The number of previous child protection plans is missing.',
  (child, _context, emit) => {
    for (const plan of plansOf(child)) if (plan.previousPlans === '') emit(plan, 'NumberOfPreviousCPP', '');
  },
);
