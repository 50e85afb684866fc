// Domain: CIN rule 8940 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, overlapping, plansOf } from './helpers.ts';

export const rule8940 = cinRule(
  '8940',
  'ChildProtectionPlans',
  'Two child protection plans overlap: one starts before the previous one ended.',
  (child, _context, emit) => {
    const ranges = plansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null
        ? []
        : [
            {
              line: plan.line,
              where: plan.where,
              start,
              end: day(plan.end),
              field: 'CPPstartDate',
              text: plan.start,
            },
          ];
    });
    for (const range of overlapping(ranges)) emit(range, range.field, range.text);
  },
);
