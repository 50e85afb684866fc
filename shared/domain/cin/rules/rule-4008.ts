// Domain: CIN rule 4008 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, day } from './helpers.ts';

export const rule4008 = cinRule(
  '4008',
  'CINplanDates',
  'The CIN plan starts after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of cinPlansOf(child)) {
      const start = day(plan.start);
      if (start !== null && start > death) emit(plan, 'CINPlanStartDate', plan.start);
    }
  },
);
