// Domain: CIN rule 4009Q (ChildIdentifiers, query); catalogue entry last defined in 2022/23.
import { cinPlansOf, cinRule, day } from './helpers.ts';

export const rule4009Q = cinRule(
  '4009Q',
  'CINplanDates',
  'The CIN plan ends after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of cinPlansOf(child)) {
      const end = day(plan.end);
      if (end !== null && end > death) emit(plan, 'CINPlanEndDate', plan.end);
    }
  },
);
