// Domain: CIN rule 4014 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, overlapping, planRanges } from './helpers.ts';

export const rule4014 = cinRule(
  '4014',
  'CINplanDates',
  'Two CIN plans overlap: one starts before the previous one ended.',
  (child, _context, emit) => {
    const ranges = planRanges(cinPlansOf(child), 'CINPlanStartDate');
    for (const range of overlapping(ranges)) emit(range, range.field, range.text);
  },
);
