// Domain: CIN rule 4011 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, day } from './helpers.ts';

export const rule4011 = cinRule(
  '4011',
  'CINplanDates',
  'The CIN plan ends before it starts.',
  (child, _context, emit) => {
    for (const plan of cinPlansOf(child)) {
      const start = day(plan.start);
      const end = day(plan.end);
      if (start !== null && end !== null && end < start) emit(plan, 'CINPlanEndDate', plan.end);
    }
  },
);
