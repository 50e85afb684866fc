// Domain: CIN rule 4003 (Reviews, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, day, plansOf } from './helpers.ts';

export const rule4003 = cinRule(
  '4003',
  'Reviews',
  'A child protection plan review is dated while a CIN plan is open.',
  (child, _context, emit) => {
    const cinPlans = cinPlansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null ? [] : [{ start, end: day(plan.end) }];
    });
    for (const plan of plansOf(child))
      for (const review of plan.reviews ?? []) {
        const date = day(review);
        if (
          date !== null &&
          cinPlans.some((range) => date >= range.start && (range.end === null || date < range.end))
        )
          emit(plan, 'CPPreviewDate', review);
      }
  },
);
