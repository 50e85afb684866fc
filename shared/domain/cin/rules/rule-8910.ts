// Domain: CIN rule 8910 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { CATEGORY_OF_ABUSE, cinRule, plansOf } from './helpers.ts';

export const rule8910 = cinRule(
  '8910',
  'ChildProtectionPlans',
  'The latest category of abuse is missing or not a code in the list (NEG, PHY, SAB, EMO, MUL).',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      if (!CATEGORY_OF_ABUSE.has(plan.latestCategory))
        emit(plan, 'LatestCategoryOfAbuse', plan.latestCategory);
  },
);
