// Domain: CIN rule 4014 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, day, overlapping } from './helpers.ts';

export const rule4014 = cinRule(
  '4014',
  'CINplanDates',
  'Two CIN plans overlap: one starts before the previous one ended.',
  (child, _context, emit) => {
    const ranges = cinPlansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null
        ? []
        : [
            {
              line: plan.line,
              where: plan.where,
              start,
              end: day(plan.end),
              field: 'CINPlanStartDate',
              text: plan.start,
            },
          ];
    });
    for (const range of overlapping(ranges)) emit(range, range.field, range.text);
  },
);
