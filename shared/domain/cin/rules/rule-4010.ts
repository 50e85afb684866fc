// Domain: CIN rule 4010 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, day } from './helpers.ts';

export const rule4010 = cinRule(
  '4010',
  'CINplanDates',
  'The CIN plan start date is missing or after the end of the census year.',
  (child, context, emit) => {
    for (const plan of cinPlansOf(child)) {
      const start = day(plan.start);
      if (start === null || start > context.periodEnd) emit(plan, 'CINPlanStartDate', plan.start);
    }
  },
);
