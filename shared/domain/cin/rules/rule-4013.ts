// Domain: CIN rule 4013 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, day, inPeriod } from './helpers.ts';

export const rule4013 = cinRule(
  '4013',
  'CINplanDates',
  'The CIN plan end date is not within the census year.',
  (child, context, emit) => {
    for (const plan of cinPlansOf(child)) {
      const end = day(plan.end);
      if (end !== null && !inPeriod(end, context)) emit(plan, 'CINPlanEndDate', plan.end);
    }
  },
);
