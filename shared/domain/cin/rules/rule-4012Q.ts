// Domain: CIN rule 4012Q (CINplanDates, query); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule } from './helpers.ts';

export const rule4012Q = cinRule(
  '4012Q',
  'CINplanDates',
  'The CIN plan starts and ends on the same day.',
  (child, _context, emit) => {
    for (const plan of cinPlansOf(child))
      if (plan.start !== '' && plan.start === plan.end) emit(plan, 'CINPlanEndDate', plan.end);
  },
);
