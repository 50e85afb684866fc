// Domain: CIN rule 8842Q (Reviews, query); catalogue entry last defined in 2022/23.
import { cinRule, plansOf } from './helpers.ts';

export const rule8842Q = cinRule(
  '8842Q',
  'Reviews',
  'A review record has no date.',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      for (const review of plan.reviews ?? []) if (review === '') emit(plan, 'CPPreviewDate', '');
  },
);
