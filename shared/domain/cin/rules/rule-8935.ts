// Domain: CIN rule 8935 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, plansOf } from './helpers.ts';

export const rule8935 = cinRule(
  '8935',
  'ChildProtectionPlans',
  'The child has more than one open child protection plan (no end date).',
  (child, _context, emit) => {
    const open = plansOf(child).filter((plan) => plan.end === '');
    for (const plan of open.slice(1)) emit(plan, 'CPPendDate', '');
  },
);
