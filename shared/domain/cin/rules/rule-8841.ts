// Domain: CIN rule 8841 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, plansOf } from './helpers.ts';

export const rule8841 = cinRule(
  '8841',
  'ChildProtectionPlans',
  'A review is dated on or before the day the child protection plan started.',
  (child, _context, emit) => {
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      if (start === null) continue;
      for (const review of plan.reviews ?? []) {
        const date = day(review);
        if (date !== null && date <= start) emit(plan, 'CPPreviewDate', review);
      }
    }
  },
);
