// Domain: CIN rule 4001 (CINplanDates, error); catalogue entry last defined in 2022/23.
import { cinRule, day, overlaps } from './helpers.ts';

export const rule4001 = cinRule(
  '4001',
  'CINplanDates',
  'A CIN plan runs at the same time as a child protection plan.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const plan of episode.cinPlans) {
        const start = day(plan.start);
        if (start === null) continue;
        const end = day(plan.end);
        const clash = episode.protectionPlans.some((cpp) => {
          const cppStart = day(cpp.start);
          return cppStart !== null && overlaps(start, end, cppStart, day(cpp.end));
        });
        if (clash) emit(plan, 'CINPlanStartDate', plan.start);
      }
  },
);
