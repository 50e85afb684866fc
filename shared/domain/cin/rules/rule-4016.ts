// Domain: CIN rule 4016 (CINplanDates, error); catalogue entry last defined in 2022/23.
// Overlaps 4001, which compares plans within one episode: DfE reports 4016 across all of a child's episodes,
// on the CIN plan's start date. A child protection plan with no end date runs to the end of the census year;
// a CIN plan may start on the day a protection plan ends (a step down).
import { cinRule, day, plansOf } from './helpers.ts';

export const rule4016 = cinRule(
  '4016',
  'CINplanDates',
  'A CIN plan starts while the child is on a child protection plan.',
  (child, context, emit) => {
    const protection = plansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null ? [] : [{ start, end: day(plan.end) }];
    });
    for (const episode of child.episodes)
      for (const plan of episode.cinPlans) {
        const start = day(plan.start);
        if (start === null) continue;
        const during = protection.some(
          (cpp) => start >= cpp.start && (cpp.end === null ? start <= context.periodEnd : start < cpp.end),
        );
        if (during) emit(plan, 'CINPlanStartDate', plan.start);
      }
  },
);
