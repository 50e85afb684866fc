// Domain: CIN rule 4004 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule } from './helpers.ts';

export const rule4004 = cinRule(
  '4004',
  'CINplanDates',
  'The child has more than one open CIN plan (no end date).',
  (child, _context, emit) => {
    const open = cinPlansOf(child).filter((plan) => plan.end === '');
    for (const plan of open.slice(1)) emit(plan, 'CINPlanEndDate', '');
  },
);
