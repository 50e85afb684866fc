// Domain: CIN rule 8940 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, overlapping, planRanges, plansOf } from './helpers.ts';

export const rule8940 = cinRule(
  '8940',
  'ChildProtectionPlans',
  'Two child protection plans overlap: one starts before the previous one ended.',
  (child, _context, emit) => {
    const ranges = planRanges(plansOf(child), 'CPPstartDate');
    for (const range of overlapping(ranges)) emit(range, range.field, range.text);
  },
);
